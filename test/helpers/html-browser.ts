// Opens an HTML report in headless Chromium (Debian's, never a downloaded one) and records what a
// page must never do: fetch anything but itself, log an error, open a dialog.
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium; TWINRUN_CHROMIUM points elsewhere on machines that keep it in another place. */
export const CHROMIUM = process.env.TWINRUN_CHROMIUM ?? "/usr/bin/chromium";

/** Why: one launch for a test file; Chromium's sandbox refuses to run as root, as CI runs. */
export function launchChromium(): Promise<Browser> {
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: asRoot ? ["--no-sandbox"] : [] });
}

/** A loaded report page and what it did while loading. */
export interface OpenedReport {
  page: Page;
  /** Every URL the page requested, its own file included. */
  requests: string[];
  consoleErrors: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** Loads `file` from disk as a user's browser would (file://), with JavaScript enabled. */
export async function openReport(
  browser: Browser,
  file: string,
  viewport = { width: 1200, height: 900 },
): Promise<OpenedReport> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, requests, consoleErrors, dialogs, close: () => context.close() };
}
