// Start-up of the database: apply pending migrations, then seed the demo world on an empty
// database where that is wanted (see shouldSeedDemoData). Runs once per server process.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedDemoData } from "@/lib/demo/seed";
import { errorFields, log } from "@/lib/log";
import { database, type Database } from "./client";
import { shouldSeedDemoData } from "./config";
import { pidFile } from "./pid-file";
import { prepareQueue } from "@/lib/mail/queue";
import { applyMigrations } from "./migrate";

/** Tells `npm run db:backup` and `db:restore` that this process has the embedded database open. */
function markEmbeddedDatabaseInUse(dataDir: string) {
  const file = pidFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, String(process.pid));
  process.once("exit", () => rmSync(file, { force: true }));
}

// Any constant shared by every instance; not the migrations' own key (applyMigrations takes that
// one on other connections while this one is held).
const STARTUP_LOCK_KEY = 724_311_020;

/**
 * On PostgreSQL, the whole preparation runs while one connection holds a start-up lock, so that of
 * instances starting at the same moment one prepares and the others then find nothing to do.
 * pg-boss's own lock is not enough: its install checks whether it is installed before taking the
 * lock, and the second instance's CREATE SCHEMA then fails on pg_namespace's unique index (seen
 * with two instances started together, tests/e2e/instances.spec.ts). The embedded database has
 * one connection and one process.
 */
async function underStartupLock<T>(db: Database, prepare: () => Promise<T>): Promise<T> {
  if (db.config.kind !== "postgresql") return prepare();
  return db.sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [STARTUP_LOCK_KEY]);
    return prepare();
  });
}

/** The application's migrations, then the job queue's own tables (pg-boss); answers the migrations it applied. */
export function prepareSchema(db: Database): Promise<string[]> {
  return underStartupLock(db, async () => {
    const applied = await applyMigrations(db.sql);
    await prepareQueue(db);
    return applied;
  });
}

async function prepareDatabase(): Promise<void> {
  const db = database();
  if (db.config.kind === "embedded") markEmbeddedDatabaseInUse(db.config.dataDir);
  const applied = await prepareSchema(db);
  log.info("database.ready", { database: db.config.kind, migrationsApplied: applied });
  if (shouldSeedDemoData() && (await db.prisma.user.count()) === 0) {
    const { created } = await seedDemoData(db.prisma);
    log.info("demo.seeded", { records: created });
  }
}

/** For server start-up: a server without its database schema would answer every request with an
 * error, so it stops with a clear log line instead, for the operator or process manager to see. */
export async function prepareDatabaseOrExit(): Promise<void> {
  try {
    await prepareDatabase();
  } catch (error) {
    log.error("startup.failed", errorFields(error));
    process.exit(1);
  }
}
