// Chromium for PDFs runs with its sandbox unless the machine does not allow it: as root (this
// machine and CI) Chromium refuses the sandbox, and the app then starts it without and says so.
import { describe, expect, it } from "vitest";
import { chromium } from "playwright-core";
import { isSandboxFailure, launchChromium, sandboxChoice } from "@/lib/pdf/browser";

describe("Chromium's sandbox for PDFs", () => {
  it("is chosen unless the server runs as root", () => {
    expect(sandboxChoice(0)).toMatchObject({ sandbox: false, reason: expect.stringContaining("root") });
    expect(sandboxChoice(1000)).toMatchObject({ sandbox: true });
  });

  it("falls back to no sandbox only when Chromium itself refuses it, and the browser then works", async () => {
    const asRoot = process.getuid?.() === 0;
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const listeners = () => signals.map((signal) => process.listenerCount(signal));
    const before = listeners();
    // Ask for the sandbox whatever the user: as root, the real Chromium refuses it.
    const started = await launchChromium((options) => chromium.launch(options), { sandbox: true, reason: "test" });
    // The signals are left to server.mjs: Playwright added no handler that would close Chromium
    // (SIGTERM) or exit the process (SIGINT) before the drain.
    expect(listeners()).toEqual(before);
    try {
      if (asRoot) expect(started.sandbox).toBe(false);
      const page = await started.browser.newPage();
      await page.setContent("<p>werkt</p>");
      expect(await page.textContent("p")).toBe("werkt");
    } finally {
      await started.browser.close();
    }
  });

  it("does not hide other start failures behind the fallback", async () => {
    const tries: boolean[] = [];
    const missing = (options: Parameters<typeof chromium.launch>[0]) => {
      tries.push(options?.chromiumSandbox ?? false);
      return chromium.launch({ ...options, executablePath: "/nonexistent/chromium" });
    };
    await expect(launchChromium(missing, { sandbox: true, reason: "test" })).rejects.toThrow(/nonexistent/);
    expect(tries).toEqual([true]);
    const options: Parameters<typeof chromium.launch>[0][] = [];
    await launchChromium(async (given) => (options.push(given), {}) as Awaited<ReturnType<typeof chromium.launch>>, { sandbox: false, reason: "test" });
    expect(options[0]).toMatchObject({ handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    expect(isSandboxFailure(new Error("Running as root without --no-sandbox is not supported"))).toBe(true);
    expect(isSandboxFailure(new Error("No usable sandbox! Update your kernel"))).toBe(true);
  });
});
