// Start-up of the database: apply pending migrations, then seed the demo world on an empty
// database where that is wanted (see shouldSeedDemoData). Runs once per server process.
import { seedDemoData } from "@/lib/demo/seed";
import { errorFields, log } from "@/lib/log";
import { database } from "./client";
import { shouldSeedDemoData } from "./config";
import { applyMigrations } from "./migrate";

export async function prepareDatabase(): Promise<void> {
  const db = database();
  const applied = await applyMigrations(db.sql);
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
