// Data access is accountable (issue 12, point 6), on both databases: every refused change leaves an
// audit entry with the actor, the target and the target's gemeente and regio; every export leaves
// one too; and a scan's own history (its CSV and JSON export) holds only the scan's events, never
// the refusals or exports of others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { exportAuditEntries } from "@/lib/beheer/audit-log";
import { renameGemeente, renameRegio } from "@/lib/beheer/organisatie";
import { ZAuditFilterSchema } from "@/lib/shared/beheer/schemas";
import { seedDemoData } from "@/lib/demo/seed";
import type { AuditEntry } from "@/lib/generated/prisma/client";
import { getRegioOverviewExport } from "@/lib/regio/export";
import { listFrameworkVersionsForBeheer, loadFrameworkVersion } from "@/lib/beheer/kaderversies";
import { closeMeetronde, createMeetronde, createRegionaleActie, deleteRegionaleActie, updateRegionaleActie } from "@/lib/regio/mutations";
import { listRegionaleActies } from "@/lib/regio/queries";
import { createActie, deleteActie, mergeActies, moveActie, proposeDraftActies, updateActie } from "@/lib/verbeterplan/mutations";
import { exportVerbeterplan } from "@/lib/verbeterplan/queries";
import { addComment } from "@/lib/zelfscan/comments";
import { zelfscanToCsv } from "@/lib/zelfscan/export-format";
import { reopenZelfscan, saveAnswer, startZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";
import { exportZelfscan, getZelfscan } from "@/lib/zelfscan/queries";
import { actorFor, ROLES, type RoleName } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("accountable data access on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  let ids: {
    delft: string;
    haaglanden: string;
    hollandsMidden: string;
    delftNulmeting: string;
    delftHerhaal: string;
    herhaalmeting: string;
    nulmeting: string;
    delftActies: string[];
  };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    for (const role of Object.keys(ROLES) as RoleName[]) actors[role] = await actorFor(db.prisma, ROLES[role]);
    const p = db.prisma;
    const delft = await p.gemeente.findUniqueOrThrow({ where: { slug: "delft" } });
    const scan = (meetronde: string) => p.zelfscan.findFirstOrThrow({ where: { gemeenteId: delft.id, meetronde: { name: meetronde } } });
    const delftNulmeting = await scan("Nulmeting 2021");
    const acties = await p.verbeteractie.findMany({ where: { zelfscanId: delftNulmeting.id }, orderBy: { position: "asc" } });
    ids = {
      delft: delft.id,
      haaglanden: delft.regioId,
      hollandsMidden: (await p.regio.findUniqueOrThrow({ where: { slug: "hollands-midden" } })).id,
      delftNulmeting: delftNulmeting.id,
      delftHerhaal: (await scan("Herhaalmeting 2026")).id,
      herhaalmeting: (await p.meetronde.findFirstOrThrow({ where: { name: "Herhaalmeting 2026" } })).id,
      nulmeting: (await p.meetronde.findFirstOrThrow({ where: { name: "Nulmeting 2021" } })).id,
      delftActies: acties.map((actie) => actie.id),
    };
    expect(ids.delftActies.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(() => db?.drop());

  /** Runs a refused call and returns the single refusal entry it wrote. */
  async function refusal(actor: Actor, call: () => Promise<unknown>): Promise<AuditEntry> {
    const since = await db.prisma.auditEntry.findMany({ where: { action: "toegang.geweigerd", actorId: actor.userId }, select: { id: true } });
    await call().catch((error: unknown) => {
      // The beheer layer throws its "not found" error after logging.
      if (!(error instanceof Error)) throw error;
    });
    const entries = await db.prisma.auditEntry.findMany({
      where: { action: "toegang.geweigerd", actorId: actor.userId, id: { notIn: since.map((entry) => entry.id) } },
    });
    expect(entries).toHaveLength(1);
    return entries[0]!;
  }

  it("logs every refused change of a verbeterplan with the actor, the action and the gemeente and regio it belongs to", async () => {
    const intruder = actors.officerRijswijk;
    const [first, second] = ids.delftActies as [string, string];
    const before = await db.prisma.verbeteractie.findMany({ where: { zelfscanId: ids.delftNulmeting }, orderBy: { id: "asc" } });
    // Valid values: the mutation parses them before it looks for the target, so only a change the
    // actor could otherwise make reaches the scope check that refuses (and logs) it.
    const actie = {
      onderdeelIds: ["1a"],
      title: "Overgenomen",
      description: "",
      ownerName: "",
      ownerRole: "",
      partners: [],
      deadline: null,
      status: "GEPLAND",
      priority: "MIDDEN",
      borging: "",
    };
    const cases: [string, () => Promise<{ status: string }>, { type: string; id: string }][] = [
      ["verbeteractie wijzigen", () => updateActie(db.prisma, intruder, { actieId: first, version: 0, actie }), { type: "Verbeteractie", id: first }],
      ["verbeteractie verwijderen", () => deleteActie(db.prisma, intruder, { actieId: first }), { type: "Verbeteractie", id: first }],
      ["verbeteractie verplaatsen", () => moveActie(db.prisma, intruder, { actieId: second, direction: "up" }), { type: "Verbeteractie", id: second }],
      [
        "verbeteractie aanmaken",
        () => createActie(db.prisma, intruder, { zelfscanId: ids.delftNulmeting, actie }),
        { type: "Zelfscan", id: ids.delftNulmeting },
      ],
      [
        "conceptacties voorstellen",
        () => proposeDraftActies(db.prisma, intruder, { zelfscanId: ids.delftNulmeting }),
        { type: "Zelfscan", id: ids.delftNulmeting },
      ],
    ];
    for (const [handeling, call, target] of cases) {
      let status = "";
      const entry = await refusal(intruder, async () => (status = (await call()).status));
      expect(status, handeling).toBe("not-found");
      expect(entry, handeling).toMatchObject({
        actorId: intruder.userId,
        targetType: target.type,
        targetId: target.id,
        gemeenteId: ids.delft,
        regioId: ids.haaglanden,
        details: { handeling },
      });
    }

    // Merging: every action that is not the actor's to change is named, each with its scope.
    const since = new Date();
    expect(
      (
        await mergeActies(db.prisma, intruder, {
          acties: before.filter((actie) => [first, second].includes(actie.id)).map(({ id, version }) => ({ id, version })),
        })
      ).status,
    ).toBe("not-found");
    const merged = await db.prisma.auditEntry.findMany({ where: { action: "toegang.geweigerd", actorId: intruder.userId, at: { gte: since } } });
    expect(merged.map((entry) => entry.targetId).sort()).toEqual([first, second].sort());
    for (const entry of merged)
      expect(entry).toMatchObject({
        targetType: "Verbeteractie",
        gemeenteId: ids.delft,
        regioId: ids.haaglanden,
        details: { handeling: "verbeteracties samenvoegen" },
      });

    // A leader of the region may read the plan but not change it: refused and logged as well.
    const leaderEntry = await refusal(actors.leaderHaaglanden, () => deleteActie(db.prisma, actors.leaderHaaglanden, { actieId: first }));
    expect(leaderEntry).toMatchObject({ targetId: first, gemeenteId: ids.delft, regioId: ids.haaglanden });

    // Nothing changed, and an id that does not exist is simply not found, without an entry.
    expect(await db.prisma.verbeteractie.findMany({ where: { zelfscanId: ids.delftNulmeting }, orderBy: { id: "asc" } })).toEqual(before);
    const count = await db.prisma.auditEntry.count();
    expect((await deleteActie(db.prisma, intruder, { actieId: "bestaat-niet" })).status).toBe("not-found");
    expect(await db.prisma.auditEntry.count()).toBe(count);
  });

  it("logs refused regional actions, rounds and framework versions with the actor, target and regio", async () => {
    const delftOnly = { gemeenten: [{ gemeenteId: ids.delft, accent: "" }] };
    const actie = {
      onderdeelIds: ["10c"],
      title: "Regionale werkafspraak",
      description: "Eén werkafspraak voor de hele regio.",
      ownerName: "Marieke Jansen",
      ownerRole: "Regionaal projectleider",
      deadline: "2027-06-30",
      status: "GEPLAND",
      ...delftOnly,
    };
    const created = await createRegionaleActie(db.prisma, actors.leaderHaaglanden, { regioSlug: "haaglanden", actie });
    expect(created.status).toBe("ok");
    const actieId = created.status === "ok" ? created.data.id : "";
    const other = actors.leaderHollandsMidden;

    const regional: [string, () => Promise<unknown>, { type: string; id: string }][] = [
      ["regionale actie wijzigen", () => updateRegionaleActie(db.prisma, other, { actieId, version: 0, actie }), { type: "RegionaleActie", id: actieId }],
      ["regionale actie verwijderen", () => deleteRegionaleActie(db.prisma, other, { actieId }), { type: "RegionaleActie", id: actieId }],
      ["regionale actie aanmaken", () => createRegionaleActie(db.prisma, other, { regioSlug: "haaglanden", actie }), { type: "Regio", id: ids.haaglanden }],
      ["regionaal plan bekijken", () => listRegionaleActies(db.prisma, other, "haaglanden"), { type: "Regio", id: ids.haaglanden }],
      [
        "meetronde aanmaken",
        () =>
          createMeetronde(db.prisma, other, {
            regioSlug: "haaglanden",
            meetronde: { name: "Ronde X", startsOn: "2027-01-01", deadline: "2027-02-01", frameworkVersion: "2019" },
          }),
        { type: "Regio", id: ids.haaglanden },
      ],
      ["meetronde sluiten", () => closeMeetronde(db.prisma, other, { meetrondeId: ids.herhaalmeting }), { type: "Meetronde", id: ids.herhaalmeting }],
    ];
    for (const [handeling, call, target] of regional) {
      const entry = await refusal(other, call);
      expect(entry, handeling).toMatchObject({
        actorId: other.userId,
        targetType: target.type,
        targetId: target.id,
        gemeenteId: null,
        regioId: ids.haaglanden,
        details: { handeling },
      });
    }
    expect(await db.prisma.regionaleActie.findUniqueOrThrow({ where: { id: actieId } })).toMatchObject({ title: "Regionale werkafspraak", version: 0 });
    expect(await db.prisma.meetronde.findUniqueOrThrow({ where: { id: ids.herhaalmeting } })).toMatchObject({ status: "OPEN" });

    // Framework versions are the beheerder's: every attempt by anyone else is logged.
    for (const role of ["leaderHaaglanden", "officerDelft"] as const) {
      const loadEntry = await refusal(actors[role], async () =>
        expect((await loadFrameworkVersion(db.prisma, actors[role], { version: "2019" })).status).toBe("not-found"),
      );
      expect(loadEntry).toMatchObject({
        actorId: actors[role].userId,
        targetType: "FrameworkVersion",
        targetId: "vng-werken-aan-veiligheid@2019",
        details: { handeling: "kaderversie laden" },
      });
      const listEntry = await refusal(actors[role], async () => expect(await listFrameworkVersionsForBeheer(db.prisma, actors[role])).toBeNull());
      expect(listEntry).toMatchObject({ targetType: "FrameworkVersion", details: { handeling: "kaderversies bekijken" } });
    }
  });

  it("logs refused changes of scans, answers, comments and beheer with the gemeente and regio of the target", async () => {
    const intruder = actors.officerLeiden;
    const inDelft = { gemeenteId: ids.delft, regioId: ids.haaglanden };
    const scanCalls: [string, () => Promise<unknown>][] = [
      [
        "antwoord",
        () =>
          saveAnswer(db, intruder, {
            zelfscanId: ids.delftHerhaal,
            onderdeelId: "1a",
            request: { baseVersion: 0, answer: { score: 2, weetIkNiet: false, toelichting: "x" } },
          }),
      ],
      ["indienen", () => submitZelfscan(db.prisma, intruder, { zelfscanId: ids.delftHerhaal })],
      ["heropenen", () => reopenZelfscan(db.prisma, actors.leaderHollandsMidden, { zelfscanId: ids.delftNulmeting, values: { reden: "Omdat het kan" } })],
      ["opmerking", () => addComment(db.prisma, actors.leaderHollandsMidden, { zelfscanId: ids.delftNulmeting, onderdeelId: "1a", values: { body: "Hallo" } })],
    ];
    for (const [name, call] of scanCalls) {
      const actor = name === "heropenen" || name === "opmerking" ? actors.leaderHollandsMidden : intruder;
      const entry = await refusal(actor, call);
      expect(entry, name).toMatchObject({ actorId: actor.userId, targetType: "Zelfscan", ...inDelft });
    }
    const start = await refusal(intruder, () =>
      startZelfscan(db.prisma, intruder, { gemeenteId: ids.delft, meetrondeId: ids.herhaalmeting, carryOver: false }),
    );
    expect(start).toMatchObject({ targetType: "Meetronde", targetId: ids.herhaalmeting, regioId: ids.haaglanden });

    const gemeente = await refusal(actors.leaderHaaglanden, () =>
      renameGemeente(db.prisma, actors.leaderHaaglanden, { gemeenteId: ids.delft, values: { name: "Delft-Stad" } }),
    );
    expect(gemeente).toMatchObject({ targetType: "Gemeente", targetId: ids.delft, ...inDelft, details: { handeling: "gemeente hernoemen" } });
    const regio = await refusal(actors.officerDelft, () =>
      renameRegio(db.prisma, actors.officerDelft, { regioId: ids.hollandsMidden, values: { name: "Midden" } }),
    );
    expect(regio).toMatchObject({ targetType: "Regio", targetId: ids.hollandsMidden, gemeenteId: null, regioId: ids.hollandsMidden });
  });

  it("logs every export of scans, plans and regional overviews with the actor, target, scope and format", async () => {
    const exports: [string, Actor, () => Promise<unknown>, Partial<AuditEntry> & { details: object }][] = [];
    for (const format of ["csv", "json"] as const) {
      exports.push([
        `zelfscan ${format}`,
        actors.officerDelft,
        () => exportZelfscan(db.prisma, actors.officerDelft, ids.delftNulmeting, format),
        {
          action: "export.zelfscan",
          targetType: "Zelfscan",
          targetId: ids.delftNulmeting,
          gemeenteId: ids.delft,
          regioId: ids.haaglanden,
          details: { formaat: format },
        },
      ]);
    }
    for (const format of ["csv", "pdf", "xlsx"] as const) {
      exports.push([
        `verbeterplan ${format}`,
        actors.leaderHaaglanden,
        () => exportVerbeterplan(db.prisma, actors.leaderHaaglanden, ids.delftNulmeting, format),
        {
          action: "export.verbeterplan",
          targetType: "Zelfscan",
          targetId: ids.delftNulmeting,
          gemeenteId: ids.delft,
          regioId: ids.haaglanden,
          details: { formaat: format },
        },
      ]);
      exports.push([
        `regio-overzicht ${format}`,
        actors.leaderHaaglanden,
        () => getRegioOverviewExport(db.prisma, actors.leaderHaaglanden, { slug: "haaglanden", meetrondeId: ids.nulmeting, minimaal: null, format }),
        {
          action: "export.regio-overzicht",
          targetType: "Meetronde",
          targetId: ids.nulmeting,
          gemeenteId: null,
          regioId: ids.haaglanden,
          details: { formaat: format },
        },
      ]);
    }
    exports.push([
      "auditlog csv",
      actors.beheerder,
      () => exportAuditEntries(db.prisma, actors.beheerder, ZAuditFilterSchema.parse({})),
      { action: "auditlog.geexporteerd", targetType: "AuditLog", gemeenteId: null, regioId: null, details: {} },
    ]);

    for (const [name, actor, call, expected] of exports) {
      const before = await db.prisma.auditEntry.findMany({ where: { actorId: actor.userId }, select: { id: true } });
      expect(await call(), name).not.toBeNull();
      const written = await db.prisma.auditEntry.findMany({ where: { actorId: actor.userId, id: { notIn: before.map((entry) => entry.id) } } });
      expect(written, name).toEqual([expect.objectContaining({ actorId: actor.userId, ...expected, details: expect.objectContaining(expected.details) })]);
    }

    // Someone who may not read the data gets nothing, and no export is logged for them.
    const before = await db.prisma.auditEntry.count({ where: { action: { startsWith: "export." } } });
    expect(await exportZelfscan(db.prisma, actors.officerRijswijk, ids.delftNulmeting, "json")).toBeNull();
    expect(await exportVerbeterplan(db.prisma, actors.leaderHollandsMidden, ids.delftNulmeting, "pdf")).toBeNull();
    expect(
      await getRegioOverviewExport(db.prisma, actors.leaderHollandsMidden, { slug: "haaglanden", meetrondeId: ids.nulmeting, minimaal: null, format: "xlsx" }),
    ).toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { action: { startsWith: "export." } } })).toBe(before);
    // Another region's round through one's own region's address: refused and logged under that region.
    const leidenMeetronde = await db.prisma.meetronde.findFirstOrThrow({ where: { regioId: ids.hollandsMidden } });
    const refused = await refusal(actors.leaderHaaglanden, async () =>
      expect(
        await getRegioOverviewExport(db.prisma, actors.leaderHaaglanden, {
          slug: "haaglanden",
          meetrondeId: leidenMeetronde.id,
          minimaal: null,
          format: "pdf",
        }),
      ).toBeNull(),
    );
    expect(refused).toMatchObject({
      targetType: "Meetronde",
      targetId: leidenMeetronde.id,
      regioId: ids.hollandsMidden,
      details: { handeling: "regio-overzicht exporteren" },
    });
  });

  it("keeps security events out of a scan's history: another region's officer who tried to open it is not named in its export", async () => {
    const outsider = await db.prisma.user.findUniqueOrThrow({ where: { email: ROLES.leaderHollandsMidden } });
    const leidenOfficer = await db.prisma.user.findUniqueOrThrow({ where: { email: ROLES.officerLeiden } });
    expect(await getZelfscan(db.prisma, actors.leaderHollandsMidden, ids.delftNulmeting)).toBeNull();
    expect(await exportZelfscan(db.prisma, actors.officerLeiden, ids.delftNulmeting, "json")).toBeNull();
    expect(
      await db.prisma.auditEntry.count({
        where: { action: "toegang.geweigerd", targetId: ids.delftNulmeting, actorId: { in: [outsider.id, leidenOfficer.id] } },
      }),
    ).toBeGreaterThan(0);
    // An earlier export by the gemeente itself is in the log as well; the leader reopens the scan.
    await exportZelfscan(db.prisma, actors.officerDelft, ids.delftNulmeting, "csv");
    expect(
      await reopenZelfscan(db.prisma, actors.leaderHaaglanden, { zelfscanId: ids.delftNulmeting, values: { reden: "Graag onderdeel 1a aanvullen." } }),
    ).toMatchObject({ status: "ok" });

    for (const reader of [actors.officerDelft, actors.leaderHaaglanden]) {
      const data = (await exportZelfscan(db.prisma, reader, ids.delftNulmeting, "json"))!;
      const actions = data.geschiedenis.map((entry) => entry.actie);
      expect(actions).toEqual(expect.arrayContaining(["demo.zelfscan-aangemaakt", "zelfscan.heropend"]));
      expect(
        actions.every((action) => action.startsWith("zelfscan.") || action.startsWith("antwoord.") || action === "demo.zelfscan-aangemaakt"),
        actions.join(),
      ).toBe(true);
      const json = JSON.stringify(data);
      const csv = zelfscanToCsv(data);
      for (const text of [json, csv]) {
        expect(text).not.toContain(outsider.name);
        expect(text).not.toContain(leidenOfficer.name);
        expect(text).not.toContain("toegang.geweigerd");
        expect(text).not.toContain("export.");
      }
    }
  });
});
