// shipshape playground: the static site (dist/playground) served locally and driven in a real browser
// (chromium through playwright-core): it loads, checks what is typed with shipshape/core and policy.wasm in
// the page, marks the offending lines, reads Dockerfiles, shares its input in the URL fragment only.
import type { AddressInfo } from "node:net";
import { EventEmitter } from "node:events";
import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { playgroundDir, staticSite } from "../../harness/src/node/static-site.js";
import { playground } from "../../harness/src/cli/playground.js";
import { tempDir } from "../helpers.js";
import { deploymentYaml } from "../support/manifests.js";
import { chromiumPath, launchBrowser } from "../support/browser.js";

const DEPLOYMENT = deploymentYaml(["image: nginx:1.27", "securityContext:", "  privileged: true"]);

describe("the playground's static server", () => {
  const server = staticSite(playgroundDir());
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("serves the site with the types a browser needs, and nothing outside it", async () => {
    const index = await fetch(`${base}/`);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toContain('<script type="module" src="app.js">');
    expect((await fetch(`${base}/policy.wasm`)).headers.get("content-type")).toBe("application/wasm");
    expect((await fetch(`${base}/app.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    for (const path of ["/../package.json", "/%2e%2e/package.json", "/shell/../../policy/policy.wasm", "/.hidden", "/nope.js"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/`, { method: "POST" })).status).toBe(405);
  });

  it("shipshape playground listens where it says, and stops on SIGINT", async () => {
    const signals = new EventEmitter();
    let out = "";
    const io = {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => true },
      env: {},
      cwd: tempDir("pg"),
      readStdin: () => Promise.resolve(""),
    };
    const running = playground(["--port", "0"], io, signals);
    await expect.poll(() => out).toMatch(/^shipshape playground: http:\/\/127\.0\.0\.1:\d+\//);
    const url = /http:\S+/.exec(out)![0];
    expect((await fetch(url)).status).toBe(200);
    signals.emit("SIGINT");
    expect(await running).toBe(0);
  });
});

describe.runIf(chromiumPath())("the playground in a browser", () => {
  const server = staticSite(playgroundDir());
  let base = "";
  let browser: Browser;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const open = async (url = base): Promise<{ page: Page; problems: string[]; loadMs: number }> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("request", (request) => !request.url().startsWith(base) && problems.push(`request: ${request.url()}`));
    const started = performance.now();
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    return { page, problems, loadMs: performance.now() - started };
  };

  // Replaces the editor's text as a user does: select all, then insert (as a paste or an input method does).
  const setText = async (page: Page, text: string) => {
    await page.click(".cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(text);
  };

  it("loads, checks a Deployment as it is typed and marks the offending line", async () => {
    const { page, problems, loadMs } = await open();
    await setText(page, DEPLOYMENT);
    await expect.poll(() => page.textContent("#findings")).toContain("Deployment/web");
    const findings = await page.locator("#findings li.finding").count();
    expect(Number(await page.getAttribute("#status", "data-findings"))).toBe(findings);
    expect(await page.textContent("#findings")).toContain("container app of Deployment/web runs privileged");
    // The line of `privileged: true` is marked as a failing one, its field underlined.
    const marked = page.locator(".cm-line.cm-finding-deny", { hasText: "privileged: true" });
    expect(await marked.count()).toBe(1);
    expect(await page.locator(".cm-field-deny", { hasText: "privileged: true" }).count()).toBe(1);

    // Typing the fix: the finding goes, as the user types.
    await page.click(".cm-line:has-text('privileged: true')");
    await page.keyboard.press("End");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("false");
    await expect.poll(() => page.textContent("#findings")).not.toContain("no-privileged");
    const evaluationMs = Number(await page.getAttribute("#status", "data-ms"));
    const readyMs = await page.evaluate(() => performance.getEntriesByName("shipshape:ready")[0]!.startTime);
    console.log(
      `playground: ready ${readyMs.toFixed(0)} ms after navigation (${loadMs.toFixed(0)} ms with the test's page set-up); a Deployment checked in ${evaluationMs.toFixed(1)} ms`,
    );
    expect(problems).toEqual([]);

    const shot = join(tempDir("playground"), "playground.png");
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(30_000); // not blank
    await page.close();
  });

  it("reads Dockerfiles, and a link carries the input in its fragment", async () => {
    const { page, problems } = await open();
    await page.selectOption("#kind", "dockerfile");
    await setText(page, "FROM node:20\nRUN npm ci\nCMD node server.js\n");
    await expect.poll(() => page.textContent("#findings")).toContain("no-root-user");
    expect(await page.textContent("#findings")).toContain("exec-form-entrypoint");
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#v1\.dockerfile\./);
    const link = page.url();
    expect(new URL(link).search).toBe(""); // the input is never in what a server would see
    await page.close();

    const reopened = await open(link);
    expect(await reopened.page.inputValue("#kind")).toBe("dockerfile");
    expect(await reopened.page.textContent(".cm-content")).toContain("CMD node server.js");
    await expect.poll(() => reopened.page.textContent("#findings")).toContain("exec-form-entrypoint");
    expect([...problems, ...reopened.problems]).toEqual([]);
    await reopened.page.close();
  });

  it("browses the rule catalog", async () => {
    const { page } = await open();
    await page.fill("#rule-search", "seccomp");
    const visible = page.locator("#rules details.rule:visible");
    expect(await visible.count()).toBeGreaterThan(0);
    expect(await visible.first().textContent()).toMatch(/seccomp/i);
    await page.close();
  });
});
