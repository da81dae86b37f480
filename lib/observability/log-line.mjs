// One JSON object a line on stdout (errors on stderr), with the id of the request being handled:
// the writer behind lib/log.ts, in plain JavaScript so that server.mjs and the shutdown hooks write
// the same lines. Types in log-line.d.mts.
import { currentRequestId } from "./request-context.mjs";

const MAX_MESSAGE = 300;

/**
 * @param {"info" | "warn" | "error"} level
 * @param {string} event
 * @param {Record<string, unknown>} [fields]
 */
export function writeLogLine(level, event, fields = {}) {
  const requestId = currentRequestId();
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(requestId ? { requestId } : {}), ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/**
 * What may be logged of an error: its name, its code and the first line of its message (database
 * errors may quote the values of the statement on the lines below; a stack is never logged).
 * @param {unknown} error
 * @returns {Record<string, unknown>}
 */
export function errorFields(error) {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, MAX_MESSAGE);
  const code =
    error && typeof error === "object" && "code" in error && typeof (/** @type {{ code: unknown }} */ (error).code) === "string"
      ? /** @type {{ code: string }} */ (error).code
      : undefined;
  return { errorName: error instanceof Error ? error.name : typeof error, ...(code ? { errorCode: code } : {}), errorMessage: message };
}
