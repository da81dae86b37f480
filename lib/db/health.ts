import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { database, type Database } from "./client";

export type Health = {
  status: "ok" | "unavailable";
  database: "embedded" | "postgresql";
  framework: { id: string; version: string };
};

export async function checkHealth(db: Pick<Database, "sql" | "config"> = database()): Promise<Health> {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  let status: Health["status"] = "ok";
  try {
    await Promise.race([db.sql.query("SELECT 1"), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3_000))]);
  } catch {
    status = "unavailable";
  }
  return { status, database: db.config.kind, framework: { id: framework.id, version: framework.version } };
}
