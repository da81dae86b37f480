// The process's shutdown state and the work to do before it exits, shared by server.mjs (plain
// Node) and the Next.js bundle (instrumentation.ts, the readiness check). The bundle gets its own
// copy of this module, so the state lives on globalThis under a registered symbol: both copies see
// the same object. Types in lifecycle.d.mts, tests in lifecycle.test.ts.
//
// Order on SIGTERM (server.mjs): beginShutdown() (readiness answers 503 at once), a drain period in
// which requests are still served, server.close(), then runShutdownHooks() (the mail worker stops
// after its current delivery), then exit.
import { errorFields, writeLogLine } from "./log-line.mjs";

const KEY = Symbol.for("zelfscan.lifecycle");

/**
 * @typedef {{ shuttingDown: boolean, hooks: { name: string, fn: () => Promise<void> }[], running: Promise<void> | null }} LifecycleState
 * @returns {LifecycleState}
 */
function state() {
  const store = /** @type {Record<symbol, LifecycleState | undefined>} */ (/** @type {unknown} */ (globalThis));
  store[KEY] ??= { shuttingDown: false, hooks: [], running: null };
  return store[KEY];
}

/** True from beginShutdown() on: the instance takes no new work and its readiness check fails. */
export function isShuttingDown() {
  return state().shuttingDown;
}

export function beginShutdown() {
  state().shuttingDown = true;
}

/**
 * Work to finish before the process exits (stop a queue worker, close a pool). A second hook with
 * the same name replaces the first: a module evaluated twice registers once.
 * @param {string} name
 * @param {() => Promise<void>} fn
 */
export function onShutdown(name, fn) {
  const hooks = state().hooks;
  const index = hooks.findIndex((hook) => hook.name === name);
  if (index >= 0) hooks[index] = { name, fn };
  else hooks.push({ name, fn });
}

/**
 * Runs every hook once, all at the same time, and resolves when all have settled or when timeoutMs
 * has passed, whichever comes first. A failing or hanging hook does not keep the others from
 * finishing; it is logged. A second call returns the first call's promise.
 * @param {number} timeoutMs
 * @returns {Promise<void>}
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
          await hook.fn();
        } catch (error) {
          writeLogLine("error", "afsluiten.fout", { hook: hook.name, ...errorFields(error) });
        } finally {
          pending.delete(hook.name);
        }
      }),
    );
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
      timer.unref?.();
    });
    const outcome = await Promise.race([all, timedOut]);
    clearTimeout(timer);
    if (outcome === "timeout") writeLogLine("error", "afsluiten.te-lang", { hooks: [...pending], timeoutMs });
  })();
  return current.running;
}
