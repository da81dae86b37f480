import { afterEach, describe, expect, it } from "vitest";
import { appliedMigrationNames, applyMigrations, MigrationError, readMigrations } from "@/lib/db/migrate";
import { createEmptyDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const EXPECTED_TABLES = [
  "AccountLink",
  "Answer",
  "AuditEntry",
  "Comment",
  "FrameworkVersion",
  "Gemeente",
  "IdentityLink",
  "IdentityLinkRequest",
  "IdentityProvider",
  "IdentityProviderGemeente",
  "IdentityProviderRegio",
  "InvitationRequest",
  "Meetronde",
  "RateLimit",
  "RecoveryCode",
  "RegionaleActie",
  "RegionaleActieGemeente",
  "Regio",
  "RoleGrant",
  "Session",
  "User",
  "Verbeteractie",
  "Zelfscan",
  "_schema_migrations",
];

describe.each(DATABASE_KINDS)("migrations on the %s database", (kind) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it("apply to an empty database and create every table", async () => {
    db = await createEmptyDatabase(kind);
    const migrations = await readMigrations();
    const applied = await applyMigrations(db.sql);
    expect(applied).toEqual(migrations.map((migration) => migration.name));
    expect(await appliedMigrationNames(db.sql)).toEqual(applied);
    const tables = await db.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name).sort()).toEqual([...EXPECTED_TABLES].sort());
  });

  it("apply nothing the second time", async () => {
    db = await createEmptyDatabase(kind);
    await applyMigrations(db.sql);
    expect(await applyMigrations(db.sql)).toEqual([]);
  });

  it("refuse a migration that was changed after it was applied", async () => {
    db = await createEmptyDatabase(kind);
    const migrations = await readMigrations();
    await applyMigrations(db.sql, migrations);
    const tampered = migrations.map((migration, index) =>
      index === 0 ? { ...migration, checksum: "0".repeat(64) } : migration,
    );
    await expect(applyMigrations(db.sql, tampered)).rejects.toBeInstanceOf(MigrationError);
  });

  it("roll back a failing migration completely, record included", async () => {
    db = await createEmptyDatabase(kind);
    const broken = [
      { name: "99999999999999_broken", sql: 'CREATE TABLE "Half" ("id" TEXT); SELECT * FROM "does_not_exist";', checksum: "x" },
    ];
    await expect(applyMigrations(db.sql, broken)).rejects.toThrow();
    const half = await db.sql.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'");
    expect(half).toHaveLength(0);
    expect(await appliedMigrationNames(db.sql)).toEqual([]);
  });

  it("serve the Prisma client after migrating", async () => {
    db = await createEmptyDatabase(kind);
    await applyMigrations(db.sql);
    const regio = await db.prisma.regio.create({ data: { name: "Testregio", slug: "testregio" } });
    await db.prisma.gemeente.create({ data: { name: "Testgemeente", slug: "testgemeente", regioId: regio.id } });
    expect(await db.prisma.gemeente.count({ where: { regioId: regio.id } })).toBe(1);
    await expect(
      db.prisma.gemeente.create({ data: { name: "Dubbel", slug: "testgemeente", regioId: regio.id } }),
    ).rejects.toThrow();
  });
});

describe("the migration history", () => {
  it("matches prisma/schema.prisma: every schema change has its migration", async () => {
    const { execFileSync } = await import("node:child_process");
    const migrations = await readMigrations();
    const latest = migrations.at(-1)!;
    // --exit-code: 0 when the snapshot of the latest migration and the schema are the same.
    expect(() =>
      execFileSync(
        "npx",
        [
          "prisma",
          "migrate",
          "diff",
          "--from-schema-datamodel",
          `prisma/migrations/${latest.name}/schema.prisma`,
          "--to-schema-datamodel",
          "prisma/schema.prisma",
          "--exit-code",
        ],
        { stdio: "pipe" },
      ),
    ).not.toThrow();
  });
});
