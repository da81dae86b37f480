// Fresh, empty databases for integration tests: an in-memory embedded database, and a new
// database on the PostgreSQL server named by TEST_POSTGRES_URL (created and dropped per suite).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type Database } from "@/lib/db/client";
import type { DatabaseKind } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { prepareQueue } from "@/lib/mail/queue";

export const DATABASE_KINDS: DatabaseKind[] = ["embedded", "postgresql"];

export type TestDatabase = Database & { drop(): Promise<void> };

function adminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      "TEST_POSTGRES_URL is niet gezet. De integratietests draaien ook tegen een echte PostgreSQL-server; " +
        "gebruik `npm test` (start er zelf een) of zet TEST_POSTGRES_URL=postgresql://gebruiker:wachtwoord@localhost:5432/postgres.",
    );
  }
  return url;
}

export async function createEmptyDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "embedded") {
    const db = createDatabase({ kind: "embedded", dataDir: "memory://" });
    return { ...db, drop: () => db.prisma.$disconnect().then(() => db.sql.close()) };
  }
  const name = `zelfscan_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = createDatabase({ kind: "postgresql", url: url.toString() });
  return {
    ...db,
    async drop() {
      await db.prisma.$disconnect();
      const adminAgain = new pg.Client({ connectionString: adminUrl() });
      await adminAgain.connect();
      await adminAgain.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await adminAgain.end();
    },
  };
}

export async function createMigratedDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const db = await createEmptyDatabase(kind);
  await applyMigrations(db.sql);
  await prepareQueue(db);
  return db;
}
