// The three access rules (lib/access/rules/): "may read", "may change" (its scope, its state and
// the whole) and "leads the region", over a fixture of every case, on both databases. For each
// case the pure predicate, the Prisma filter (a findMany with the where), the SQL fragment (a
// $queryRaw with the fragment) and what the save statement and the pages decide must all give
// the answer written out here, which does not read the grants but says per actor what they are.
// Cases: an officer of the scan's gemeente, of another gemeente of the region, of a gemeente in
// another region, of several gemeenten; the leader of the region, of another region; an officer
// who also leads their own region, one who leads another region; a beheerder; a user without grants; a deactivated user. Every scan
// status (CONCEPT, INGEDIEND, HEROPEND) in a round of every status (GEPLAND, OPEN, GESLOTEN).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import {
  EDITABLE_STATE_SQL,
  canEditGemeente,
  editableGemeenteSql,
  editableGemeenteWhere,
  editableStateWhere,
  editableZelfscanSql,
  editableZelfscanWhere,
  isEditable,
  mayEditZelfscan,
  officerZelfscanWhere,
} from "@/lib/access/rules/editable";
import { canLeadRegio, ledGemeenteSql, ledGemeenteWhere, ledRegioSql, ledRegioWhere } from "@/lib/access/rules/leads-region";
import { canReadGemeente, readableGemeenteSql, readableGemeenteWhere, readableZelfscanWhere } from "@/lib/access/rules/readable";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeetrondeStatus, ZelfscanStatus } from "@/lib/generated/prisma/enums";
import { getGemeenteOverview } from "@/lib/gemeente/queries";
import { getRegioOverview } from "@/lib/regio/queries";
import { emptyAnswer } from "@/lib/shared/zelfscan/answer-schema";
import { findScanInScope, writeAnswers } from "@/lib/zelfscan/answer-write";
import { getZelfscan } from "@/lib/zelfscan/queries";
import { createMeetronde, createRegio, createUser, createZelfscan, BEHEERDER, leaderOf, officerOf, signIn } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const SCAN_STATUSES: ZelfscanStatus[] = ["CONCEPT", "INGEDIEND", "HEROPEND"];
const MEETRONDE_STATUSES: MeetrondeStatus[] = ["GEPLAND", "OPEN", "GESLOTEN"];

type Key = "A" | "B" | "C";
type GemeenteCase = { key: Key; id: string; regioId: string; regio: "R" | "S"; slug: string };
type ScanCase = { id: string; gemeente: GemeenteCase; status: ZelfscanStatus; meetrondeStatus: MeetrondeStatus; label: string };
/** What each actor is, written out: the gemeenten they are an officer of, the regions they lead. */
type Expected = { officerOf: Key[]; leads: ("R" | "S")[] };

const EXPECTED: Record<string, Expected> = {
  officerA: { officerOf: ["A"], leads: [] },
  officerB: { officerOf: ["B"], leads: [] },
  officerC: { officerOf: ["C"], leads: [] },
  officerAB: { officerOf: ["A", "B"], leads: [] },
  leaderR: { officerOf: [], leads: ["R"] },
  leaderS: { officerOf: [], leads: ["S"] },
  officerCleaderR: { officerOf: ["C"], leads: ["R"] },
  officerAleaderR: { officerOf: ["A"], leads: ["R"] },
  beheerder: { officerOf: [], leads: [] },
  nobody: { officerOf: [], leads: [] },
};

const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));

