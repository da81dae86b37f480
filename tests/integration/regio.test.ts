import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { commonGaps, heatMap } from "@/lib/regio/aggregate";
import { getRegioAnalysis, getRegioComparison } from "@/lib/regio/analysis";
import { listFrameworkVersionsForBeheer, loadFrameworkVersion } from "@/lib/beheer/kaderversies";
import { closeMeetronde, createMeetronde, createRegionaleActie, deleteRegionaleActie, openMeetronde, updateRegionaleActie } from "@/lib/regio/mutations";
import { listRegionaleActies, regionaleActiesVoorGemeente } from "@/lib/regio/queries";
import { actorOf, BEHEERDER, createMeetronde as makeMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

type RoleName = "leader" | "leaderElsewhere" | "officer" | "officerNeighbour" | "officerElsewhere" | "beheerder";

describe.each(DATABASE_KINDS)("the regional layer on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let other: Awaited<ReturnType<typeof createRegio>>;
  let nulmeting: Awaited<ReturnType<typeof makeMeetronde>>;
  let herhaalmeting: Awaited<ReturnType<typeof makeMeetronde>>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    // A region of six gemeenten (common gaps need at least five): all six submitted a complete scan
    // in the closed first round; in the open second round three of them started (one submitted).
    regio = await createRegio(p, { gemeenten: 6 });
    other = await createRegio(p, { gemeenten: 1 });
    actors.leader = actorOf(await createUser(p, { grants: [leaderOf(regio)] }));
    actors.leaderElsewhere = actorOf(await createUser(p, { grants: [leaderOf(other)] }));
    actors.officer = actorOf(await createUser(p, { grants: [officerOf(regio.gemeenten[0]!)] }));
    actors.officerNeighbour = actorOf(await createUser(p, { grants: [officerOf(regio.gemeenten[1]!)] }));
    actors.officerElsewhere = actorOf(await createUser(p, { grants: [officerOf(other.gemeenten[0]!)] }));
    actors.beheerder = actorOf(await createUser(p, { grants: [BEHEERDER] }));
    nulmeting = await makeMeetronde(p, { regio, status: "GESLOTEN", name: "Nulmeting", startsOn: new Date("2021-01-11T00:00:00Z") });
    herhaalmeting = await makeMeetronde(p, { regio, status: "OPEN", name: "Herhaalmeting", startsOn: new Date("2026-10-01T00:00:00Z") });
    for (const gemeente of regio.gemeenten) await createZelfscan(p, { gemeente, meetronde: nulmeting, status: "INGEDIEND", answers: "all" });
    await createZelfscan(p, { gemeente: regio.gemeenten[0]!, meetronde: herhaalmeting, answers: 20 });
    await createZelfscan(p, { gemeente: regio.gemeenten[1]!, meetronde: herhaalmeting, status: "INGEDIEND", answers: "all" });
    await createZelfscan(p, { gemeente: regio.gemeenten[2]!, meetronde: herhaalmeting, answers: 9 });
    const elders = await makeMeetronde(p, { regio: other, status: "OPEN" });
    await createZelfscan(p, { gemeente: other.gemeenten[0]!, meetronde: elders, answers: 12 });
  });
  afterAll(async () => {
    await db.drop();
  });

  it("gives the region's leader the municipalities of the first round, and nobody else anything", async () => {
    const analysis = await getRegioAnalysis(db.prisma, actors.leader, { slug: regio.slug, meetrondeId: nulmeting.id });
    expect(analysis?.scans).toHaveLength(6);
    const map = heatMap(analysis!.framework!, analysis!.scans);
    expect(map.rows.every((row) => row.overall !== null && !row.provisional)).toBe(true);
    expect(commonGaps(analysis!.framework!, analysis!.scans, 5).length).toBeGreaterThan(0);
    for (const role of ["leaderElsewhere", "officer", "officerElsewhere", "beheerder"] as const) {
      expect(await getRegioAnalysis(db.prisma, actors[role], { slug: regio.slug }), role).toBeNull();
    }
    const comparison = await getRegioComparison(db.prisma, actors.leader, { slug: regio.slug, fromId: nulmeting.id, toId: herhaalmeting.id });
    expect(comparison?.to.scans.filter((entry) => entry.scan)).toHaveLength(3);
    expect(await getRegioComparison(db.prisma, actors.leaderElsewhere, { slug: regio.slug, fromId: nulmeting.id, toId: herhaalmeting.id })).toBeNull();
  });

  it("lets a leader create, open and close rounds of the own region only, with a loaded framework version", async () => {
    const meetronde = { name: "Herhaalmeting 2028", startsOn: "2028-01-10", deadline: "2028-03-31", frameworkVersion: "2019" };
    expect((await createMeetronde(db.prisma, actors.leaderElsewhere, { regioSlug: regio.slug, meetronde })).status).toBe("not-found");
    expect((await createMeetronde(db.prisma, actors.officer, { regioSlug: regio.slug, meetronde })).status).toBe("not-found");
    expect(await createMeetronde(db.prisma, actors.leader, { regioSlug: regio.slug, meetronde: { ...meetronde, deadline: "2027-12-31" } })).toMatchObject({
      status: "invalid",
      fieldErrors: { deadline: "De deadline ligt vóór de startdatum." },
    });
    expect(await createMeetronde(db.prisma, actors.leader, { regioSlug: regio.slug, meetronde: { ...meetronde, frameworkVersion: "2031" } })).toMatchObject({
      status: "invalid",
    });
    expect(await createMeetronde(db.prisma, actors.leader, { regioSlug: regio.slug, meetronde: { ...meetronde, regioId: "x" } })).toMatchObject({
      status: "invalid",
    });
    const created = await createMeetronde(db.prisma, actors.leader, { regioSlug: regio.slug, meetronde });
    expect(created.status).toBe("ok");
    const id = created.status === "ok" ? created.data.id : "";
    expect(await db.prisma.meetronde.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "GEPLAND", frameworkVersion: "2019" });
    expect((await openMeetronde(db.prisma, actors.leaderElsewhere, { meetrondeId: id })).status).toBe("not-found");
    expect((await closeMeetronde(db.prisma, actors.leader, { meetrondeId: id })).status).toBe("invalid");
    expect((await openMeetronde(db.prisma, actors.leader, { meetrondeId: id })).status).toBe("ok");
    expect((await closeMeetronde(db.prisma, actors.leader, { meetrondeId: id })).status).toBe("ok");
    const events = await db.prisma.auditEntry.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    // Entries of the same millisecond have no defined order; compare as a set.
    expect(events.map((event) => event.action).sort()).toEqual(["meetronde.aangemaakt", "meetronde.geopend", "meetronde.gesloten", "toegang.geweigerd"]);
  });

  it("shows a regional action in the local plans of the municipalities it names, and only there", async () => {
    const [delft, rijswijk, leiden] = [regio.gemeenten[0]!, regio.gemeenten[1]!, other.gemeenten[0]!];
    const actie = {
      onderdeelIds: ["10c", "10d"],
      title: "Regionale werkafspraken overdracht Veilig Thuis",
      description: "Eén werkafspraak voor de hele regio.",
      ownerName: "Marieke Jansen",
      ownerRole: "Regionaal projectleider",
      deadline: "2027-06-30",
      status: "GEPLAND",
      gemeenten: [{ gemeenteId: delft.id, accent: "Delft sluit aan bij de pilot." }],
    };
    expect(
      await createRegionaleActie(db.prisma, actors.leader, {
        regioSlug: regio.slug,
        actie: { ...actie, gemeenten: [{ gemeenteId: leiden.id, accent: "" }] },
      }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { gemeenten: "Kies alleen gemeenten uit uw regio." },
    });
    const created = await createRegionaleActie(db.prisma, actors.leader, { regioSlug: regio.slug, actie });
    expect(created.status).toBe("ok");
    const id = created.status === "ok" ? created.data.id : "";
    expect((await regionaleActiesVoorGemeente(db.prisma, actors.officer, delft.id)).map((a) => [a.title, a.accent])).toEqual([
      [actie.title, "Delft sluit aan bij de pilot."],
    ]);
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.officerNeighbour, rijswijk.id)).toEqual([]);
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.officerNeighbour, delft.id)).toEqual([]);
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.leaderElsewhere, delft.id)).toEqual([]);
    expect(await listRegionaleActies(db.prisma, actors.leaderElsewhere, regio.slug)).toBeNull();

    const update = {
      actieId: id,
      version: 0,
      actie: {
        ...actie,
        status: "IN_UITVOERING",
        gemeenten: [
          { gemeenteId: delft.id, accent: "" },
          { gemeenteId: rijswijk.id, accent: "Rijswijk eerst intern." },
        ],
      },
    };
    expect((await updateRegionaleActie(db.prisma, actors.leaderElsewhere, update)).status).toBe("not-found");
    expect((await updateRegionaleActie(db.prisma, actors.leader, update)).status).toBe("ok");
    expect((await updateRegionaleActie(db.prisma, actors.leader, update)).status).toBe("conflict");
    expect((await regionaleActiesVoorGemeente(db.prisma, actors.officerNeighbour, rijswijk.id)).map((a) => a.accent)).toEqual(["Rijswijk eerst intern."]);
    expect((await deleteRegionaleActie(db.prisma, actors.officer, { actieId: id })).status).toBe("not-found");
    expect((await deleteRegionaleActie(db.prisma, actors.leader, { actieId: id })).status).toBe("ok");
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.officer, delft.id)).toEqual([]);
  });

  it("lets only the administrator see and load framework versions", async () => {
    expect(await listFrameworkVersionsForBeheer(db.prisma, actors.leader)).toBeNull();
    const versions = await listFrameworkVersionsForBeheer(db.prisma, actors.beheerder);
    expect(versions).toEqual([expect.objectContaining({ version: "2019", onderdelen: 38, loadedAt: expect.any(Date) })]);
    expect((await loadFrameworkVersion(db.prisma, actors.leader, { version: "2019" })).status).toBe("not-found");
    expect((await loadFrameworkVersion(db.prisma, actors.beheerder, { version: "1999" })).status).toBe("invalid");
    expect((await loadFrameworkVersion(db.prisma, actors.beheerder, { version: "2019" })).status).toBe("ok");
  });
});
