// The rule "may this scan be changed" (lib/zelfscan/editable.ts) in all its forms, over every case
// of scan status × round status × actor, on both databases: the pure predicate, the Prisma filter,
// the SQL fragments, the save statement and the page's mayEdit must all give the same answer, and
// that answer is the one written out here. And the defect it fixes: a scan whose round is closed
// is not offered for editing, and every change of it is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import type { MeetrondeStatus, Role, ZelfscanStatus } from "@/lib/generated/prisma/enums";
import { closeMeetronde, openMeetronde } from "@/lib/regio/mutations";
import { emptyAnswer } from "@/lib/shared/zelfscan/answer-schema";
import { findScanInScope, writeAnswers } from "@/lib/zelfscan/answer-write";
import { EDITABLE_STATE_SQL, editableScopeParam, editableScopeSql, editableZelfscanWhere, mayEditZelfscan } from "@/lib/zelfscan/editable";
import { saveAnswer, saveStep, startZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";
import { getZelfscan } from "@/lib/zelfscan/queries";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const SCAN_STATUSES: ZelfscanStatus[] = ["CONCEPT", "HEROPEND", "INGEDIEND"];
const RONDE_STATUSES: MeetrondeStatus[] = ["GEPLAND", "OPEN", "GESLOTEN"];
const complete = (score: number) => ({ ...emptyAnswer(3), score, toelichting: `Toelichting bij niveau ${score}.` });

type Scan = { id: string; gemeenteId: string; status: ZelfscanStatus; rondeStatus: MeetrondeStatus; label: string };

describe.each(DATABASE_KINDS)("the rule 'may this scan be changed' on the %s database", (kind) => {
  let db: TestDatabase;
  const scans: Scan[] = [];
  const actors: Record<string, Actor> = {};
  let regioId: string;
  let gemeenten: string[];

  async function actor(name: string, grants: { role: Role; gemeenteId?: string; regioId?: string }[]): Promise<Actor> {
    const user = await db.prisma.user.create({
      data: { email: `${name}@regel.example`, name, roles: { create: grants.map((grant) => ({ role: grant.role, gemeenteId: grant.gemeenteId ?? null, regioId: grant.regioId ?? null })) } },
    });
    return {
      userId: user.id,
      email: user.email,
      name,
      sessionId: `test-${user.id}`,
      grants: grants.map((grant) => ({ role: grant.role, gemeenteId: grant.gemeenteId ?? null, regioId: grant.regioId ?? null })),
    };
  }

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    const regio = await p.regio.create({ data: { name: "Regio Regel", slug: "regio-regel" } });
    const other = await p.regio.create({ data: { name: "Regio Elders", slug: "regio-elders" } });
    regioId = regio.id;
    // Gemeente i has a scan of status SCAN_STATUSES[i] in every round: every combination once.
    gemeenten = await Promise.all(SCAN_STATUSES.map(async (_, index) => (await p.gemeente.create({ data: { name: `Gemeente ${index}`, slug: `gemeente-${index}`, regioId: regio.id } })).id));
    const elders = await p.gemeente.create({ data: { name: "Elders", slug: "elders", regioId: other.id } });
    const round = (regio: string, name: string, status: MeetrondeStatus) =>
      p.meetronde.create({
        data: { regioId: regio, name, status, startsOn: new Date("2026-01-01"), deadline: new Date("2026-12-31"), frameworkId: framework.id, frameworkVersion: framework.version },
      });
    for (const rondeStatus of RONDE_STATUSES) {
      const ronde = await round(regio.id, `Ronde ${rondeStatus}`, rondeStatus);
      for (const [index, status] of SCAN_STATUSES.entries()) {
        const scan = await p.zelfscan.create({
          data: { gemeenteId: gemeenten[index]!, meetrondeId: ronde.id, status, frameworkId: framework.id, frameworkVersion: framework.version },
        });
        scans.push({ id: scan.id, gemeenteId: scan.gemeenteId, status, rondeStatus, label: `gemeente ${index}, ${status}, ronde ${rondeStatus}` });
      }
    }
    const eldersRonde = await round(other.id, "Ronde elders", "OPEN");
    const eldersScan = await p.zelfscan.create({ data: { gemeenteId: elders.id, meetrondeId: eldersRonde.id, frameworkId: framework.id, frameworkVersion: framework.version } });
    scans.push({ id: eldersScan.id, gemeenteId: elders.id, status: "CONCEPT", rondeStatus: "OPEN", label: "elders, CONCEPT, ronde OPEN" });

    const [g0, g1, g2] = gemeenten as [string, string, string];
    actors.officerOfOne = await actor("officer-een", [{ role: "BELEIDSMEDEWERKER", gemeenteId: g0 }]);
    actors.officerOfAll = await actor("officer-alle", [g0, g1, g2].map((gemeenteId) => ({ role: "BELEIDSMEDEWERKER" as const, gemeenteId })));
    actors.officerElsewhere = await actor("officer-elders", [{ role: "BELEIDSMEDEWERKER", gemeenteId: elders.id }]);
    actors.leader = await actor("leider", [{ role: "PROJECTLEIDER", regioId: regio.id }]);
    actors.officerAndLeader = await actor("officer-en-leider", [
      { role: "BELEIDSMEDEWERKER", gemeenteId: g1 },
      { role: "PROJECTLEIDER", regioId: regio.id },
    ]);
    actors.beheerder = await actor("beheerder", [{ role: "BEHEERDER" }]);
    actors.nobody = await actor("niemand", []);
  });
  afterAll(() => db?.drop());

  it("gives the same answer in every form, over every scan status × round status × actor, and the answer written out here", async () => {
    // Editable states: not submitted and round not closed; then only the gemeente's own officers.
    const editableState = (scan: Scan) => scan.status !== "INGEDIEND" && scan.rondeStatus !== "GESLOTEN";
    const expected: Record<string, (scan: Scan) => boolean> = {
      officerOfOne: (scan) => scan.gemeenteId === gemeenten[0] && editableState(scan),
      officerOfAll: (scan) => gemeenten.includes(scan.gemeenteId) && editableState(scan),
      officerElsewhere: (scan) => scan.label.startsWith("elders"),
      leader: () => false,
      officerAndLeader: (scan) => scan.gemeenteId === gemeenten[1] && editableState(scan),
      beheerder: () => false,
      nobody: () => false,
    };
    expect(scans).toHaveLength(10);
    expect(scans.filter(editableState)).toHaveLength(5);
    const counts: Record<string, number> = {};
    for (const [name, who] of Object.entries(actors)) {
      const prismaIds = new Set((await db.prisma.zelfscan.findMany({ where: editableZelfscanWhere(who), select: { id: true } })).map((row) => row.id));
      const sqlIds = new Set(
        (
          await db.sql.query<{ id: string }>(
            `SELECT z.id FROM "Zelfscan" z JOIN "Meetronde" m ON m.id = z."meetrondeId" WHERE ${editableScopeSql("$1")} AND ${EDITABLE_STATE_SQL}`,
            [editableScopeParam(who)],
          )
        ).map((row) => row.id),
      );
      counts[name] = prismaIds.size;
      for (const scan of scans) {
        const label = `${name}, ${scan.label}`;
        const want = expected[name]!(scan);
        expect(mayEditZelfscan(who, scan), `pure: ${label}`).toBe(want);
        expect(prismaIds.has(scan.id), `Prisma: ${label}`).toBe(want);
        expect(sqlIds.has(scan.id), `SQL: ${label}`).toBe(want);
        // The statements of the save path: the look-up and the write itself (with a stale base
        // version, so that an editable scan answers "conflict" and nothing is written).
        const inScope = editableScopeParam(who).includes(scan.gemeenteId);
        const found = await findScanInScope(db.sql, { zelfscanId: scan.id, gemeenteIds: editableScopeParam(who) });
        expect(found === null ? "not-found" : found.editable, `look-up: ${label}`).toBe(inScope ? want : "not-found");
        const outcome = await writeAnswers(db.sql, {
          zelfscanId: scan.id,
          gemeenteIds: editableScopeParam(who),
          actorId: who.userId,
          ip: null,
          now: new Date(),
          answers: [{ itemId: framework.items[0]!.id, baseVersion: 99, answer: complete(2), confirm: false }],
        });
        expect(outcome.status, `write: ${label}`).toBe(!inScope ? "not-found" : want ? "conflict" : "locked");
        // What the pages offer.
        const page = await getZelfscan(db.prisma, who, scan.id);
        expect(page?.mayEdit ?? false, `page: ${label}`).toBe(want);
      }
    }
    expect(counts).toEqual({ officerOfOne: 2, officerOfAll: 4, officerElsewhere: 1, leader: 0, officerAndLeader: 2, beheerder: 0, nobody: 0 });
    expect(await db.prisma.answer.count()).toBe(0);
  }, 120_000);

  it("does not offer a scan for editing once its round is closed, and refuses every change of it", async () => {
    const p = db.prisma;
    const officer = actors.officerOfAll!;
    const ronde = await p.meetronde.create({
      data: { regioId, name: "Ronde die sluit", status: "OPEN", startsOn: new Date("2026-02-01"), deadline: new Date("2026-11-30"), frameworkId: framework.id, frameworkVersion: framework.version },
    });
    const started = await startZelfscan(p, officer, { gemeenteId: gemeenten[0]!, meetrondeId: ronde.id, carryOver: false });
    expect(started.status).toBe("ok");
    const zelfscanId = started.status === "ok" ? started.data.zelfscanId : "";
    const item = framework.items[0]!;
    expect((await saveAnswer(db, officer, { zelfscanId, itemId: item.id, request: { baseVersion: 0, answer: complete(1) } })).status).toBe("ok");
    expect((await getZelfscan(p, officer, zelfscanId))?.mayEdit).toBe(true);

    expect((await closeMeetronde(p, actors.leader!, { meetrondeId: ronde.id })).status).toBe("ok");
    const before = await p.answer.findMany({ where: { zelfscanId } });
    const audits = await p.auditEntry.count();

    const page = await getZelfscan(p, officer, zelfscanId);
    expect(page?.scan.status).toBe("CONCEPT");
    expect(page?.mayEdit).toBe(false);
    expect(page?.lockedForOfficer).toBe("Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd.");
    // The region's leader reads it, but no officer notice is meant for them.
    expect((await getZelfscan(p, actors.leader!, zelfscanId))?.lockedForOfficer).toBeNull();

    const locked = { status: "locked", message: "Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd." };
    expect(await saveAnswer(db, officer, { zelfscanId, itemId: item.id, request: { baseVersion: 1, answer: complete(3) } })).toEqual(locked);
    const step = framework.requirements[0]!;
    const answers = Object.fromEntries(step.items.map((candidate) => [candidate.id, { baseVersion: candidate.id === item.id ? 1 : 0, answer: complete(3) }]));
    expect(await saveStep(db, officer, { zelfscanId, requirementNumber: step.number, answers })).toMatchObject(locked);
    expect(await submitZelfscan(p, officer, { zelfscanId })).toEqual(locked);

    expect(await p.answer.findMany({ where: { zelfscanId } })).toEqual(before);
    expect(await p.zelfscan.findUniqueOrThrow({ where: { id: zelfscanId }, select: { status: true } })).toEqual({ status: "CONCEPT" });
    expect(await p.auditEntry.count()).toBe(audits);

    // Opened again, it is the officers' to change once more.
    expect((await openMeetronde(p, actors.leader!, { meetrondeId: ronde.id })).status).toBe("ok");
    expect((await getZelfscan(p, officer, zelfscanId))?.mayEdit).toBe(true);
    expect((await saveAnswer(db, officer, { zelfscanId, itemId: item.id, request: { baseVersion: 1, answer: complete(3) } })).status).toBe("ok");
  });
});
