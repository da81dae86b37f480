// One headless Chromium per server process, started on first use and restarted when it dies.
// Debian's Chromium (CHROMIUM_PATH); Playwright never downloads a browser here.
//
// Chromium runs with its sandbox wherever the machine allows it: the sandbox confines the
// renderer that lays out the document (user text included), so that a flaw in it cannot reach the
// server's files or processes. Chromium refuses its sandbox to a process running as root (it
// exits with "Running as root without --no-sandbox is not supported"), and the sandbox needs user
// namespaces or the setuid helper, which some containers do not offer. So: as root, no sandbox;
// otherwise the sandbox, and only when Chromium cannot start with it, once more without. Each
// start logs which it is (pdf.chromium-gestart, with sandbox true or false and the reason).
// Without the sandbox the PDF page still runs no script and reaches no network (lib/pdf/render.ts).
import "server-only";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";
import { log } from "@/lib/log";
import { onShutdown } from "@/lib/observability/lifecycle.mjs";

const ARGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export type SandboxChoice = { sandbox: boolean; reason: string };

/** With the sandbox unless the process runs as root (where Chromium refuses it). */
export function sandboxChoice(uid: number | undefined = process.getuid?.()): SandboxChoice {
  if (uid === 0) return { sandbox: false, reason: "de server draait als root; Chromium weigert dan zijn sandbox" };
  return { sandbox: true, reason: "de server draait niet als root" };
}

/** Whether a failed start is Chromium saying that its sandbox cannot work on this machine. */
export function isSandboxFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /sandbox|namespace|zygote|setuid/i.test(message);
}

type Launch = (options: LaunchOptions) => Promise<Browser>;

/** Starts Chromium with the sandbox where possible (see the top of this file). */
export async function launchChromium(
  launch: Launch = (options) => chromium.launch(options),
  choice: SandboxChoice = sandboxChoice(),
): Promise<{ browser: Browser; sandbox: boolean }> {
  const options = (sandbox: boolean): LaunchOptions => ({
    executablePath: chromiumPath(),
    args: sandbox ? ARGS : ["--no-sandbox", ...ARGS],
    chromiumSandbox: sandbox,
    headless: true,
    // Signals are server.mjs's: Playwright's own handlers would close Chromium at once on SIGTERM
    // (failing a PDF in flight during the drain) and exit the process on SIGINT (code 130, no
    // drain). Chromium is closed by the shutdown hook below, after the last request.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  if (choice.sandbox) {
    try {
      const browser = await launch(options(true));
      log.info("pdf.chromium-gestart", { sandbox: true, reden: choice.reason });
      return { browser, sandbox: true };
    } catch (error) {
      if (!isSandboxFailure(error)) throw error;
      const browser = await launch(options(false));
      log.warn("pdf.chromium-gestart", { sandbox: false, reden: "de sandbox is op deze machine niet beschikbaar (geen user namespaces of setuid-hulp)" });
      return { browser, sandbox: false };
    }
  }
  const browser = await launch(options(false));
  log.warn("pdf.chromium-gestart", { sandbox: false, reden: choice.reason });
  return { browser, sandbox: false };
}

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
  const launching = launchChromium().then((started) => started.browser);
  globalForPdf.zelfscanPdfBrowser = launching;
  // On SIGTERM (server.mjs) the hooks run once the requests in flight, PDFs included, are done.
  onShutdown("pdf-browser", closePdfBrowser);
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
