// A new, empty database on a PostgreSQL server (the tests' TEST_POSTGRES_URL, or a throwaway
// cluster's), for a test or benchmark of its own, and dropped afterwards, also with connections
// still open (an app process that was killed).
import { randomBytes } from "node:crypto";
import pg from "pg";

export type PostgresDatabase = { name: string; url: string; drop(): Promise<void> };

async function run(adminUrl: string, statement: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export async function createPostgresDatabase(adminUrl: string, prefix: string): Promise<PostgresDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await run(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => run(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
