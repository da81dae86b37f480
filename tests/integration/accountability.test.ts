// Data access is accountable (issue 12, point 6), on both databases: every refused change leaves an
// audit entry with the actor, the target and the target's gemeente and regio; every export leaves
// one too; and a scan's own history (its CSV and JSON export) holds only the scan's events, never
// the refusals or exports of others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { exportAuditEntries } from "@/lib/beheer/audit-log";
import { renameGemeente, renameRegio } from "@/lib/beheer/organisatie";
import { ZAuditFilterSchema } from "@/lib/shared/beheer/schemas";
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
import type { Grant } from "@/lib/access/grants";
import {
  actorOf,
  BEHEERDER,
  createMeetronde as makeMeetronde,
  createRegio,
  createUser,
  createVerbeteractie,
  createZelfscan,
  leaderOf,
  officerOf,
} from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

type RoleName = "officer" | "officerNeighbour" | "officerElsewhere" | "leader" | "leaderElsewhere" | "beheerder";
type Gemeente = Awaited<ReturnType<typeof createRegio>>["gemeenten"][number];

describe.each(DATABASE_KINDS)("accountable data access on the %s database", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<RoleName, Actor>;
  const users = {} as Record<RoleName, { id: string; name: string }>;
  let ids: {
    gemeente: string;
    regio: string;
    regioSlug: string;
    otherRegio: string;
    nulmetingScan: string;
    herhaalScan: string;
    herhaalmeting: string;
    nulmeting: string;
    otherMeetronde: string;
    acties: string[];
  };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    // A region of two gemeenten and another region of one. The first gemeente submitted its scan of
    // the (since closed) first round itself and has a plan of three actions; in the open second
    // round it has a scan in concept. The other region has a round of its own.
    const regio = await createRegio(p, { gemeenten: 2 });
    const other = await createRegio(p, { gemeenten: 1 });
    const [gemeente, neighbour] = regio.gemeenten as [Gemeente, Gemeente];
    const grants: Record<RoleName, Grant> = {
      officer: officerOf(gemeente),
      officerNeighbour: officerOf(neighbour),
      officerElsewhere: officerOf(other.gemeenten[0]!),
      leader: leaderOf(regio),
      leaderElsewhere: leaderOf(other),
      beheerder: BEHEERDER,
    };
    for (const role of Object.keys(grants) as RoleName[]) {
      const user = await createUser(p, { grants: [grants[role]] });
      users[role] = user;
      actors[role] = actorOf(user);
    }
    const nulmeting = await makeMeetronde(p, { regio, status: "OPEN", name: "Nulmeting", startsOn: new Date("2021-01-11T00:00:00Z") });
    const herhaalmeting = await makeMeetronde(p, { regio, status: "OPEN", name: "Herhaalmeting", startsOn: new Date("2026-10-01T00:00:00Z") });
    const nulmetingScan = await createZelfscan(p, { gemeente, meetronde: nulmeting, answers: "all", editor: users.officer });
    expect(await submitZelfscan(p, actors.officer, { zelfscanId: nulmetingScan.id })).toMatchObject({ status: "ok" });
    await p.meetronde.update({ where: { id: nulmeting.id }, data: { status: "GESLOTEN" } });
    const acties = [];
    for (const answer of nulmetingScan.answers.slice(0, 3))
      acties.push(await createVerbeteractie(p, { zelfscan: nulmetingScan, onderdeelIds: [answer.onderdeelId] }));
    const herhaalScan = await createZelfscan(p, { gemeente, meetronde: herhaalmeting, answers: 20, editor: users.officer });
    const otherMeetronde = await makeMeetronde(p, { regio: other, status: "OPEN" });
    await createZelfscan(p, { gemeente: other.gemeenten[0]!, meetronde: otherMeetronde, answers: 12 });
    ids = {
      gemeente: gemeente.id,
      regio: regio.id,
      regioSlug: regio.slug,
      otherRegio: other.id,
      nulmetingScan: nulmetingScan.id,
      herhaalScan: herhaalScan.id,
      herhaalmeting: herhaalmeting.id,
      nulmeting: nulmeting.id,
      otherMeetronde: otherMeetronde.id,
      acties: acties.map((actie) => actie.id),
    };
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
    const intruder = actors.officerNeighbour;
    const [first, second] = ids.acties as [string, string];
    const before = await db.prisma.verbeteractie.findMany({ where: { zelfscanId: ids.nulmetingScan }, orderBy: { id: "asc" } });
    // Valid values: the mutation parses them before it looks for the target, so only a change the
    // actor could otherwise make reaches the scope check that refuses (and logs) it.
    const actie = {
      onderdeelIds: ["1a"],
      title: "Overgenomen",
      description: "",
      ownerKind: "extern",
      ownerId: null,
      ownerName: "",
      ownerRole: "",
      partners: [],
      deadline: null,
      status: "GEPLAND",
      priority: "MIDDEN",
      borging: "",
      doelscore: null,
    };
    const cases: [string, () => Promise<{ status: string }>, { type: string; id: string }][] = [
      ["verbeteractie wijzigen", () => updateActie(db.prisma, intruder, { actieId: first, version: 0, actie }), { type: "Verbeteractie", id: first }],
      ["verbeteractie verwijderen", () => deleteActie(db.prisma, intruder, { actieId: first }), { type: "Verbeteractie", id: first }],
      ["verbeteractie verplaatsen", () => moveActie(db.prisma, intruder, { actieId: second, direction: "up" }), { type: "Verbeteractie", id: second }],
      ["verbeteractie aanmaken", () => createActie(db.prisma, intruder, { zelfscanId: ids.nulmetingScan, actie }), { type: "Zelfscan", id: ids.nulmetingScan }],
      [
        "conceptacties voorstellen",
        () => proposeDraftActies(db.prisma, intruder, { zelfscanId: ids.nulmetingScan }),
        { type: "Zelfscan", id: ids.nulmetingScan },
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
        gemeenteId: ids.gemeente,
        regioId: ids.regio,
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
        gemeenteId: ids.gemeente,
        regioId: ids.regio,
        details: { handeling: "verbeteracties samenvoegen" },
      });

    // A leader of the region may read the plan but not change it: refused and logged as well.
    const leaderEntry = await refusal(actors.leader, () => deleteActie(db.prisma, actors.leader, { actieId: first }));
    expect(leaderEntry).toMatchObject({ targetId: first, gemeenteId: ids.gemeente, regioId: ids.regio });

    // Nothing changed, and an id that does not exist is simply not found, without an entry.
    expect(await db.prisma.verbeteractie.findMany({ where: { zelfscanId: ids.nulmetingScan }, orderBy: { id: "asc" } })).toEqual(before);
    const count = await db.prisma.auditEntry.count();
    expect((await deleteActie(db.prisma, intruder, { actieId: "bestaat-niet" })).status).toBe("not-found");
    expect(await db.prisma.auditEntry.count()).toBe(count);
  });

  it("logs refused regional actions, rounds and framework versions with the actor, target and regio", async () => {
    const gemeenteOnly = { gemeenten: [{ gemeenteId: ids.gemeente, accent: "" }] };
    const actie = {
      onderdeelIds: ["10c"],
      title: "Regionale werkafspraak",
      description: "Eén werkafspraak voor de hele regio.",
      ownerName: "Marieke Jansen",
      ownerRole: "Regionaal projectleider",
      deadline: "2027-06-30",
      status: "GEPLAND",
      ...gemeenteOnly,
    };
    const created = await createRegionaleActie(db.prisma, actors.leader, { regioSlug: ids.regioSlug, actie });
    expect(created.status).toBe("ok");
    const actieId = created.status === "ok" ? created.data.id : "";
    const other = actors.leaderElsewhere;

    const regional: [string, () => Promise<unknown>, { type: string; id: string }][] = [
      ["regionale actie wijzigen", () => updateRegionaleActie(db.prisma, other, { actieId, version: 0, actie }), { type: "RegionaleActie", id: actieId }],
      ["regionale actie verwijderen", () => deleteRegionaleActie(db.prisma, other, { actieId }), { type: "RegionaleActie", id: actieId }],
      ["regionale actie aanmaken", () => createRegionaleActie(db.prisma, other, { regioSlug: ids.regioSlug, actie }), { type: "Regio", id: ids.regio }],
      ["regionaal plan bekijken", () => listRegionaleActies(db.prisma, other, ids.regioSlug), { type: "Regio", id: ids.regio }],
      [
        "meetronde aanmaken",
        () =>
          createMeetronde(db.prisma, other, {
            regioSlug: ids.regioSlug,
            meetronde: { name: "Ronde X", startsOn: "2027-01-01", deadline: "2027-02-01", frameworkVersion: "2019" },
          }),
        { type: "Regio", id: ids.regio },
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
        regioId: ids.regio,
        details: { handeling },
      });
    }
    expect(await db.prisma.regionaleActie.findUniqueOrThrow({ where: { id: actieId } })).toMatchObject({ title: "Regionale werkafspraak", version: 0 });
    expect(await db.prisma.meetronde.findUniqueOrThrow({ where: { id: ids.herhaalmeting } })).toMatchObject({ status: "OPEN" });

    // Framework versions are the beheerder's: every attempt by anyone else is logged.
    for (const role of ["leader", "officer"] as const) {
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
    const intruder = actors.officerElsewhere;
    const inGemeente = { gemeenteId: ids.gemeente, regioId: ids.regio };
    const scanCalls: [string, () => Promise<unknown>][] = [
      [
        "antwoord",
        () =>
          saveAnswer(db, intruder, {
            zelfscanId: ids.herhaalScan,
            onderdeelId: "1a",
            request: { baseVersion: 0, answer: { score: 2, weetIkNiet: false, toelichting: "x" } },
          }),
      ],
      ["indienen", () => submitZelfscan(db.prisma, intruder, { zelfscanId: ids.herhaalScan })],
      ["heropenen", () => reopenZelfscan(db.prisma, actors.leaderElsewhere, { zelfscanId: ids.nulmetingScan, values: { reden: "Omdat het kan" } })],
      ["opmerking", () => addComment(db.prisma, actors.leaderElsewhere, { zelfscanId: ids.nulmetingScan, onderdeelId: "1a", values: { body: "Hallo" } })],
    ];
    for (const [name, call] of scanCalls) {
      const actor = name === "heropenen" || name === "opmerking" ? actors.leaderElsewhere : intruder;
      const entry = await refusal(actor, call);
      expect(entry, name).toMatchObject({ actorId: actor.userId, targetType: "Zelfscan", ...inGemeente });
    }
    const start = await refusal(intruder, () =>
      startZelfscan(db.prisma, intruder, { gemeenteId: ids.gemeente, meetrondeId: ids.herhaalmeting, carryOver: false }),
    );
    expect(start).toMatchObject({ targetType: "Meetronde", targetId: ids.herhaalmeting, regioId: ids.regio });

    const gemeente = await refusal(actors.leader, () => renameGemeente(db.prisma, actors.leader, { gemeenteId: ids.gemeente, values: { name: "Delft-Stad" } }));
    expect(gemeente).toMatchObject({ targetType: "Gemeente", targetId: ids.gemeente, ...inGemeente, details: { handeling: "gemeente hernoemen" } });
    const regio = await refusal(actors.officer, () => renameRegio(db.prisma, actors.officer, { regioId: ids.otherRegio, values: { name: "Midden" } }));
    expect(regio).toMatchObject({ targetType: "Regio", targetId: ids.otherRegio, gemeenteId: null, regioId: ids.otherRegio });
  });

  it("logs every export of scans, plans and regional overviews with the actor, target, scope and format", async () => {
    const exports: [string, Actor, () => Promise<unknown>, Partial<AuditEntry> & { details: object }][] = [];
    for (const format of ["csv", "json"] as const) {
      exports.push([
        `zelfscan ${format}`,
        actors.officer,
        () => exportZelfscan(db.prisma, actors.officer, ids.nulmetingScan, format),
        {
          action: "export.zelfscan",
          targetType: "Zelfscan",
          targetId: ids.nulmetingScan,
          gemeenteId: ids.gemeente,
          regioId: ids.regio,
          details: { formaat: format },
        },
      ]);
    }
    for (const format of ["csv", "pdf", "xlsx"] as const) {
      exports.push([
        `verbeterplan ${format}`,
        actors.leader,
        () => exportVerbeterplan(db.prisma, actors.leader, ids.nulmetingScan, format),
        {
          action: "export.verbeterplan",
          targetType: "Zelfscan",
          targetId: ids.nulmetingScan,
          gemeenteId: ids.gemeente,
          regioId: ids.regio,
          details: { formaat: format },
        },
      ]);
      exports.push([
        `regio-overzicht ${format}`,
        actors.leader,
        () => getRegioOverviewExport(db.prisma, actors.leader, { slug: ids.regioSlug, meetrondeId: ids.nulmeting, minimaal: null, format }),
        {
          action: "export.regio-overzicht",
          targetType: "Meetronde",
          targetId: ids.nulmeting,
          gemeenteId: null,
          regioId: ids.regio,
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
    expect(await exportZelfscan(db.prisma, actors.officerNeighbour, ids.nulmetingScan, "json")).toBeNull();
    expect(await exportVerbeterplan(db.prisma, actors.leaderElsewhere, ids.nulmetingScan, "pdf")).toBeNull();
    expect(
      await getRegioOverviewExport(db.prisma, actors.leaderElsewhere, { slug: ids.regioSlug, meetrondeId: ids.nulmeting, minimaal: null, format: "xlsx" }),
    ).toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { action: { startsWith: "export." } } })).toBe(before);
    // Another region's round through one's own region's address: refused and logged under that region.
    const refused = await refusal(actors.leader, async () =>
      expect(
        await getRegioOverviewExport(db.prisma, actors.leader, {
          slug: ids.regioSlug,
          meetrondeId: ids.otherMeetronde,
          minimaal: null,
          format: "pdf",
        }),
      ).toBeNull(),
    );
    expect(refused).toMatchObject({
      targetType: "Meetronde",
      targetId: ids.otherMeetronde,
      regioId: ids.otherRegio,
      details: { handeling: "regio-overzicht exporteren" },
    });
  });

  it("keeps security events out of a scan's history: another region's officer who tried to open it is not named in its export", async () => {
    const outsider = users.leaderElsewhere;
    const otherOfficer = users.officerElsewhere;
    expect(await getZelfscan(db.prisma, actors.leaderElsewhere, ids.nulmetingScan)).toBeNull();
    expect(await exportZelfscan(db.prisma, actors.officerElsewhere, ids.nulmetingScan, "json")).toBeNull();
    expect(
      await db.prisma.auditEntry.count({
        where: { action: "toegang.geweigerd", targetId: ids.nulmetingScan, actorId: { in: [outsider.id, otherOfficer.id] } },
      }),
    ).toBeGreaterThan(0);
    // An earlier export by the gemeente itself is in the log as well; the leader reopens the scan.
    await exportZelfscan(db.prisma, actors.officer, ids.nulmetingScan, "csv");
    expect(await reopenZelfscan(db.prisma, actors.leader, { zelfscanId: ids.nulmetingScan, values: { reden: "Graag onderdeel 1a aanvullen." } })).toMatchObject(
      { status: "ok" },
    );

    for (const reader of [actors.officer, actors.leader]) {
      const data = (await exportZelfscan(db.prisma, reader, ids.nulmetingScan, "json"))!;
      const actions = data.geschiedenis.map((entry) => entry.actie);
      expect(actions).toEqual(expect.arrayContaining(["zelfscan.ingediend", "zelfscan.heropend"]));
      expect(
        actions.every((action) => action.startsWith("zelfscan.") || action.startsWith("antwoord.")),
        actions.join(),
      ).toBe(true);
      const json = JSON.stringify(data);
      const csv = zelfscanToCsv(data);
      for (const text of [json, csv]) {
        expect(text).not.toContain(outsider.name);
        expect(text).not.toContain(otherOfficer.name);
        expect(text).not.toContain("toegang.geweigerd");
        expect(text).not.toContain("export.");
      }
    }
  });
});
