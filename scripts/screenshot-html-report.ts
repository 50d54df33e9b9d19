// Writes docs/images/html-report.png: the quick start's real HTML report, opened in headless
// Chromium the way the browser tests open reports. `npm run screenshot` (needs /usr/bin/chromium
// and the quick start's python3).
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { launchChromium, openReport } from "../test/helpers/html-browser.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "docs", "images", "html-report.png");
const work = mkdtempSync(path.join(tmpdir(), "twinrun-screenshot-"));
const report = path.join(work, "report.html");

try {
  // Exit 1 is the quick start's verdict (it changed); anything else is a failure to report.
  const run = await execa(
    process.execPath,
    [
      path.join(root, "test", "helpers", "twinrun-sources.mjs"),
      "run",
      "-c",
      path.join(root, "examples", "quickstart", "twinrun.config.yaml"),
      "--html",
      report,
      "--reporter",
      `json=${path.join(work, "report.json")}`,
      "--no-save",
    ],
    { cwd: root, reject: false, env: { NO_COLOR: "1" } },
  );
  if (run.exitCode !== 1) throw new Error(`the quick start exited ${run.exitCode}:\n${run.stderr}`);
  const browser = await launchChromium();
  try {
    const opened = await openReport(browser, report, { width: 1100, height: 1300 });
    const leaked = opened.requests.filter((url) => !url.startsWith("file:"));
    if (leaked.length > 0 || opened.consoleErrors.length > 0)
      throw new Error(
        `the report requested ${leaked.join(", ")} or logged ${opened.consoleErrors.join("; ")}`,
      );
    await mkdir(path.dirname(target), { recursive: true });
    // The first screen: verdict, counts, changed paths, timing and the first example.
    await opened.page.screenshot({ path: target, clip: { x: 0, y: 0, width: 1100, height: 1300 } });
    await opened.close();
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
