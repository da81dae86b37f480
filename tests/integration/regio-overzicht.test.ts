import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import type { ActieStatus } from "@/lib/generated/prisma/enums";
import { getRegioOverviewExport } from "@/lib/regio/export";
import { gapsTable, overviewTable, overviewToCsv } from "@/lib/regio/export-format";
import { getVerbeterplanVoortgang, loadedFrameworkVersions } from "@/lib/regio/queries";
import { actorOf, BEHEERDER, createMeetronde, createRegio, createUser, createVerbeteractie, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

// The local plans of the region's first round: per gemeente, the statuses of its actions.
const PLANS: ActieStatus[][] = [["AFGEROND", "AFGEROND", "IN_UITVOERING", "GEPLAND", "VERVALLEN"], ["AFGEROND", "GEPLAND"], ["IN_UITVOERING"]];

describe.each(DATABASE_KINDS)("the regional overview pages' queries on the %s database", (kind) => {
  let db: TestDatabase;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let nulmeting: Awaited<ReturnType<typeof createMeetronde>>;
  let herhaalmeting: Awaited<ReturnType<typeof createMeetronde>>;
  let elders: Awaited<ReturnType<typeof createMeetronde>>;
  const actors = {} as Record<"leader" | "leaderElsewhere" | "officer" | "officerElsewhere" | "beheerder", Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    // A region of three gemeenten: all three submitted a complete scan in the closed first round
    // and made a plan; in the open second round two of them started, without actions yet.
    regio = await createRegio(p, { gemeenten: 3 });
    const other = await createRegio(p, { gemeenten: 1 });
    actors.leader = actorOf(await createUser(p, { grants: [leaderOf(regio)] }));
    actors.leaderElsewhere = actorOf(await createUser(p, { grants: [leaderOf(other)] }));
    actors.officer = actorOf(await createUser(p, { grants: [officerOf(regio.gemeenten[0]!)] }));
    actors.officerElsewhere = actorOf(await createUser(p, { grants: [officerOf(other.gemeenten[0]!)] }));
    actors.beheerder = actorOf(await createUser(p, { grants: [BEHEERDER] }));
    nulmeting = await createMeetronde(p, { regio, status: "GESLOTEN", name: "Nulmeting", startsOn: new Date("2021-01-01T00:00:00Z") });
    herhaalmeting = await createMeetronde(p, { regio, status: "OPEN", name: "Herhaalmeting", startsOn: new Date("2026-01-01T00:00:00Z") });
    for (const [index, gemeente] of regio.gemeenten.entries()) {
      const scan = await createZelfscan(p, { gemeente, meetronde: nulmeting, status: "INGEDIEND", answers: "all" });
      for (const status of PLANS[index]!) await createVerbeteractie(p, { zelfscan: scan, status, onderdeelIds: [scan.answers[0]!.onderdeelId] });
      if (index < 2) await createZelfscan(p, { gemeente, meetronde: herhaalmeting, answers: 10 });
    }
    elders = await createMeetronde(p, { regio: other, status: "OPEN" });
    await createZelfscan(p, { gemeente: other.gemeenten[0]!, meetronde: elders, answers: 5 });
  });
  afterAll(async () => {
    await db.drop();
  });

  it("counts the local actions per status per gemeente, by default in the last round that has actions", async () => {
    const voortgang = await getVerbeterplanVoortgang(db.prisma, actors.leader, { slug: regio.slug });
    expect(voortgang?.meetronde?.name).toBe("Nulmeting");
    expect(voortgang?.rijen).toHaveLength(3);
    for (const rij of voortgang!.rijen) {
      const actions = await db.prisma.verbeteractie.findMany({ where: { zelfscanId: rij.scanId! } });
      expect(rij.total).toBe(actions.length);
      expect(rij.counts.AFGEROND).toBe(actions.filter((actie) => actie.status === "AFGEROND").length);
      expect(rij.total).toBeGreaterThan(0);
    }
    // And exactly the plans made above, per gemeente.
    const made = regio.gemeenten.map((gemeente, index) => ({
      gemeente: gemeente.slug,
      total: PLANS[index]!.length,
      counts: Object.fromEntries(
        (["GEPLAND", "IN_UITVOERING", "AFGEROND", "VERVALLEN"] as const).map((status) => [
          status,
          PLANS[index]!.filter((candidate) => candidate === status).length,
        ]),
      ),
    }));
    expect(
      voortgang!.rijen
        .map((rij) => ({ gemeente: rij.gemeente.slug, total: rij.total, counts: rij.counts }))
        .sort((a, b) => a.gemeente.localeCompare(b.gemeente)),
    ).toEqual(made.sort((a, b) => a.gemeente.localeCompare(b.gemeente)));
    const later = await getVerbeterplanVoortgang(db.prisma, actors.leader, { slug: regio.slug, meetrondeId: herhaalmeting.id });
    expect(later?.rijen.find((rij) => rij.gemeente.slug === regio.gemeenten[2]!.slug)).toMatchObject({ scanId: null, total: 0 });
  });

  it("gives the overview and its exports only to the region's own leaders", async () => {
    for (const role of ["leaderElsewhere", "officer", "officerElsewhere", "beheerder"] as const) {
      expect(await getVerbeterplanVoortgang(db.prisma, actors[role], { slug: regio.slug })).toBeNull();
      expect(await getRegioOverviewExport(db.prisma, actors[role], { slug: regio.slug, meetrondeId: nulmeting.id, minimaal: null, format: "csv" })).toBeNull();
    }
    // A round of another region under the leader's own slug is not found either.
    expect(await getRegioOverviewExport(db.prisma, actors.leader, { slug: regio.slug, meetrondeId: elders.id, minimaal: null, format: "csv" })).toBeNull();
    const refusals = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actors.leaderElsewhere.userId } });
    expect(refusals).toBeGreaterThanOrEqual(2);

    const data = await getRegioOverviewExport(db.prisma, actors.leader, { slug: regio.slug, meetrondeId: nulmeting.id, minimaal: "3", format: "csv" });
    expect(data?.map.rows.map((row) => row.gemeente.name)).toHaveLength(3);
    expect(data?.threshold).toBe(3);
    expect(data!.gaps.length).toBeGreaterThan(0);
    expect(data!.gaps.every((gap) => gap.gemeenten.length === 3)).toBe(true);
    const csv = overviewToCsv(
      { regio: regio.name, meetronde: nulmeting.name, kaderversie: "2019" },
      overviewTable(data!.framework, data!.map),
      gapsTable(data!.gaps),
      3,
    );
    expect(csv.split("\r\n").filter((line) => /;"Ingediend";"nee";/.test(line))).toHaveLength(3);
  });

  it("offers the loaded framework versions for a new round", async () => {
    expect(await loadedFrameworkVersions(db.prisma)).toEqual([{ version: "2019", label: expect.stringContaining("versie 2019") }]);
  });
});
