import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { seedDemoData } from "@/lib/demo/seed";
import { commonGaps, heatMap } from "@/lib/regio/aggregate";
import { getRegioAnalysis, getRegioComparison } from "@/lib/regio/analysis";
import { listFrameworkVersionsForBeheer, loadFrameworkVersion } from "@/lib/beheer/kaderversies";
import { closeMeetronde, createMeetronde, createRegionaleActie, deleteRegionaleActie, openMeetronde, updateRegionaleActie } from "@/lib/regio/mutations";
import { listRegionaleActies, regionaleActiesVoorGemeente } from "@/lib/regio/queries";
import { actorFor, ROLES, type RoleName } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("the regional layer on the %s database", (kind) => {
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

  it("gives the Haaglanden leader the nine municipalities of the first round, and nobody else anything", async () => {
    const nulmeting = await db.prisma.meetronde.findFirstOrThrow({ where: { name: "Nulmeting 2021" } });
    const analysis = await getRegioAnalysis(db.prisma, actors.leaderHaaglanden, { slug: "haaglanden", meetrondeId: nulmeting.id });
    expect(analysis?.scans).toHaveLength(9);
    const map = heatMap(analysis!.framework!, analysis!.scans);
    expect(map.rows.every((row) => row.overall !== null && !row.provisional)).toBe(true);
    expect(commonGaps(analysis!.framework!, analysis!.scans, 5).length).toBeGreaterThan(0);
    for (const role of ["leaderHollandsMidden", "officerDelft", "officerLeiden", "beheerder"] as const) {
      expect(await getRegioAnalysis(db.prisma, actors[role], { slug: "haaglanden" }), role).toBeNull();
    }
    const herhaal = await db.prisma.meetronde.findFirstOrThrow({ where: { name: "Herhaalmeting 2026" } });
    const comparison = await getRegioComparison(db.prisma, actors.leaderHaaglanden, { slug: "haaglanden", fromId: nulmeting.id, toId: herhaal.id });
    expect(comparison?.to.scans.filter((entry) => entry.scan)).toHaveLength(5);
    expect(await getRegioComparison(db.prisma, actors.leaderHollandsMidden, { slug: "haaglanden", fromId: nulmeting.id, toId: herhaal.id })).toBeNull();
  });

  it("lets a leader create, open and close rounds of the own region only, with a loaded framework version", async () => {
    const meetronde = { name: "Herhaalmeting 2028", startsOn: "2028-01-10", deadline: "2028-03-31", frameworkVersion: "2019" };
    expect((await createMeetronde(db.prisma, actors.leaderHollandsMidden, { regioSlug: "haaglanden", meetronde })).status).toBe("not-found");
    expect((await createMeetronde(db.prisma, actors.officerDelft, { regioSlug: "haaglanden", meetronde })).status).toBe("not-found");
    expect(
      await createMeetronde(db.prisma, actors.leaderHaaglanden, { regioSlug: "haaglanden", meetronde: { ...meetronde, deadline: "2027-12-31" } }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { deadline: "De deadline ligt vóór de startdatum." },
    });
    expect(
      await createMeetronde(db.prisma, actors.leaderHaaglanden, { regioSlug: "haaglanden", meetronde: { ...meetronde, frameworkVersion: "2031" } }),
    ).toMatchObject({ status: "invalid" });
    expect(await createMeetronde(db.prisma, actors.leaderHaaglanden, { regioSlug: "haaglanden", meetronde: { ...meetronde, regioId: "x" } })).toMatchObject({
      status: "invalid",
    });
    const created = await createMeetronde(db.prisma, actors.leaderHaaglanden, { regioSlug: "haaglanden", meetronde });
    expect(created.status).toBe("ok");
    const id = created.status === "ok" ? created.data.id : "";
    expect(await db.prisma.meetronde.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "GEPLAND", frameworkVersion: "2019" });
    expect((await openMeetronde(db.prisma, actors.leaderHollandsMidden, { meetrondeId: id })).status).toBe("not-found");
    expect((await closeMeetronde(db.prisma, actors.leaderHaaglanden, { meetrondeId: id })).status).toBe("invalid");
    expect((await openMeetronde(db.prisma, actors.leaderHaaglanden, { meetrondeId: id })).status).toBe("ok");
    expect((await closeMeetronde(db.prisma, actors.leaderHaaglanden, { meetrondeId: id })).status).toBe("ok");
    const events = await db.prisma.auditEntry.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    // Entries of the same millisecond have no defined order; compare as a set.
    expect(events.map((event) => event.action).sort()).toEqual(["meetronde.aangemaakt", "meetronde.geopend", "meetronde.gesloten", "toegang.geweigerd"]);
  });

  it("shows a regional action in the local plans of the municipalities it names, and only there", async () => {
    const [delft, rijswijk, leiden] = await Promise.all(
      ["delft", "rijswijk", "leiden"].map((slug) => db.prisma.gemeente.findUniqueOrThrow({ where: { slug } })),
    );
    const actie = {
      onderdeelIds: ["10c", "10d"],
      title: "Regionale werkafspraken overdracht Veilig Thuis",
      description: "Eén werkafspraak voor de hele regio.",
      ownerName: "Marieke Jansen",
      ownerRole: "Regionaal projectleider",
      deadline: "2027-06-30",
      status: "GEPLAND",
      gemeenten: [{ gemeenteId: delft!.id, accent: "Delft sluit aan bij de pilot." }],
    };
    expect(
      await createRegionaleActie(db.prisma, actors.leaderHaaglanden, {
        regioSlug: "haaglanden",
        actie: { ...actie, gemeenten: [{ gemeenteId: leiden!.id, accent: "" }] },
      }),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { gemeenten: "Kies alleen gemeenten uit uw regio." },
    });
    const created = await createRegionaleActie(db.prisma, actors.leaderHaaglanden, { regioSlug: "haaglanden", actie });
    expect(created.status).toBe("ok");
    const id = created.status === "ok" ? created.data.id : "";
    expect((await regionaleActiesVoorGemeente(db.prisma, actors.officerDelft, delft!.id)).map((a) => [a.title, a.accent])).toEqual([
      [actie.title, "Delft sluit aan bij de pilot."],
    ]);
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.officerRijswijk, rijswijk!.id)).toEqual([]);
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.officerRijswijk, delft!.id)).toEqual([]);
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.leaderHollandsMidden, delft!.id)).toEqual([]);
    expect(await listRegionaleActies(db.prisma, actors.leaderHollandsMidden, "haaglanden")).toBeNull();

    const update = {
      actieId: id,
      version: 0,
      actie: {
        ...actie,
        status: "IN_UITVOERING",
        gemeenten: [
          { gemeenteId: delft!.id, accent: "" },
          { gemeenteId: rijswijk!.id, accent: "Rijswijk eerst intern." },
        ],
      },
    };
    expect((await updateRegionaleActie(db.prisma, actors.leaderHollandsMidden, update)).status).toBe("not-found");
    expect((await updateRegionaleActie(db.prisma, actors.leaderHaaglanden, update)).status).toBe("ok");
    expect((await updateRegionaleActie(db.prisma, actors.leaderHaaglanden, update)).status).toBe("conflict");
    expect((await regionaleActiesVoorGemeente(db.prisma, actors.officerRijswijk, rijswijk!.id)).map((a) => a.accent)).toEqual(["Rijswijk eerst intern."]);
    expect((await deleteRegionaleActie(db.prisma, actors.officerDelft, { actieId: id })).status).toBe("not-found");
    expect((await deleteRegionaleActie(db.prisma, actors.leaderHaaglanden, { actieId: id })).status).toBe("ok");
    expect(await regionaleActiesVoorGemeente(db.prisma, actors.officerDelft, delft!.id)).toEqual([]);
  });

  it("lets only the administrator see and load framework versions", async () => {
    expect(await listFrameworkVersionsForBeheer(db.prisma, actors.leaderHaaglanden)).toBeNull();
    const versions = await listFrameworkVersionsForBeheer(db.prisma, actors.beheerder);
    expect(versions).toEqual([expect.objectContaining({ version: "2019", onderdelen: 38, loadedAt: expect.any(Date) })]);
    expect((await loadFrameworkVersion(db.prisma, actors.leaderHaaglanden, { version: "2019" })).status).toBe("not-found");
    expect((await loadFrameworkVersion(db.prisma, actors.beheerder, { version: "1999" })).status).toBe("invalid");
    expect((await loadFrameworkVersion(db.prisma, actors.beheerder, { version: "2019" })).status).toBe("ok");
  });
});
