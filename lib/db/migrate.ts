// Applies prisma/migrations/*/migration.sql in order, each in its own transaction together with
// its record, on the embedded database and on PostgreSQL alike. Prisma's own `migrate deploy`
// is not used: through a driver adapter it cannot read PostgreSQL's catalogue (see
// docs/decisions/001-database.md), and one runner for both databases keeps them identical.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlDriver } from "./driver";

// Read from the project folder at run time; the bundler must not trace the whole project for it.
const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");

// Any constant shared by every instance of the application; serialises concurrent start-ups.
const MIGRATION_LOCK_KEY = 724_311_019;

export type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/* turbopackIgnore: true */ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationError extends Error {}

/** Returns the names of the migrations it applied (empty when the schema was up to date). */
export async function applyMigrations(driver: SqlDriver, migrations?: Migration[]): Promise<string[]> {
  const pending = migrations ?? (await readMigrations());
  // Under the lock too: two instances starting at once on an empty database would otherwise both
  // create the table (IF NOT EXISTS does not serialise; one fails on pg_type's unique index).
  await driver.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS "_schema_migrations" (
    "name" TEXT PRIMARY KEY,
    "checksum" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  });
  const applied: string[] = [];
  for (const migration of pending) {
    const done = await driver.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const rows = await tx.query<{ checksum: string }>(`SELECT "checksum" FROM "_schema_migrations" WHERE "name" = $1`, [migration.name]);
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migratie ${migration.name} is gewijzigd nadat ze is toegepast. Maak een nieuwe migratie in plaats van een oude aan te passen.`,
          );
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO "_schema_migrations" ("name", "checksum") VALUES ($1, $2)`, [migration.name, migration.checksum]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

export async function appliedMigrationNames(driver: SqlDriver): Promise<string[]> {
  const rows = await driver.query<{ name: string }>(`SELECT "name" FROM "_schema_migrations" ORDER BY "name"`);
  return rows.map((row) => row.name);
}
