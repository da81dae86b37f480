// One headless Chromium per server process, started on first use and restarted when it dies.
// Debian's Chromium (CHROMIUM_PATH); Playwright never downloads a browser here.
import "server-only";
import { chromium, type Browser } from "playwright-core";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const globalForPdf = globalThis as unknown as { zelfscanPdfBrowser?: Promise<Browser> };

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export async function pdfBrowser(): Promise<Browser> {
  const existing = globalForPdf.zelfscanPdfBrowser;
  if (existing) {
    const browser = await existing.catch(() => null);
    if (browser?.isConnected()) return browser;
  }
  const launching = chromium.launch({ executablePath: chromiumPath(), args: ARGS, headless: true });
  globalForPdf.zelfscanPdfBrowser = launching;
  launching.catch(() => {
    if (globalForPdf.zelfscanPdfBrowser === launching) globalForPdf.zelfscanPdfBrowser = undefined;
  });
  return launching;
}

export async function closePdfBrowser(): Promise<void> {
  const browser = await globalForPdf.zelfscanPdfBrowser?.catch(() => null);
  globalForPdf.zelfscanPdfBrowser = undefined;
  await browser?.close();
}
