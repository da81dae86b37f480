// Structured logs: one JSON object a line on stdout (errors on stderr), for the municipality's log
// collection, each with the id of the request it was written for (requestId, also the answer's
// X-Request-Id header and the reference on the error pages). Callers pass event names and
// identifiers, never answer texts, passwords or tokens; error messages are cut to their first line,
// because database errors may quote the values of the statement on the lines below. The writer is
// plain JavaScript (lib/observability/log-line.mjs), shared with server.mjs.
import { errorFields, writeLogLine } from "@/lib/observability/log-line.mjs";

export const log = {
  info: (event: string, fields?: Record<string, unknown>) => writeLogLine("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => writeLogLine("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => writeLogLine("error", event, fields),
};

export { errorFields };
