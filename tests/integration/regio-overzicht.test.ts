import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { seedDemoData } from "@/lib/demo/seed";
import { getRegioOverviewExport } from "@/lib/regio/export";
import { gapsTable, overviewTable, overviewToCsv } from "@/lib/regio/export-format";
import { getVerbeterplanVoortgang, loadedFrameworkVersions } from "@/lib/regio/queries";
import { actorFor, ROLES, type RoleName } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("the regional overview pages' queries on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("counts the local actions per status per gemeente, by default in the last round that has actions", async () => {
    const voortgang = await getVerbeterplanVoortgang(db.prisma, actors.leaderHaaglanden, { slug: "haaglanden" });
    expect(voortgang?.ronde?.name).toBe("Nulmeting 2021");
    expect(voortgang?.rijen).toHaveLength(9);
    // The seed gives every gemeente of the first round its five largest gaps as actions, with
    // statuses afgerond, afgerond, in uitvoering, gepland, vervallen (fewer when it has fewer gaps).
    for (const rij of voortgang!.rijen) {
      const actions = await db.prisma.verbeteractie.findMany({ where: { zelfscanId: rij.scanId! } });
      expect(rij.total).toBe(actions.length);
      expect(rij.counts.AFGEROND).toBe(actions.filter((actie) => actie.status === "AFGEROND").length);
      expect(rij.total).toBeGreaterThan(0);
    }
    const herhaal = await db.prisma.meetronde.findFirstOrThrow({ where: { name: "Herhaalmeting 2026" } });
    const later = await getVerbeterplanVoortgang(db.prisma, actors.leaderHaaglanden, { slug: "haaglanden", meetrondeId: herhaal.id });
    expect(later?.rijen.find((rij) => rij.gemeente.slug === "rijswijk")).toMatchObject({ scanId: null, total: 0 });
  });

  it("gives the overview and its exports only to the region's own leaders", async () => {
    const nulmeting = await db.prisma.meetronde.findFirstOrThrow({ where: { name: "Nulmeting 2021" } });
    const leiden = await db.prisma.meetronde.findFirstOrThrow({ where: { name: "Zelfscan 2026" } });
    for (const role of ["leaderHollandsMidden", "officerDelft", "officerLeiden", "beheerder"] as const) {
      expect(await getVerbeterplanVoortgang(db.prisma, actors[role], { slug: "haaglanden" })).toBeNull();
      expect(await getRegioOverviewExport(db.prisma, actors[role], { slug: "haaglanden", meetrondeId: nulmeting.id, minimaal: null, format: "csv" })).toBeNull();
    }
    // A round of another region under the leader's own slug is not found either.
    expect(await getRegioOverviewExport(db.prisma, actors.leaderHaaglanden, { slug: "haaglanden", meetrondeId: leiden.id, minimaal: null, format: "csv" })).toBeNull();
    const refusals = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors.leaderHollandsMidden.userId } });
    expect(refusals).toBeGreaterThanOrEqual(2);

    const data = await getRegioOverviewExport(db.prisma, actors.leaderHaaglanden, { slug: "haaglanden", meetrondeId: nulmeting.id, minimaal: "9", format: "csv" });
    expect(data?.map.rows.map((row) => row.gemeente.name)).toHaveLength(9);
    expect(data?.threshold).toBe(9);
    expect(data!.gaps.every((gap) => gap.gemeenten.length === 9)).toBe(true);
    const csv = overviewToCsv({ regio: "Haaglanden", meetronde: nulmeting.name, kaderversie: "2019" }, overviewTable(data!.framework, data!.map), gapsTable(data!.gaps), 9);
    expect(csv.split("\r\n").filter((line) => /;"Ingediend";"nee";/.test(line))).toHaveLength(9);
  });

  it("offers the loaded framework versions for a new round", async () => {
    expect(await loadedFrameworkVersions(db.prisma)).toEqual([{ version: "2019", label: expect.stringContaining("versie 2019") }]);
  });
});
