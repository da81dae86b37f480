import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { beginShutdown, isShuttingDown, onShutdown, onShutdownBegin, runShutdownHooks, shutdownPlan } from "./lifecycle.mjs";

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
    expect(await first).toBe("ok");
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
    expect(await runShutdownHooks(100)).toBe("timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(finished).toBe(true);
    const lines = errors.mock.calls.map((call) => JSON.parse(call[0] as string) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ event: "afsluiten.fout", hook: "fails", errorMessage: "verbinding weg" }));
    expect(lines).toContainEqual(expect.objectContaining({ event: "afsluiten.te-lang", hooks: ["hangs"], timeoutMs: 100 }));
  });

  it("gives each hook the time left; a failed hook counts as settled", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const given: number[] = [];
    onShutdown("worker", async (timeLeftMs) => void given.push(timeLeftMs));
    onShutdown("fails", async () => {
      throw new Error("weg");
    });
    expect(await runShutdownHooks(4_321)).toBe("ok");
    expect(given).toEqual([4_321]);
  });

  it("runs the listeners of the shutdown's beginning once, at beginShutdown(), and logs a failing one", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    let paused = 0;
    onShutdownBegin("mail-worker", () => void paused++);
    onShutdownBegin("fails", async () => {
      throw new Error("kapot");
    });
    expect(paused).toBe(0);
    beginShutdown();
    beginShutdown();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(paused).toBe(1);
    expect(errors.mock.calls.map((call) => JSON.parse(call[0] as string))).toContainEqual(
      expect.objectContaining({ event: "afsluiten.fout", hook: "fails", errorMessage: "kapot" }),
    );
  });
});

describe("the shutdown's deadline", () => {
  it("cuts the connections still open so that the hooks keep ten seconds, or a third of the time when that is less", () => {
    expect(shutdownPlan({ signalAt: 1_000, drainMs: 5_000, timeoutMs: 25_000 })).toEqual({
      deadline: 26_000,
      drainEndsAt: 6_000,
      cutAt: 17_667,
      hookBudgetMs: 8_333,
    });
    expect(shutdownPlan({ signalAt: 0, drainMs: 5_000, timeoutMs: 60_000 })).toMatchObject({ deadline: 60_000, cutAt: 50_000, hookBudgetMs: 10_000 });
    expect(shutdownPlan({ signalAt: 0, drainMs: 0, timeoutMs: 6_000 })).toMatchObject({ cutAt: 4_000, hookBudgetMs: 2_000 });
  });

  it("never cuts before the drain has ended", () => {
    expect(shutdownPlan({ signalAt: 0, drainMs: 20_000, timeoutMs: 25_000 })).toEqual({
      deadline: 25_000,
      drainEndsAt: 20_000,
      cutAt: 20_000,
      hookBudgetMs: 5_000,
    });
  });
});
