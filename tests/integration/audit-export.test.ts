// The audit-log export for the yearly access review: the beheerder gets every matching entry
// (and the export is itself logged); nobody else gets anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { auditCsvRows, exportAuditEntries } from "@/lib/beheer/audit-log";
import { ZAuditFilterSchema } from "@/lib/shared/beheer/schemas";
import { toCsv } from "@/lib/export/csv";
import { actorOf, BEHEERDER, createRegio, createUser, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("audit-log export on the %s database", (kind) => {
  let db: TestDatabase;
  let users: Record<"beheerder" | "leader" | "officer", Awaited<ReturnType<typeof createUser>>>;
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const regio = await createRegio(db.prisma, { gemeenten: 1 });
    users = {
      beheerder: await createUser(db.prisma, { grants: [BEHEERDER] }),
      leader: await createUser(db.prisma, { grants: [leaderOf(regio)] }),
      officer: await createUser(db.prisma, { name: "Anouk de Vries", email: "beleid@delft.example", grants: [officerOf(regio.gemeenten[0]!)] }),
    };
    // Someone else's sign-ins, which a filter on the officer's address leaves out.
    const other = await createUser(db.prisma, { email: "beleid@rijswijk.example", grants: [officerOf(regio.gemeenten[0]!)] });
    for (let i = 0; i < 3; i++)
      await recordAudit(db.prisma, { actorId: other.id, action: "auth.ingelogd", targetType: "User", targetId: other.id, details: { i } });
  });
  afterAll(() => db?.drop());

  it("gives the beheerder every entry of the filter, oldest first, with names, and logs the export", async () => {
    const beheerder = actorOf(users.beheerder);
    const delft = users.officer;
    for (let i = 0; i < 120; i++) {
      await recordAudit(db.prisma, {
        actorId: delft.id,
        action: "auth.ingelogd",
        targetType: "User",
        targetId: delft.id,
        details: { i, email: "=cmd|x" },
        ip: "192.0.2.1",
      });
    }
    const result = await exportAuditEntries(db.prisma, beheerder, ZAuditFilterSchema.parse({ actie: "auth.ingelogd", email: "delft" }));
    expect(result!.truncated).toBe(false);
    expect(result!.entries).toHaveLength(120);
    expect(result!.entries.map((entry) => entry.details.find(([key]) => key === "i")?.[1])).toEqual([...Array(120).keys()].map(String));
    const csv = toCsv(auditCsvRows(result!.entries));
    expect(csv.split("\r\n")).toHaveLength(122);
    expect(csv).toContain(`"beleid@delft.example";"Anouk de Vries";"User";"beleid@delft.example"`);
    // The action's code for filtering, and its label from the catalogue for the reader.
    expect(csv.split("\r\n")[0]).toContain(`"actie";"omschrijving";"door (e-mail)"`);
    expect(csv).toContain(`"auth.ingelogd";"Ingelogd";"beleid@delft.example"`);
    expect(csv).not.toMatch(/[;,"]=cmd/);
    expect(await db.prisma.auditEntry.count({ where: { action: "auditlog.geexporteerd", actorId: beheerder.userId } })).toBe(1);
  });

  it("refuses everyone but the beheerder, and logs the refusal", async () => {
    for (const user of [users.leader, users.officer]) {
      const actor = actorOf(user);
      expect(await exportAuditEntries(db.prisma, actor, ZAuditFilterSchema.parse({}))).toBeNull();
      expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } })).toBeGreaterThan(0);
    }
  });
});
