// The id of the request being handled, for every log line written while handling it (lib/log.ts).
// server.mjs runs each request inside runWithRequestId(); Next.js's handler, route handlers, server
// actions and server components run in that asynchronous context. The store lives on globalThis
// under a registered symbol, so that server.mjs and the Next.js bundle (each with its own copy of
// this module) share one AsyncLocalStorage. Types in request-context.d.mts.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const KEY = Symbol.for("zelfscan.request-context");

/** @returns {AsyncLocalStorage<{ requestId: string }>} */
function storage() {
  const store = /** @type {Record<symbol, AsyncLocalStorage<{ requestId: string }> | undefined>} */ (/** @type {unknown} */ (globalThis));
  store[KEY] ??= new AsyncLocalStorage();
  return store[KEY];
}

/**
 * @template T
 * @param {string} id
 * @param {() => T} fn
 * @returns {T}
 */
export function runWithRequestId(id, fn) {
  return storage().run({ requestId: id }, fn);
}

/** @returns {string | undefined} */
export function currentRequestId() {
  return storage().getStore()?.requestId;
}

/** @returns {string} */
export function newRequestId() {
  return randomUUID();
}

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id for a request: the one a trusted reverse proxy sent in X-Request-Id (HAProxy's unique-id,
 * nginx's $request_id), so that one id follows the request through the proxy's log and this one,
 * when it is well-formed; otherwise a new one. Without a trusted proxy (hops 0) a client's header
 * is never taken: a client could otherwise write lines under another request's id.
 * @param {string | string[] | undefined} incoming
 * @param {number} hops
 * @returns {string}
 */
export function requestIdFor(incoming, hops) {
  if (hops > 0 && typeof incoming === "string" && WELL_FORMED.test(incoming)) return incoming;
  return newRequestId();
}
