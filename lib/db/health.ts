// Liveness and readiness, apart (issue 18). Live: the process runs and answers; a supervisor that
// restarts on a failed liveness check must not restart an instance because its database is away,
// so liveness never touches the database. Ready: this instance should get traffic: the database
// answers and the instance is not shutting down; a proxy's health check stops sending requests
// here otherwise. Start-up is not a state of its own: server.mjs listens only after the migrations
// ran and the mail worker started (Next.js awaits instrumentation's register() in prepare()).
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { isShuttingDown } from "@/lib/observability/lifecycle.mjs";
import { database, type Database } from "./client";
import { withinTime } from "./within-time";

export type Health = {
  status: "ok" | "unavailable" | "shutting-down";
  database: "embedded" | "postgresql";
  framework: { id: string; version: string };
};

const DATABASE_TIMEOUT_MS = 3_000;

/** Readiness: "ok" when the database answers within three seconds and the instance is not shutting down. */
export async function checkHealth(db: Pick<Database, "sql" | "config"> = database()): Promise<Health> {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  const answer = (status: Health["status"]): Health => ({ status, database: db.config.kind, framework: { id: framework.id, version: framework.version } });
  if (isShuttingDown()) return answer("shutting-down");
  try {
    await withinTime(db.sql.query("SELECT 1"), DATABASE_TIMEOUT_MS);
  } catch {
    return answer("unavailable");
  }
  // A shutdown that began while the database was asked.
  return answer(isShuttingDown() ? "shutting-down" : "ok");
}

/** The readiness answer of /api/health/ready and /api/health: 200 when ready, 503 otherwise. */
export async function readinessResponse(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}

/** The liveness answer of /api/health/live: the process runs and its request handling works. */
export function livenessResponse(): Response {
  return Response.json({ status: "live" });
}
