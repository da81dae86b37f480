// "Mijn taken" and submitting (issue 15): what waits for whom, scoped by the access rules; only
// the coordinator submits (or any officer while the gemeente has none), and only once the
// checklist is met. Assignments and owners are written directly: their mutations are elsewhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { endOfDayInAmsterdam } from "@/lib/shared/dates";
import { NOT_FOUND_MESSAGE } from "@/lib/shared/result";
import { getMijnTaken } from "@/lib/taken/queries";
import { submitZelfscan } from "@/lib/zelfscan/mutations";
import {
  actorOf,
  createComment,
  createMeetronde,
  createRegio,
  createUser,
  createVerbeteractie,
  createZelfscan,
  leaderOf,
  officerOf,
} from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const now = new Date("2026-12-02T12:00:00Z");

describe.each(DATABASE_KINDS)("Mijn taken and submitting on the %s database", (kind) => {
  let db: TestDatabase;
  let scanId: string;
  let otherScanId: string;
  let actieId: string;
  const actors = {} as Record<"coordinator" | "colleague" | "leader" | "elsewhere", Actor>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    const regio = await createRegio(p, { gemeenten: 1 });
    const other = await createRegio(p, { gemeenten: 1 });
    const gemeente = regio.gemeenten[0]!;
    const otherGemeente = other.gemeenten[0]!;
    const coordinator = await createUser(p, { grants: [officerOf(gemeente)] });
    const colleague = await createUser(p, { grants: [officerOf(gemeente)] });
    const leader = await createUser(p, { grants: [leaderOf(regio)] });
    const elsewhere = await createUser(p, { grants: [officerOf(otherGemeente)] });
    await p.gemeente.update({ where: { id: gemeente.id }, data: { coordinatorId: coordinator.id } });
    Object.assign(actors, {
      coordinator: actorOf(coordinator),
      colleague: actorOf(colleague),
      leader: actorOf(leader),
      elsewhere: actorOf(elsewhere),
    });
    const round = await createMeetronde(p, { regio, status: "OPEN" });
    // Every onderdeel answered except 7a..; 3a carried over and not confirmed.
    const scan = await createZelfscan(p, {
      gemeente,
      meetronde: round,
      answers: (onderdeel) => (onderdeel.requirementNumber === 7 ? null : { score: 3, toelichting: "Goed geregeld." }),
      editor: coordinator,
    });
    scanId = scan.id;
    await p.answer.updateMany({ where: { zelfscanId: scan.id, onderdeelId: { in: ["3a", "4"] } }, data: { carriedOver: true } });
    await p.assignment.createMany({
      data: [
        { zelfscanId: scan.id, onderdeelId: "7a", userId: colleague.id, dueOn: endOfDayInAmsterdam("2026-11-30"), note: "Graag met jeugd afstemmen." },
        { zelfscanId: scan.id, onderdeelId: "7b", userId: colleague.id, dueOn: endOfDayInAmsterdam("2026-12-06") },
        { zelfscanId: scan.id, onderdeelId: "7c", userId: colleague.id, dueOn: null },
        { zelfscanId: scan.id, onderdeelId: "3a", userId: colleague.id, dueOn: endOfDayInAmsterdam("2027-01-20") },
        // Answered and saved since it was assigned: nothing waits.
        { zelfscanId: scan.id, onderdeelId: "1", userId: colleague.id, createdAt: new Date("2026-01-01T00:00:00Z") },
        // Answered before it was assigned and not saved since: the assignee is to check it.
        { zelfscanId: scan.id, onderdeelId: "2", userId: colleague.id, createdAt: new Date(Date.now() + 60_000) },
      ],
    });
    // A thread whose last message is the leader's, on an onderdeel assigned to the colleague and one not.
    await createComment(p, { zelfscan: scan, author: leader, onderdeelId: "7a" });
    const answered = await createComment(p, { zelfscan: scan, author: leader, onderdeelId: "2" });
    await createComment(p, { zelfscan: scan, author: coordinator, onderdeelId: "2", parent: answered });
    await createComment(p, { zelfscan: scan, author: leader, onderdeelId: "5" });
    const actie = await createVerbeteractie(p, { zelfscan: scan, title: "Werkinstructie jeugd", status: "IN_UITVOERING" });
    actieId = actie.id;
    await p.verbeteractie.update({ where: { id: actie.id }, data: { ownerId: colleague.id, deadline: endOfDayInAmsterdam("2026-11-01") } });
    const done = await createVerbeteractie(p, { zelfscan: scan, title: "Afgerond", status: "AFGEROND" });
    await p.verbeteractie.update({ where: { id: done.id }, data: { ownerId: colleague.id } });
    // Another gemeente's scan, complete, without a coordinator.
    const otherRound = await createMeetronde(p, { regio: other, status: "OPEN" });
    otherScanId = (await createZelfscan(p, { gemeente: otherGemeente, meetronde: otherRound, answers: () => ({ score: 3 }), editor: elsewhere })).id;
  });
  afterAll(() => db?.drop());

  it("lists the colleague's assigned onderdelen by urgency, with what they need", async () => {
    const taken = await getMijnTaken(db.prisma, actors.colleague, now);
    expect(taken.assigned["te-laat"].map((item) => item.onderdeelId)).toEqual(["7a"]);
    expect(taken.assigned["te-laat"][0]).toMatchObject({ eis: 7, note: "Graag met jeugd afstemmen.", href: `/zelfscans/${scanId}/stap/7#onderdeel-7a` });
    expect(taken.assigned.binnenkort.map((item) => item.onderdeelId)).toEqual(["7b"]);
    expect(taken.assigned.open.map((item) => [item.onderdeelId, item.carriedOver])).toEqual([
      ["3a", true],
      ["2", false],
      ["7c", false],
    ]);
    // Not the coordinator: unassigned carried-over onderdelen are not theirs.
    expect(taken.carriedUnassigned).toEqual([]);
    expect(taken.comments.map((comment) => comment.onderdeelId)).toEqual(["7a"]);
    expect(taken.acties).toEqual([expect.objectContaining({ id: actieId, overdue: true, href: `/zelfscans/${scanId}/verbeterplan#actie-${actieId}` })]);
    expect(taken.count).toBe(5 + 1 + 1);
  });

  it("gives the coordinator the unassigned carried-over onderdelen and every thread waiting for the gemeente", async () => {
    const taken = await getMijnTaken(db.prisma, actors.coordinator, now);
    expect(taken.carriedUnassigned.map((item) => item.onderdeelId)).toEqual(["4"]);
    expect(taken.comments.map((comment) => comment.onderdeelId).sort()).toEqual(["5", "7a"]);
    expect(taken.assigned.open).toEqual([]);
  });

  it("gives the leader the threads whose last message is the gemeente's", async () => {
    const taken = await getMijnTaken(db.prisma, actors.leader, now);
    expect(taken.comments.map((comment) => comment.onderdeelId)).toEqual(["2"]);
    expect(taken.count).toBe(1);
  });

  it("shows nothing of another gemeente", async () => {
    const taken = await getMijnTaken(db.prisma, actors.elsewhere, now);
    expect(taken.count).toBe(0);
  });

  it("a colleague cannot submit while the gemeente has a coordinator, and is told who does", async () => {
    const refused = await submitZelfscan(db.prisma, actors.colleague, { zelfscanId: scanId });
    expect(refused).toMatchObject({ status: "invalid", message: expect.stringContaining("Alleen de coördinator van uw gemeente") });
  });

  it("refuses the coordinator while the checklist is not met, and submits once it is", async () => {
    const incomplete = await submitZelfscan(db.prisma, actors.coordinator, { zelfscanId: scanId });
    expect(incomplete).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/^U kunt nog niet indienen: \d+ onderdelen zijn nog niet beantwoord/),
    });
    await db.prisma.answer.updateMany({ where: { zelfscanId: scanId }, data: { carriedOver: false } });
    const open = await db.prisma.answer.findMany({ where: { zelfscanId: scanId }, select: { onderdeelId: true } });
    const missing = getFramework(CURRENT_FRAMEWORK_VERSION).onderdelen.filter((onderdeel) => !open.some((answer) => answer.onderdeelId === onderdeel.id));
    await db.prisma.answer.createMany({
      data: missing.map((onderdeel) => ({ zelfscanId: scanId, onderdeelId: onderdeel.id, score: 3, toelichting: "Gedaan.", version: 1 })),
    });
    expect(await submitZelfscan(db.prisma, actors.coordinator, { zelfscanId: scanId })).toMatchObject({ status: "ok" });
    // Submitted: nothing of it waits any more.
    expect((await getMijnTaken(db.prisma, actors.colleague, now)).assigned.open).toEqual([]);
  });

  it("any officer submits when the gemeente has no coordinator; a coordinator cannot submit another gemeente's scan", async () => {
    expect(await submitZelfscan(db.prisma, actors.coordinator, { zelfscanId: otherScanId })).toMatchObject({ status: "not-found", message: NOT_FOUND_MESSAGE });
    expect(await submitZelfscan(db.prisma, actors.elsewhere, { zelfscanId: otherScanId })).toMatchObject({ status: "ok" });
  });
});
