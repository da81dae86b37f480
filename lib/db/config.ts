import path from "node:path";
import { env, type Env } from "@/lib/config/env";

export type DatabaseKind = "embedded" | "postgresql";

export type DatabaseConfig = { kind: "embedded"; dataDir: string } | { kind: "postgresql"; url: string };

/** The embedded database (PGlite, in DATA_DIR/pglite) unless DATABASE_URL names a PostgreSQL server. */
export function databaseConfig(settings: Env = env()): DatabaseConfig {
  if (settings.DATABASE_URL) return { kind: "postgresql", url: settings.DATABASE_URL };
  return { kind: "embedded", dataDir: path.resolve(settings.DATA_DIR, "pglite") };
}

/** Demo data is seeded on an empty database in demo mode, or in production when asked for explicitly. */
export function shouldSeedDemoData(settings: Env = env()): boolean {
  return settings.SEED_DEMO_DATA ?? settings.APP_ENV === "demo";
}
