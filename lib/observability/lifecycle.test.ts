import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { beginShutdown, isShuttingDown, onShutdown, runShutdownHooks } from "./lifecycle.mjs";

const KEY = Symbol.for("zelfscan.lifecycle");

describe("the shutdown lifecycle", () => {
  beforeEach(() => {
    delete (globalThis as Record<symbol, unknown>)[KEY];
  });
  afterEach(() => vi.restoreAllMocks());

  it("is not shutting down until beginShutdown(), and keeps its state on globalThis for the other copy of the module", () => {
    expect(isShuttingDown()).toBe(false);
    beginShutdown();
    expect(isShuttingDown()).toBe(true);
    expect((globalThis as Record<symbol, { shuttingDown: boolean }>)[KEY]!.shuttingDown).toBe(true);
  });

  it("runs every hook once, also when asked twice, and waits for them", async () => {
    const ran: string[] = [];
    onShutdown("worker", async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ran.push("worker");
    });
    onShutdown("pool", async () => {
      ran.push("pool");
    });
    const first = runShutdownHooks(1_000);
    const second = runShutdownHooks(1_000);
    expect(second).toBe(first);
    await first;
    await runShutdownHooks(1_000);
    expect(ran.sort()).toEqual(["pool", "worker"]);
    expect(isShuttingDown()).toBe(true);
  });

  it("replaces a hook registered again under the same name", async () => {
    const ran: string[] = [];
    onShutdown("worker", async () => void ran.push("old"));
    onShutdown("worker", async () => void ran.push("new"));
    await runShutdownHooks(1_000);
    expect(ran).toEqual(["new"]);
  });

  it("gives up on a hanging hook at the timeout and logs which one, while the others finish; a failing hook is logged", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    let finished = false;
    onShutdown("hangs", () => new Promise<void>(() => {}));
    onShutdown("fails", async () => {
      throw new Error("verbinding weg\ndetails");
    });
    onShutdown("finishes", async () => {
      finished = true;
    });
    const started = Date.now();
    await runShutdownHooks(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(finished).toBe(true);
    const lines = errors.mock.calls.map((call) => JSON.parse(call[0] as string) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ event: "afsluiten.fout", hook: "fails", errorMessage: "verbinding weg" }));
    expect(lines).toContainEqual(expect.objectContaining({ event: "afsluiten.te-lang", hooks: ["hangs"], timeoutMs: 100 }));
  });
});
