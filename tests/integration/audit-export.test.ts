// The audit-log export for the yearly access review: the beheerder gets every matching entry
// (and the export is itself logged); nobody else gets anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { auditCsvRows, exportAuditEntries } from "@/lib/beheer/audit-log";
import { ZAuditFilterSchema } from "@/lib/shared/beheer/schemas";
import { seedDemoData } from "@/lib/demo/seed";
import { toCsv } from "@/lib/export/csv";
import { actorFor } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("audit-log export on the %s database", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
  });
  afterAll(() => db?.drop());

  it("gives the beheerder every entry of the filter, oldest first, with names, and logs the export", async () => {
    const beheerder = await actorFor(db.prisma, "beheer@zelfscan.example");
    const delft = await db.prisma.user.findUniqueOrThrow({ where: { email: "beleid@delft.example" } });
    for (let i = 0; i < 120; i++) {
      await recordAudit(db.prisma, { actorId: delft.id, action: "auth.ingelogd", targetType: "User", targetId: delft.id, details: { i, email: "=cmd|x" }, ip: "192.0.2.1" });
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
    for (const email of ["projectleider@haaglanden.example", "beleid@delft.example"]) {
      const actor = await actorFor(db.prisma, email);
      expect(await exportAuditEntries(db.prisma, actor, ZAuditFilterSchema.parse({}))).toBeNull();
      expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId } })).toBeGreaterThan(0);
    }
  });
});
