// The process's shutdown state and the work to do before it exits, shared by server.mjs (plain
// Node) and the Next.js bundle (instrumentation.ts, the readiness check, the PDF browser). The
// bundle gets its own copy of this module, so the state lives on globalThis under a registered
// symbol: both copies see the same object. Types in lifecycle.d.mts, tests in lifecycle.test.ts.
//
// Order on SIGTERM (server.mjs, times from shutdownPlan): beginShutdown() (readiness answers 503 at
// once; the onShutdownBegin listeners run: the mail worker fetches no new jobs), a drain period in
// which requests are still served, server.close(), the connections still open cut at cutAt, then
// runShutdownHooks() with the time left (the mail worker stops after its current delivery, the PDF
// browser closes), then exit.
import { errorFields, writeLogLine } from "./log-line.mjs";

const KEY = Symbol.for("zelfscan.lifecycle");

/**
 * @typedef {{ name: string, fn: (timeLeftMs: number) => Promise<void> }} Hook
 * @typedef {{ name: string, fn: () => void | Promise<void> }} BeginListener
 * @typedef {{ shuttingDown: boolean, hooks: Hook[], beginListeners: BeginListener[], running: Promise<"ok" | "timeout"> | null }} LifecycleState
 * @returns {LifecycleState}
 */
function state() {
  const store = /** @type {Record<symbol, LifecycleState | undefined>} */ (/** @type {unknown} */ (globalThis));
  store[KEY] ??= { shuttingDown: false, hooks: [], beginListeners: [], running: null };
  store[KEY].beginListeners ??= [];
  return store[KEY];
}

/** True from beginShutdown() on: the instance takes no new work and its readiness check fails. */
export function isShuttingDown() {
  return state().shuttingDown;
}

/** Marks the instance as shutting down and, the first time, runs the onShutdownBegin listeners (not awaited; a failure is logged). */
export function beginShutdown() {
  const current = state();
  if (current.shuttingDown) return;
  current.shuttingDown = true;
  for (const listener of current.beginListeners.splice(0)) {
    Promise.resolve()
      .then(listener.fn)
      .catch((error) => writeLogLine("error", "afsluiten.fout", { hook: listener.name, ...errorFields(error) }));
  }
}

/**
 * Work to start as soon as the shutdown begins, while requests are still served (a queue worker
 * that stops fetching new jobs). Same name: replaces.
 * @param {string} name
 * @param {() => void | Promise<void>} fn
 */
export function onShutdownBegin(name, fn) {
  register(state().beginListeners, { name, fn });
}

/**
 * Work to finish before the process exits, after the last request (stop a queue worker, close the
 * PDF browser); it gets the milliseconds left. A second hook with the same name replaces the first:
 * a module evaluated twice registers once.
 * @param {string} name
 * @param {(timeLeftMs: number) => Promise<void>} fn
 */
export function onShutdown(name, fn) {
  register(state().hooks, { name, fn });
}

/**
 * @template {{ name: string }} T
 * @param {T[]} list
 * @param {T} entry
 */
function register(list, entry) {
  const index = list.findIndex((existing) => existing.name === entry.name);
  if (index >= 0) list[index] = entry;
  else list.push(entry);
}

/**
 * Runs every hook once, all at the same time, and resolves when all have settled ("ok") or when
 * timeoutMs has passed ("timeout"), whichever comes first. A failing or hanging hook does not keep
 * the others from finishing; it is logged (a failed hook still counts as settled). A second call
 * returns the first call's promise.
 * @param {number} timeoutMs
 * @returns {Promise<"ok" | "timeout">}
 */
export function runShutdownHooks(timeoutMs) {
  const current = state();
  current.shuttingDown = true;
  current.running ??= (async () => {
    const hooks = current.hooks.splice(0);
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const pending = new Set(hooks.map((hook) => hook.name));
    const all = Promise.all(
      hooks.map(async (hook) => {
        try {
          await hook.fn(timeoutMs);
        } catch (error) {
          writeLogLine("error", "afsluiten.fout", { hook: hook.name, ...errorFields(error) });
        } finally {
          pending.delete(hook.name);
        }
      }),
    ).then(() => /** @type {const} */ ("ok"));
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve(/** @type {const} */ ("timeout")), timeoutMs);
      timer.unref?.();
    });
    const outcome = /** @type {"ok" | "timeout"} */ (await Promise.race([all, timedOut]));
    clearTimeout(timer);
    if (outcome === "timeout") writeLogLine("error", "afsluiten.te-lang", { hooks: [...pending], timeoutMs });
    return outcome;
  })();
  return current.running;
}

/** The most the shutdown hooks get: ten seconds, or a third of the whole time when that is shorter. */
const HOOK_BUDGET_MS = 10_000;

/**
 * The times of one shutdown, from the signal: the drain ends at drainEndsAt; at cutAt the
 * connections still open are cut, so that the hooks keep hookBudgetMs before the deadline, when
 * the process exits whatever still runs. cutAt is never before the drain's end (a drain close to
 * the timeout leaves the hooks what remains; lib/config/env.ts requires at least 5 seconds).
 * @param {{ signalAt: number, drainMs: number, timeoutMs: number }} times
 */
export function shutdownPlan({ signalAt, drainMs, timeoutMs }) {
  const deadline = signalAt + timeoutMs;
  const drainEndsAt = signalAt + drainMs;
  const cutAt = Math.max(drainEndsAt, deadline - Math.min(HOOK_BUDGET_MS, Math.floor(timeoutMs / 3)));
  return { deadline, drainEndsAt, cutAt, hookBudgetMs: deadline - cutAt };
}
