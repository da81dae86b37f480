// Recognising "the database is not reachable right now" (stopped, restarting, network gone), so
// that users get a clear, temporary error instead of a generic failure.
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|Can't reach database|DatabaseNotReachable|ConnectionClosed|57P0[1-3]|0800[0-6]|P1001|P1017/;

/** True when `error`, or an error it wraps, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as { message?: unknown; code?: unknown; kind?: unknown; cause?: unknown; meta?: unknown };
    const text = [record.message, record.code, record.kind, typeof record.meta === "object" ? JSON.stringify(record.meta) : record.meta]
      .filter(Boolean)
      .join(" ");
    if (UNAVAILABLE.test(text)) return true;
    current = record.cause;
  }
  return typeof error === "string" && UNAVAILABLE.test(error);
}

/**
 * True for a unique-constraint violation, e.g. two requests racing for one slug or two first saves
 * of one answer: Prisma reports it as P2002, the drivers (pg, PGlite) as SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "P2002" || code === "23505";
}
