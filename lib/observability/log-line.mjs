// One JSON object a line on stdout (errors on stderr), with the id of the request being handled:
// the writer behind lib/log.ts, in plain JavaScript so that server.mjs and the shutdown hooks write
// the same lines. Types in log-line.d.mts, tests in log-line.test.ts.
//
// server.mjs turns console.error and console.warn into JSON lines too (installConsoleRewrite), for
// Next.js's own error output. From then on these lines are written through the console methods
// saved before that rewrite, kept on globalThis so that the Next.js bundle's copy of this module
// uses them as well: the rewrite never has to recognise a line as already written, so no text that
// reaches console.error can pass for a log line.
import { format } from "node:util";
import { currentRequestId } from "./request-context.mjs";

const MAX_MESSAGE = 300;
const MAX_FRAMES = 5;
const WRITER = Symbol.for("zelfscan.log-writer");

/** @typedef {{ log: (line: string) => void, error: (line: string) => void }} LogWriter */

/** The console methods saved before the rewrite, or the console itself while there is none. */
function writer() {
  const saved = /** @type {Record<symbol, LogWriter | undefined>} */ (/** @type {unknown} */ (globalThis))[WRITER];
  return saved ?? { log: (line) => console.log(line), error: (line) => console.error(line) };
}

/**
 * @param {"info" | "warn" | "error"} level
 * @param {string} event
 * @param {Record<string, unknown>} [fields]
 */
export function writeLogLine(level, event, fields = {}) {
  const requestId = currentRequestId();
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(requestId ? { requestId } : {}), ...fields });
  if (level === "error") writer().error(line);
  else writer().log(line);
}

/** The first line with text of a message, cut to MAX_MESSAGE: Prisma's messages begin with an empty one. */
function firstLine(/** @type {string} */ text) {
  return (text.split("\n").find((line) => line.trim() !== "") ?? "").trim().slice(0, MAX_MESSAGE);
}

/**
 * Up to five "at ..." lines of an error's stack. The stack begins with the error's name and whole
 * message, which may quote statement values over several lines (and such a line might look like a
 * frame): only what follows the message is read, and nothing when the message is not found there.
 * @param {Error} error
 * @returns {string[]}
 */
function stackFrames(error) {
  const stack = typeof error.stack === "string" ? error.stack : "";
  const at = error.message === "" ? stack.indexOf("\n") : stack.indexOf(error.message);
  if (at < 0) return [];
  return stack
    .slice(at + error.message.length)
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim().slice(0, MAX_MESSAGE));
}

/**
 * What may be logged of an error: its name, its code, the first line of its message (database
 * errors may quote the values of the statement on the lines below), up to five frames of its stack
 * (file, line and function; no message text), and the same of its cause, two levels deep.
 * @param {unknown} error
 * @param {number} [causeDepth]
 * @returns {Record<string, unknown>}
 */
export function errorFields(error, causeDepth = 2) {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const code =
    error && typeof error === "object" && "code" in error && typeof (/** @type {{ code: unknown }} */ (error).code) === "string"
      ? /** @type {{ code: string }} */ (error).code
      : undefined;
  const frames = error instanceof Error ? stackFrames(error) : [];
  const cause = error instanceof Error && error.cause !== undefined && causeDepth > 0 ? { cause: errorFields(error.cause, causeDepth - 1) } : {};
  return {
    errorName: error instanceof Error ? error.name : typeof error,
    ...(code ? { errorCode: code } : {}),
    errorMessage: message,
    ...(frames.length ? { frames } : {}),
    ...cause,
  };
}

// Next.js's log prefixes (⨯ for errors, ⚠ for warnings), possibly coloured.
const ANSI = /\u001b\[[0-9;]*m/g;
const NEXT_PREFIX = /^[⨯⚠○✓]\s*/u;

/**
 * The log line for one console.error or console.warn call: event and fields. The message
 * (`melding`) is the call's text arguments other than errors, joined, each cut to its first line;
 * an error argument adds its errorFields and its digest (which the error page shows). Next.js's
 * report of an uncaught exception or unhandled rejection gets its own event, for an alert.
 * @param {"error" | "warn"} level
 * @param {unknown[]} args
 * @returns {{ level: "error" | "warn", event: string, fields: Record<string, unknown> }}
 */
export function consoleLogLine(level, args) {
  const error = args.find((arg) => arg instanceof Error);
  const melding = args
    .filter((arg) => !(arg instanceof Error))
    .map((arg) => firstLine(typeof arg === "string" ? arg : format(arg)).replace(ANSI, ""))
    .join(" ")
    .replace(NEXT_PREFIX, "")
    .trim()
    .slice(0, MAX_MESSAGE);
  const digest = error && "digest" in error && typeof error.digest === "string" ? { digest: error.digest } : {};
  const fields = { ...(melding ? { melding } : {}), ...(error ? { ...errorFields(error), ...digest } : {}) };
  if (/^(uncaughtException|unhandledRejection)\b/.test(melding)) return { level: "error", event: "next.onverwachte-fout", fields };
  // Node.js's own warnings (a deprecation in a dependency) come this way too.
  if (!error && /^\(node:\d+\) \w*Warning: /.test(melding)) return { level: "warn", event: "node.waarschuwing", fields };
  return { level, event: "next.melding", fields };
}

/**
 * From here on console.error and console.warn write one JSON line each (consoleLogLine), and the
 * log lines themselves go through the console methods saved now. Installed once: a second call
 * changes nothing.
 */
export function installConsoleRewrite() {
  const store = /** @type {Record<symbol, LogWriter | undefined>} */ (/** @type {unknown} */ (globalThis));
  if (store[WRITER]) return;
  store[WRITER] = { log: console.log.bind(console), error: console.error.bind(console) };
  for (const level of /** @type {const} */ (["error", "warn"])) {
    console[level] = (...args) => {
      const line = consoleLogLine(level, args);
      writeLogLine(line.level, line.event, line.fields);
    };
  }
}
