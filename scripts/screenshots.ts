// `npm run screenshots`: the pictures the docs show, taken in a real browser (Debian's chromium through
// playwright-core) from shipshape's own output on the bundled samples. Writes docs/images/*.png.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { chromium } from "playwright-core";
import { playgroundDir, staticSite } from "../harness/src/node/static-site.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "shipshape-screenshots-"));
try {
  const report = join(work, "report.html");
  try {
    execFileSync(process.execPath, ["bin/shipshape.js", "check", "-f", "html", "-o", report, "inputs/kubernetes", "inputs/compose"], {
      cwd: ROOT,
    });
  } catch {
    // exit 1: the samples have findings, which is the point
  }
  const executablePath = process.env.SHIPSHAPE_CHROMIUM ?? execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${report}`);
  await page.waitForSelector(".row");
  await page.screenshot({ path: join(ROOT, "docs", "images", "html-report.png") });
  await page.fill("#search", "privileged");
  await page.click(".row");
  await page.waitForSelector(".source .ln.sel");
  await page.evaluate(() => window.scrollTo(0, document.getElementById("detail")!.offsetTop - 16));
  await page.screenshot({ path: join(ROOT, "docs", "images", "html-report-finding.png") });

  // The playground with the compose example of no-privileged loaded, its finding opened.
  const server = staticSite(playgroundDir());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const playground = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await playground.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await playground.waitForSelector("body[data-ready=true]");
  await playground.selectOption("#example", "compose");
  await playground.waitForSelector('#findings li.finding:has-text("service agent")');
  await playground.screenshot({ path: join(ROOT, "docs", "images", "playground.png") });
  server.close();
  await browser.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
