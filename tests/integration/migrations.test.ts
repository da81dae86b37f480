import { afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { appliedMigrationNames, applyMigrations, MigrationError, readMigrations } from "@/lib/db/migrate";
import { prepareSchema } from "@/lib/db/prepare";
import { createEmptyDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const EXPECTED_TABLES = [
  "AccountLink",
  "ActieVoortgang",
  "Answer",
  "AnswerDocument",
  "Assignment",
  "AuditEntry",
  "Comment",
  "Document",
  "DocumentVersie",
  "FrameworkVersion",
  "Gemeente",
  "IdentityLink",
  "IdentityLinkRequest",
  "IdentityProvider",
  "IdentityProviderGemeente",
  "IdentityProviderRegio",
  "InvitationRequest",
  "Meetronde",
  "Message",
  "MessagePreference",
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
    const tampered = migrations.map((migration, index) => (index === 0 ? { ...migration, checksum: "0".repeat(64) } : migration));
    await expect(applyMigrations(db.sql, tampered)).rejects.toBeInstanceOf(MigrationError);
  });

  it("roll back a failing migration completely, record included", async () => {
    db = await createEmptyDatabase(kind);
    const broken = [{ name: "99999999999999_broken", sql: 'CREATE TABLE "Half" ("id" TEXT); SELECT * FROM "does_not_exist";', checksum: "x" }];
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
    await expect(db.prisma.gemeente.create({ data: { name: "Dubbel", slug: "testgemeente", regioId: regio.id } })).rejects.toThrow();
  });
});

describe("two instances starting at the same moment on an empty PostgreSQL database", () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  // Each with its own pool, as two server processes have. Without the start-up lock one of them
  // failed on pg_type's or pg_namespace's unique index (CREATE ... IF NOT EXISTS does not serialise).
  it("prepare the schema once: one applies every migration and the queue, the other finds nothing to do", async () => {
    db = await createEmptyDatabase("postgresql");
    const url = (db.config as { url: string }).url;
    const others = [createDatabase({ kind: "postgresql", url }), createDatabase({ kind: "postgresql", url })];
    try {
      const applied = await Promise.all(others.map((other) => prepareSchema(other)));
      const migrations = await readMigrations();
      expect(applied.map((names) => names.length).sort((x, y) => x - y)).toEqual([0, migrations.length]);
      expect(await appliedMigrationNames(db.sql)).toEqual(migrations.map((migration) => migration.name));
      const queues = await db.sql.query<{ name: string }>(`SELECT name FROM pgboss.queue ORDER BY name`);
      expect(queues.length).toBeGreaterThan(0);
    } finally {
      for (const other of others) {
        await other.prisma.$disconnect();
        await other.sql.close();
      }
    }
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

// The glossary's migration renames columns (docs/glossary.md); what was stored under the old names
// must be there under the new ones, on both databases.
const GLOSSARY_MIGRATION = "20261202021001_een_woordenlijst";

describe.each(DATABASE_KINDS)("the glossary migration on the %s database", (kind) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it("keeps every answer, comment and action: the values written under the old column names are there under the new ones", async () => {
    db = await createEmptyDatabase(kind);
    const migrations = await readMigrations();
    const at = migrations.findIndex((migration) => migration.name === GLOSSARY_MIGRATION);
    expect(at).toBeGreaterThan(0);
    await applyMigrations(db.sql, migrations.slice(0, at));

    // Written as the application wrote them before: itemId, unknown, targetLevel, itemIds.
    // codemod: keep. The old column names on purpose: the vocabulary codemod (docs/glossary.md) leaves them.
    await db.sql.exec(`
      INSERT INTO "Regio" (id, name, slug, "updatedAt") VALUES ('r1', 'Regio', 'regio', now());
      INSERT INTO "Gemeente" (id, name, slug, "regioId", "updatedAt") VALUES ('g1', 'Gemeente', 'gemeente', 'r1', now());
      INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'a@example.org', 'A', now());
      INSERT INTO "Meetronde" (id, "regioId", name, "startsOn", deadline, "frameworkId", "frameworkVersion", "updatedAt")
        VALUES ('m1', 'r1', 'Nulmeting', now(), now(), 'vng-werken-aan-veiligheid', '2019', now());
      INSERT INTO "Zelfscan" (id, "gemeenteId", "meetrondeId", "frameworkId", "frameworkVersion", "updatedAt")
        VALUES ('z1', 'g1', 'm1', 'vng-werken-aan-veiligheid', '2019', now());
      INSERT INTO "Answer" (id, "zelfscanId", "itemId", score, unknown, toelichting, "targetLevel", version, "updatedAt") VALUES
        ('a1', 'z1', '3a', NULL, true, 'Weet niemand', 2, 4, now()),
        ('a2', 'z1', '10g', 1, false, 'Half geregeld', 3, 1, now());
      INSERT INTO "Comment" (id, "zelfscanId", "itemId", "authorId", body) VALUES ('c1', 'z1', '10g', 'u1', 'Waarom?');
      INSERT INTO "Verbeteractie" (id, "zelfscanId", "itemIds", title, "updatedAt") VALUES ('v1', 'z1', ARRAY['3a', '10g'], 'Werkinstructie', now());
      INSERT INTO "RegionaleActie" (id, "regioId", "itemIds", title, "updatedAt") VALUES ('ra1', 'r1', ARRAY['8c'], 'Regionale training', now());
    `);

    expect(await applyMigrations(db.sql, migrations)).toEqual(migrations.slice(at).map((migration) => migration.name));

    const answers = await db.prisma.answer.findMany({ orderBy: { id: "asc" } });
    expect(
      answers.map(({ id, onderdeelId, score, weetIkNiet, toelichting, doelniveau, version }) => ({
        id,
        onderdeelId,
        score,
        weetIkNiet,
        toelichting,
        doelniveau,
        version,
      })),
    ).toEqual([
      { id: "a1", onderdeelId: "3a", score: null, weetIkNiet: true, toelichting: "Weet niemand", doelniveau: 2, version: 4 },
      { id: "a2", onderdeelId: "10g", score: 1, weetIkNiet: false, toelichting: "Half geregeld", doelniveau: 3, version: 1 },
    ]);
    expect(await db.prisma.comment.findMany({ select: { id: true, onderdeelId: true, body: true } })).toEqual([
      { id: "c1", onderdeelId: "10g", body: "Waarom?" },
    ]);
    expect(await db.prisma.verbeteractie.findMany({ select: { id: true, onderdeelIds: true } })).toEqual([{ id: "v1", onderdeelIds: ["3a", "10g"] }]);
    expect(await db.prisma.regionaleActie.findMany({ select: { id: true, onderdeelIds: true } })).toEqual([{ id: "ra1", onderdeelIds: ["8c"] }]);

    // The indexes moved with their columns: one answer per onderdeel per scan, found by the new name.
    await expect(db.prisma.answer.create({ data: { zelfscanId: "z1", onderdeelId: "3a" } })).rejects.toThrow();
    expect(await db.prisma.answer.findUnique({ where: { zelfscanId_onderdeelId: { zelfscanId: "z1", onderdeelId: "10g" } } })).toMatchObject({ id: "a2" });
    const indexes = await db.sql.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename IN ('Answer', 'Comment') AND indexname LIKE '%zelfscanId%' ORDER BY indexname`,
    );
    expect(indexes.map((row) => row.indexname)).toEqual(["Answer_zelfscanId_onderdeelId_key", "Comment_zelfscanId_onderdeelId_idx"]);
  });
});
