// Structured logs: one JSON object a line on stdout (errors on stderr), for the municipality's log
// collection. Callers pass event names and identifiers, never answer texts, passwords or tokens;
// error messages are cut to their first line, because database errors may quote the values of the
// statement on the lines below.
type Level = "info" | "warn" | "error";

const MAX_MESSAGE = 300;

function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const log = {
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};

/** What may be logged of an error: its name, its code and the first line of its message. */
export function errorFields(error: unknown): Record<string, unknown> {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, MAX_MESSAGE);
  const code = error && typeof error === "object" && "code" in error && typeof error.code === "string" ? error.code : undefined;
  return { errorName: error instanceof Error ? error.name : typeof error, ...(code ? { errorCode: code } : {}), errorMessage: message };
}
