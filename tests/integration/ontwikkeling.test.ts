// One gemeente over time (lib/gemeente/queries.ts getGemeenteOntwikkeling, and the verbeterplan's
// ontwikkeling up to its scan): the figures checked against a computation of their own, and the scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { getGemeenteOntwikkeling } from "@/lib/gemeente/queries";
import { getRapport } from "@/lib/verbeterplan/queries";
import { actorOf, BEHEERDER, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const round2 = (value: number) => Math.round(value * 100) / 100;
// The nulmeting scores item i as i mod 4; the herhaalmeting (a draft) scores the first 20 items 3, the rest unanswered.
const before = (index: number) => index % 4;
const after = (index: number) => (index < 20 ? 3 : null);

describe.each(DATABASE_KINDS)("one gemeente over time on the %s database", (kind) => {
  let db: TestDatabase;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  const actors = {} as Record<"officer" | "neighbour" | "leader" | "leaderElsewhere" | "beheerder", Actor>;
  const scans = {} as Record<"nul" | "tussen" | "herhaal", string>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    regio = await createRegio(p, { gemeenten: ["Oosterwijk", "Noordhaven"] });
    const elders = await createRegio(p, { gemeenten: 1 });
    const [oosterwijk, noordhaven] = regio.gemeenten as [(typeof regio.gemeenten)[number], (typeof regio.gemeenten)[number]];
    const ronde = (name: string, startsOn: string, status: "GESLOTEN" | "OPEN") =>
      createMeetronde(p, { regio, name, status, startsOn: new Date(`${startsOn}T00:00:00Z`) });
    const [r2019, r2021, r2024, r2026] = [
      await ronde("Proefmeting 2019", "2019-02-01", "GESLOTEN"),
      await ronde("Nulmeting 2021", "2021-01-11", "GESLOTEN"),
      await ronde("Tussenmeting 2024", "2024-02-01", "GESLOTEN"),
      await ronde("Herhaalmeting 2026", "2026-10-01", "OPEN"),
    ];
    // A draft of 2019 that was never submitted is no nulmeting.
    await createZelfscan(p, { gemeente: oosterwijk, meetronde: r2019, answers: 5 });
    scans.nul = (
      await createZelfscan(p, { gemeente: oosterwijk, meetronde: r2021, status: "INGEDIEND", answers: (_o, index) => ({ score: before(index) }) })
    ).id;
    scans.tussen = (await createZelfscan(p, { gemeente: oosterwijk, meetronde: r2024, status: "INGEDIEND", answers: "all" })).id;
    scans.herhaal = (
      await createZelfscan(p, { gemeente: oosterwijk, meetronde: r2026, answers: (_o, index) => (after(index) === null ? null : { score: 3 }) })
    ).id;
    await createZelfscan(p, { gemeente: noordhaven, meetronde: r2021, status: "INGEDIEND", answers: "all" });
    actors.officer = actorOf(await createUser(p, { grants: [officerOf(oosterwijk)] }));
    actors.neighbour = actorOf(await createUser(p, { grants: [officerOf(noordhaven)] }));
    actors.leader = actorOf(await createUser(p, { grants: [leaderOf(regio)] }));
    actors.leaderElsewhere = actorOf(await createUser(p, { grants: [leaderOf(elders)] }));
    actors.beheerder = actorOf(await createUser(p, { grants: [BEHEERDER] }));
  });
  afterAll(async () => {
    await db.drop();
  });

  it("puts the earliest submitted scan beside the latest scan, a draft marked provisional, per onderdeel and per eis", async () => {
    const result = await getGemeenteOntwikkeling(db.prisma, actors.officer, regio.gemeenten[0]!.slug);
    expect(result?.nulmeting).toMatchObject({ scanId: scans.nul, meetronde: { name: "Nulmeting 2021" }, voorlopig: false });
    expect(result?.herhaalmeting).toMatchObject({ scanId: scans.herhaal, meetronde: { name: "Herhaalmeting 2026" }, voorlopig: true, status: "CONCEPT" });
    const v = result!.vergelijking!;
    framework.onderdelen.forEach((onderdeel, index) => {
      expect(v.onderdelen[onderdeel.id], onderdeel.id).toMatchObject({ from: before(index), to: after(index) });
    });
    for (const requirement of framework.requirements) {
      const items = framework.onderdelen
        .map((onderdeel, index) => ({ onderdeel, index }))
        .filter(({ onderdeel }) => onderdeel.requirementNumber === requirement.number);
      const mean = (values: (number | null)[]) => {
        const present = values.filter((value): value is number => value !== null);
        return present.length ? round2(present.reduce((a, b) => a + b, 0) / present.length) : null;
      };
      const from = mean(items.map(({ index }) => before(index)));
      const to = mean(items.map(({ index }) => after(index)));
      expect(v.requirements[requirement.number], `eis ${requirement.number}`).toMatchObject({ from, to, delta: to === null ? null : round2(to - from!) });
    }
    expect(result?.framework?.version).toBe(CURRENT_FRAMEWORK_VERSION);
    // The region's leader sees the same; a gemeente with only a nulmeting has nothing to compare.
    expect((await getGemeenteOntwikkeling(db.prisma, actors.leader, regio.gemeenten[0]!.slug))?.vergelijking).toEqual(v);
    expect(await getGemeenteOntwikkeling(db.prisma, actors.neighbour, regio.gemeenten[1]!.slug)).toMatchObject({ herhaalmeting: null, vergelijking: null });
  });

  it("refuses, audited, everyone outside the gemeente's scope", async () => {
    const slug = regio.gemeenten[0]!.slug;
    for (const role of ["neighbour", "leaderElsewhere", "beheerder"] as const) {
      expect(await getGemeenteOntwikkeling(db.prisma, actors[role], slug), role).toBeNull();
      const refusal = await db.prisma.auditEntry.findFirst({ where: { actorId: actors[role].userId, action: "toegang.geweigerd", targetType: "Gemeente" } });
      expect(refusal?.details, role).toMatchObject({ slug, handeling: "ontwikkeling van gemeente bekijken" });
    }
  });

  it("in the verbeterplan (the PDF) compares up to the plan's own scan", async () => {
    const herhaal = await getRapport(db.prisma, actors.officer, scans.herhaal);
    expect(herhaal?.ontwikkeling.herhaalmeting?.scanId).toBe(scans.herhaal);
    const tussen = await getRapport(db.prisma, actors.officer, scans.tussen);
    expect([tussen?.ontwikkeling.nulmeting?.scanId, tussen?.ontwikkeling.herhaalmeting?.scanId]).toEqual([scans.nul, scans.tussen]);
    expect(tussen?.ontwikkeling.herhaalmeting?.voorlopig).toBe(false);
    const nul = await getRapport(db.prisma, actors.officer, scans.nul);
    expect(nul?.ontwikkeling).toMatchObject({ nulmeting: { scanId: scans.nul }, herhaalmeting: null, vergelijking: null });
  });
});
