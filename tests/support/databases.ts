// Fresh, empty databases for integration tests: an in-memory embedded database, and a new
// database on the PostgreSQL server named by TEST_POSTGRES_URL (created and dropped per suite).
import { createDatabase, type Database } from "@/lib/db/client";
import type { DatabaseKind } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { prepareQueue } from "@/lib/mail/queue";
import { createPostgresDatabase } from "./postgres-database";

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
  const created = await createPostgresDatabase(adminUrl(), "zelfscan_test");
  const db = createDatabase({ kind: "postgresql", url: created.url });
  return {
    ...db,
    async drop() {
      await db.prisma.$disconnect();
      await created.drop();
    },
  };
}

export async function createMigratedDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const db = await createEmptyDatabase(kind);
  await applyMigrations(db.sql);
  await prepareQueue(db);
  return db;
}
