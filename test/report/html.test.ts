// --format html: one self-contained file. The formatter on a hand-built report (nothing from outside, no
// secret, no way for a manifest to close the script), then the page itself in a real browser (chromium through
// playwright-core): summary, filters, sorting, a finding opened on its highlighted source line, and 10,000
// findings that still open and filter.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildReport } from "../../harness/src/index.js";
import { formatHtml } from "../../harness/src/report/formatters/html.js";
import type { Finding } from "../../harness/src/report/finding.js";
import { readBundledArtifacts } from "../../harness/src/node/bundled.js";
import { CATALOG, finding, results } from "./fixtures.js";
import { runCli } from "../cli/run-cli.js";
import { tempDir } from "../helpers.js";
import { chromiumPath, launchBrowser } from "../support/browser.js";

const SOURCE = [
  "apiVersion: apps/v1",
  "kind: Deployment",
  "metadata:",
  "  name: web # </script><script>alert(1)</script>",
  ...Array.from({ length: 16 }, (_, i) => `  # line ${i + 5}`),
  "      containers:",
  "        - name: app",
  "          env:",
  "            - name: DB_PASSWORD",
  "              value: hunter2-secret",
  "",
].join("\n");

const dataOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="shipshape-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as {
    findings: Finding[];
    rules: Record<string, unknown>;
    sources: Record<string, string>;
  };

describe("the html formatter", () => {
  const report = buildReport(results(), "0.0.0-test", { disabledRules: [] });
  const html = formatHtml(report, { catalog: CATALOG, color: false, sources: { "deploy/web.yaml": SOURCE } });

  it("is one file that loads nothing from anywhere", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it("embeds the findings, the rules they break and their files' sources with secrets masked", () => {
    const data = dataOf(html);
    expect(data.findings).toHaveLength(report.findings.length);
    expect(Object.keys(data.rules).sort()).toEqual(["no-root-user", "read-only-rootfs"]); // what the catalog has of them
    expect(data.sources["deploy/web.yaml"]).toContain("value: ••••••••••••••");
    expect(html).not.toContain("hunter2");
  });

  it("leaves no way for a manifest's text to close the script element", () => {
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the data block's and the page script's own
    expect(dataOf(html).sources["deploy/web.yaml"]).toContain("</script><script>alert(1)</script>");
  });
});

describe.runIf(chromiumPath())("the html report in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (file: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("request", (request) => !request.url().startsWith("file:") && problems.push(`request: ${request.url()}`));
    const started = performance.now();
    await page.goto(`file://${file}`);
    await page.waitForSelector(".row");
    return { page, problems, openedMs: performance.now() - started };
  };

  it("shows the run, filters, sorts, and opens a finding on its highlighted source line", async () => {
    const dir = tempDir("html", {
      "deploy/web.yaml": SOURCE.replace("      containers:", "spec:\n  template:\n    spec:\n      containers:"),
      "compose.yaml": "services:\n  web:\n    image: nginx\n    privileged: true\n",
    });
    const run = await runCli(["check", "--no-config", "-f", "html", "-o", "report.html", "."], { cwd: dir });
    expect(run.code).toBe(1);
    const json = JSON.parse((await runCli(["check", "--no-config", "-f", "json", "."], { cwd: dir })).stdout) as { findings: Finding[] };
    const { page, problems } = await open(join(dir, "report.html"));

    expect(await page.textContent("#verdict")).toBe("failed");
    expect(await page.textContent("#count")).toBe(`${json.findings.length} of ${json.findings.length} findings`);
    expect(json.findings.some((f) => f.file === join("deploy", "web.yaml") && f.rule === "no-secrets-in-env")).toBe(true);
    expect(await page.textContent("body")).not.toContain("hunter2");

    await page.fill("#search", "privileged");
    const privileged = json.findings.filter((f) =>
      `${f.rule} ${f.object} ${f.file} ${f.message} ${f.container ?? ""}`.toLowerCase().includes("privileged"),
    );
    expect(await page.textContent("#count")).toBe(`${privileged.length} of ${json.findings.length} findings`);
    await page.fill("#search", "");
    await page.selectOption("#level", "warn");
    expect(await page.textContent("#count")).toBe(
      `${json.findings.filter((f) => f.level === "warn").length} of ${json.findings.length} findings`,
    );
    await page.selectOption("#level", "");

    await page.click("#thead span:has-text('rule')"); // sort by rule, A to Z
    const rules = json.findings.map((f) => f.rule).sort();
    expect(await page.textContent(".row:first-child span:nth-child(3)")).toBe(rules[0]);

    // Open the compose file's no-privileged finding: its fix, and its line marked in the source.
    await page.fill("#search", "compose.yaml");
    await page.selectOption("#rule", "no-privileged");
    await page.click(".row");
    const opened = json.findings.find((f) => f.file === "compose.yaml" && f.rule === "no-privileged")!;
    const rule = readBundledArtifacts().catalog.rules.find((r) => r.id === "no-privileged")!;
    expect(await page.textContent(".detail .fix")).toBe(`Fix: ${rule.remediation.compose}`);
    expect(await page.textContent(".source .ln.sel .no")).toBe(String(opened.line));
    expect(await page.textContent(".source .ln.sel .tx")).toBe("    privileged: true");

    const shot = join(dir, "report.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(30_000); // not blank: a blank page compresses to a few KB
    expect(problems).toEqual([]);
    await page.close();
  });

  // Large enough that a table of real rows would be slow (the bench times the corpus's 12,028 findings).
  it("opens and filters 10,000 findings over 1,000 files", async () => {
    const findings: Finding[] = Array.from({ length: 10_000 }, (_, i) =>
      finding({
        file: `deploy/app-${i % 1000}.yaml`,
        line: 1 + (i % 40),
        object: `Deployment/app-${i}`,
        rule: i % 3 === 0 ? "read-only-rootfs" : "no-root-user",
        level: i % 3 === 0 ? "warn" : "deny",
        message: `finding number ${i}`,
      }),
    );
    const report = buildReport(
      [
        { file: "x", documents: 1000, findings, errors: [], skipped: [] },
        { file: "vendor/x.yaml", documents: 0, findings: [], errors: [], skipped: [], ignored: true },
      ],
      "0.0.0-test",
      { disabledRules: ["no-ssh-port"] },
    );
    const sources = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`deploy/app-${i}.yaml`, "kind: Deployment\n".repeat(40)]));
    const file = join(tempDir("html-large"), "large.html");
    writeFileSync(file, formatHtml(report, { catalog: CATALOG, color: false, sources }));
    const { page, problems, openedMs } = await open(file);
    expect(await page.textContent("#count")).toBe("10000 of 10000 findings");
    // What the run left out is named, as in every format.
    expect(await page.textContent("#scope")).toBe("Rules not run: no-ssh-port. Ignored files: vendor/x.yaml.");
    expect(await page.locator(".row").count()).toBeLessThan(100); // virtualised: only the rows in view
    const started = performance.now();
    await page.fill("#search", "number 999");
    expect(await page.textContent("#count")).toBe("11 of 10000 findings"); // 999 and 9990-9999
    const filterMs = performance.now() - started;
    await page.click(".row");
    expect(await page.locator(".source .ln").count()).toBe(41);
    console.log(
      `html, 10,000 findings: ${(readFileSync(file).length / 1e6).toFixed(1)} MB, opened in ${openedMs.toFixed(0)} ms, filtered in ${filterMs.toFixed(0)} ms`,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
