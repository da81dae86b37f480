// Start-up of the database: apply pending migrations, then seed the demo world on an empty
// database where that is wanted (see shouldSeedDemoData). Runs once per server process.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedDemoData } from "@/lib/demo/seed";
import { errorFields, log } from "@/lib/log";
import { database } from "./client";
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

async function prepareDatabase(): Promise<void> {
  const db = database();
  if (db.config.kind === "embedded") markEmbeddedDatabaseInUse(db.config.dataDir);
  const applied = await applyMigrations(db.sql);
  // The job queue's own tables (pg-boss), after the application's.
  await prepareQueue(db);
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