describe.each(DATABASE_KINDS)("the access rules on the %s database", (kind) => {
  let db: TestDatabase;
  const gemeenten: GemeenteCase[] = [];
  const regios: { key: "R" | "S"; id: string; slug: string }[] = [];
  const scans: ScanCase[] = [];
  const actors: Record<string, Actor> = {};
  let deactivated: { id: string };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    // Region R with gemeenten A and B, region S with gemeente C. Each region has a round for every
    // round status × scan status, and each of its gemeenten a scan of that status in it.
    const r = await createRegio(p, { gemeenten: 2 });
    const s = await createRegio(p, { gemeenten: 1 });
    regios.push({ key: "R", id: r.id, slug: r.slug }, { key: "S", id: s.id, slug: s.slug });
    const [a, b] = r.gemeenten as [(typeof r.gemeenten)[number], (typeof r.gemeenten)[number]];
    const c = s.gemeenten[0]!;
    gemeenten.push(
      { key: "A", id: a.id, regioId: r.id, regio: "R", slug: a.slug },
      { key: "B", id: b.id, regioId: r.id, regio: "R", slug: b.slug },
      { key: "C", id: c.id, regioId: s.id, regio: "S", slug: c.slug },
    );
    for (const regio of [r, s]) {
      for (const meetrondeStatus of MEETRONDE_STATUSES) {
        for (const status of SCAN_STATUSES) {
          const meetronde = await createMeetronde(p, { regio, status: meetrondeStatus, name: `Ronde ${meetrondeStatus} met ${status}` });
          for (const gemeente of gemeenten.filter((candidate) => candidate.regioId === regio.id)) {
            const scan = await createZelfscan(p, { gemeente, meetronde: meetronde, status });
            scans.push({ id: scan.id, gemeente, status, meetrondeStatus, label: `gemeente ${gemeente.key}, ${status}, ronde ${meetrondeStatus}` });
          }
        }
      }
    }
    const users = {
      officerA: [officerOf(a)],
      officerB: [officerOf(b)],
      officerC: [officerOf(c)],
      officerAB: [officerOf(a), officerOf(b)],
      leaderR: [leaderOf(r)],
      leaderS: [leaderOf(s)],
      officerCleaderR: [officerOf(c), leaderOf(r)],
      officerAleaderR: [officerOf(a), leaderOf(r)],
      beheerder: [BEHEERDER],
      nobody: [],
    };
    for (const [name, grants] of Object.entries(users)) {
      const actor = await signIn(db, await createUser(p, { name, grants }));
      expect(actor, name).not.toBeNull();
      actors[name] = actor!;
    }
    deactivated = await createUser(p, { name: "gedeactiveerd", grants: [officerOf(a), leaderOf(r)], active: false });
  });
  afterAll(() => db?.drop());

  const officer = (name: string, gemeente: GemeenteCase) => EXPECTED[name]!.officerOf.includes(gemeente.key);
  const leads = (name: string, regio: "R" | "S") => EXPECTED[name]!.leads.includes(regio);
  const editableState = (scan: ScanCase) => scan.status !== "INGEDIEND" && scan.meetrondeStatus !== "GESLOTEN";

  it("has the fixture it claims: 27 scans, every status in every round status for every gemeente, and every actor signed in", () => {
    expect(scans).toHaveLength(27);
    for (const gemeente of gemeenten) {
      const own = scans.filter((scan) => scan.gemeente.key === gemeente.key);
      expect(new Set(own.map((scan) => `${scan.status}/${scan.meetrondeStatus}`)).size).toBe(9);
    }
    expect(scans.filter(editableState)).toHaveLength(12);
    expect(Object.keys(actors).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("'may read': pure, Prisma and SQL agree with the written-out answer, for gemeenten and their scans, and so do the pages", async () => {
    for (const [name, actor] of Object.entries(actors)) {
      const want = (gemeente: GemeenteCase) => officer(name, gemeente) || leads(name, gemeente.regio);
      const prismaGemeenten = ids(await db.prisma.gemeente.findMany({ where: readableGemeenteWhere(actor), select: { id: true } }));
      const sqlGemeenten = ids(await db.prisma.$queryRaw<{ id: string }[]>`SELECT g.id FROM "Gemeente" g WHERE ${readableGemeenteSql(actor)}`);
      for (const gemeente of gemeenten) {
        const label = `${name}, gemeente ${gemeente.key}`;
        expect(canReadGemeente(actor, gemeente), `pure: ${label}`).toBe(want(gemeente));
        expect(prismaGemeenten.has(gemeente.id), `Prisma: ${label}`).toBe(want(gemeente));
        expect(sqlGemeenten.has(gemeente.id), `SQL: ${label}`).toBe(want(gemeente));
        expect((await getGemeenteOverview(db.prisma, actor, gemeente.slug)) !== null, `page: ${label}`).toBe(want(gemeente));
      }
      const prismaScans = ids(await db.prisma.zelfscan.findMany({ where: readableZelfscanWhere(actor), select: { id: true } }));
      const sqlScans = ids(
        await db.prisma.$queryRaw<
          { id: string }[]
        >`SELECT z.id FROM "Zelfscan" z JOIN "Gemeente" g ON g.id = z."gemeenteId" WHERE ${readableGemeenteSql(actor)}`,
      );
      for (const scan of scans) {
        const label = `${name}, ${scan.label}`;
        expect(prismaScans.has(scan.id), `Prisma: ${label}`).toBe(want(scan.gemeente));
        expect(sqlScans.has(scan.id), `SQL: ${label}`).toBe(want(scan.gemeente));
        expect((await getZelfscan(db.prisma, actor, scan.id)) !== null, `page: ${label}`).toBe(want(scan.gemeente));
      }
    }
  }, 120_000);

  it("'may change': its scope, its state and the whole agree in every form, the save statement and the pages included", async () => {
    // The state alone, for whoever acts.
    const prismaState = ids(await db.prisma.zelfscan.findMany({ where: editableStateWhere, select: { id: true } }));
    const sqlState = ids(
      await db.prisma.$queryRaw<{ id: string }[]>`SELECT z.id FROM "Zelfscan" z JOIN "Meetronde" m ON m.id = z."meetrondeId" WHERE ${EDITABLE_STATE_SQL}`,
    );
    for (const scan of scans) {
      expect(isEditable(scan), `pure state: ${scan.label}`).toBe(editableState(scan));
      expect(prismaState.has(scan.id), `Prisma state: ${scan.label}`).toBe(editableState(scan));
      expect(sqlState.has(scan.id), `SQL state: ${scan.label}`).toBe(editableState(scan));
    }
    const onderdeel = framework.onderdelen[0]!;
    for (const [name, actor] of Object.entries(actors)) {
      // The scope: the gemeente's own officers.
      const prismaGemeenten = ids(await db.prisma.gemeente.findMany({ where: editableGemeenteWhere(actor), select: { id: true } }));
      const sqlGemeenten = ids(await db.prisma.$queryRaw<{ id: string }[]>`SELECT g.id FROM "Gemeente" g WHERE ${editableGemeenteSql(actor)}`);
      for (const gemeente of gemeenten) {
        const label = `${name}, gemeente ${gemeente.key}`;
        expect(canEditGemeente(actor, gemeente), `pure scope: ${label}`).toBe(officer(name, gemeente));
        expect(prismaGemeenten.has(gemeente.id), `Prisma scope: ${label}`).toBe(officer(name, gemeente));
        expect(sqlGemeenten.has(gemeente.id), `SQL scope: ${label}`).toBe(officer(name, gemeente));
        expect((await getGemeenteOverview(db.prisma, actor, gemeente.slug))?.mayEdit ?? false, `page scope: ${label}`).toBe(officer(name, gemeente));
      }
      const prismaOwnScans = ids(await db.prisma.zelfscan.findMany({ where: officerZelfscanWhere(actor), select: { id: true } }));
      // The whole rule.
      const prismaScans = ids(await db.prisma.zelfscan.findMany({ where: editableZelfscanWhere(actor), select: { id: true } }));
      const sqlScans = ids(
        await db.prisma.$queryRaw<
          { id: string }[]
        >`SELECT z.id FROM "Zelfscan" z JOIN "Gemeente" g ON g.id = z."gemeenteId" JOIN "Meetronde" m ON m.id = z."meetrondeId" WHERE ${editableZelfscanSql(actor)}`,
      );
      for (const scan of scans) {
        const label = `${name}, ${scan.label}`;
        const own = officer(name, scan.gemeente);
        const want = own && editableState(scan);
        expect(prismaOwnScans.has(scan.id), `Prisma scope on scans: ${label}`).toBe(own);
        expect(mayEditZelfscan(actor, { ...scan, gemeenteId: scan.gemeente.id }), `pure: ${label}`).toBe(want);
        expect(prismaScans.has(scan.id), `Prisma: ${label}`).toBe(want);
        expect(sqlScans.has(scan.id), `SQL: ${label}`).toBe(want);
        // The statements of the save path: the look-up and the write itself (with a stale base
        // version, so that an editable scan answers "conflict" and nothing is written).
        const found = await findScanInScope(db.sql, { zelfscanId: scan.id, actor });
        expect(found === null ? "not-found" : found.editable, `look-up: ${label}`).toBe(own ? want : "not-found");
        const outcome = await writeAnswers(db.sql, {
          zelfscanId: scan.id,
          actor,
          actorId: actor.userId,
          ip: null,
          now: new Date(),
          answers: [{ onderdeelId: onderdeel.id, baseVersion: 99, answer: { ...emptyAnswer(3), score: 2, toelichting: "Niveau 2." }, confirm: false }],
        });
        expect(outcome.status, `write: ${label}`).toBe(!own ? "not-found" : want ? "conflict" : "locked");
        // What the pages offer.
        expect((await getZelfscan(db.prisma, actor, scan.id))?.mayEdit ?? false, `page: ${label}`).toBe(want);
      }
    }
    expect(await db.prisma.answer.count()).toBe(0);
  }, 180_000);

  it("'leads the region': pure, Prisma and SQL agree for regions and their gemeenten, and so do the pages", async () => {
    for (const [name, actor] of Object.entries(actors)) {
      const prismaRegios = ids(await db.prisma.regio.findMany({ where: ledRegioWhere(actor), select: { id: true } }));
      const sqlRegios = ids(await db.prisma.$queryRaw<{ id: string }[]>`SELECT r.id FROM "Regio" r WHERE ${ledRegioSql(actor)}`);
      for (const regio of regios) {
        const label = `${name}, regio ${regio.key}`;
        expect(canLeadRegio(actor, regio.id), `pure: ${label}`).toBe(leads(name, regio.key));
        expect(prismaRegios.has(regio.id), `Prisma: ${label}`).toBe(leads(name, regio.key));
        expect(sqlRegios.has(regio.id), `SQL: ${label}`).toBe(leads(name, regio.key));
        expect((await getRegioOverview(db.prisma, actor, regio.slug)) !== null, `page: ${label}`).toBe(leads(name, regio.key));
      }
      const prismaGemeenten = ids(await db.prisma.gemeente.findMany({ where: ledGemeenteWhere(actor), select: { id: true } }));
      const sqlGemeenten = ids(await db.prisma.$queryRaw<{ id: string }[]>`SELECT g.id FROM "Gemeente" g WHERE ${ledGemeenteSql(actor)}`);
      for (const gemeente of gemeenten) {
        const label = `${name}, gemeente ${gemeente.key}`;
        expect(prismaGemeenten.has(gemeente.id), `Prisma: ${label}`).toBe(leads(name, gemeente.regio));
        expect(sqlGemeenten.has(gemeente.id), `SQL: ${label}`).toBe(leads(name, gemeente.regio));
      }
      for (const scan of scans.filter((candidate) => candidate.meetrondeStatus === "OPEN")) {
        const page = await getZelfscan(db.prisma, actor, scan.id);
        expect(page?.mayLead ?? false, `page: ${name}, ${scan.label}`).toBe(leads(name, scan.gemeente.regio));
      }
    }
  }, 120_000);

  it("gives a deactivated user no actor at all, although the grants are still there: no rule is ever asked for them", async () => {
    expect(await db.prisma.roleGrant.count({ where: { userId: deactivated.id } })).toBe(2);
    expect(await signIn(db, deactivated)).toBeNull();
  });

  it("binds the actor's ids as parameters, never as text of the statement", () => {
    const fragment: Prisma.Sql = readableGemeenteSql(actors.officerCleaderR!);
    expect(fragment.values).toEqual([[gemeenten[2]!.id], [regios[0]!.id]]);
    expect(fragment.text).not.toContain(gemeenten[2]!.id);
  });
});
