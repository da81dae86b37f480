// The promises of the zelfscan's save path: parallel saves all land, invalid input changes
// nothing, a stale version is a conflict, a failure halfway writes nothing, submit locks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { metrics } from "@/lib/observability/metrics.mjs";
import { emptyAnswer } from "@/lib/shared/zelfscan/answer-schema";
import { reopenZelfscan, saveAnswer, saveStep, startZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";
import { actorOf, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const complete = (score: number) => ({ ...emptyAnswer(3), score, toelichting: score < 3 ? `Toelichting bij niveau ${score}.` : "" });

/** zelfscan_saves_total by outcome, as the process has counted so far. */
async function savesCounted(): Promise<Record<string, number>> {
  const { values } = await metrics().saves.get();
  return Object.fromEntries(values.map((sample) => [String(sample.labels.outcome), sample.value]));
}

describe.each(DATABASE_KINDS)("saving a zelfscan on the %s database", (kind) => {
  let db: TestDatabase;
  let officer: Actor;
  let neighbour: Actor;
  let leader: Actor;
  let otherLeader: Actor;
  let scanId: string;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let meetronde: Awaited<ReturnType<typeof createMeetronde>>;
  let previousScan: Awaited<ReturnType<typeof createZelfscan>>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    // A region of three gemeenten with an open round: the first starts its scan here, the second is
    // a neighbour, the third submitted a complete scan in the region's earlier, closed round.
    regio = await createRegio(p, { gemeenten: 3 });
    const other = await createRegio(p, { gemeenten: 1 });
    officer = actorOf(await createUser(p, { grants: [officerOf(regio.gemeenten[0]!)] }));
    neighbour = actorOf(await createUser(p, { grants: [officerOf(regio.gemeenten[1]!)] }));
    leader = actorOf(await createUser(p, { grants: [leaderOf(regio)] }));
    otherLeader = actorOf(await createUser(p, { grants: [leaderOf(other)] }));
    const earlier = await createMeetronde(p, { regio, status: "GESLOTEN", startsOn: new Date("2021-01-01T00:00:00Z") });
    previousScan = await createZelfscan(p, { gemeente: regio.gemeenten[2]!, meetronde: earlier, status: "INGEDIEND", answers: "all" });
    meetronde = await createMeetronde(p, { regio, status: "OPEN", startsOn: new Date("2026-01-01T00:00:00Z") });
    const started = await startZelfscan(p, officer, { gemeenteId: regio.gemeenten[0]!.id, meetrondeId: meetronde.id, carryOver: false });
    expect(started.status).toBe("ok");
    scanId = started.status === "ok" ? started.data.zelfscanId : "";
  });
  afterAll(async () => {
    await db.drop();
  });

  it("lands all 50 parallel saves of different items (38 first saves, then 12 second saves)", async () => {
    const first = await Promise.all(
      framework.onderdelen.map((onderdeel, index) =>
        saveAnswer(db, officer, { zelfscanId: scanId, onderdeelId: onderdeel.id, request: { baseVersion: 0, answer: complete(index % 4) } }),
      ),
    );
    expect(first.map((result) => result.status)).toEqual(framework.onderdelen.map(() => "ok"));
    const second = await Promise.all(
      framework.onderdelen
        .slice(0, 12)
        .map((onderdeel) => saveAnswer(db, officer, { zelfscanId: scanId, onderdeelId: onderdeel.id, request: { baseVersion: 1, answer: complete(3) } })),
    );
    expect(second.map((result) => result.status)).toEqual(Array(12).fill("ok"));
    const rows = await db.prisma.answer.findMany({ where: { zelfscanId: scanId } });
    expect(rows).toHaveLength(38);
    expect(rows.filter((row) => row.version === 2)).toHaveLength(12);
    expect(await db.prisma.auditEntry.count({ where: { action: "antwoord.opgeslagen", details: { path: ["zelfscanId"], equals: scanId } } })).toBe(50);
  });

  it("turns two saves of the same version into one save and one conflict, never an overwrite", async () => {
    const onderdeel = framework.onderdelen[20]!;
    const before = await db.prisma.answer.findUniqueOrThrow({ where: { zelfscanId_onderdeelId: { zelfscanId: scanId, onderdeelId: onderdeel.id } } });
    const countedBefore = await savesCounted();
    const [a, b] = await Promise.all([
      saveAnswer(db, officer, {
        zelfscanId: scanId,
        onderdeelId: onderdeel.id,
        request: { baseVersion: before.version, answer: { ...complete(1), toelichting: "Versie van A" } },
      }),
      saveAnswer(db, officer, {
        zelfscanId: scanId,
        onderdeelId: onderdeel.id,
        request: { baseVersion: before.version, answer: { ...complete(2), toelichting: "Versie van B" } },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["conflict", "ok"]);
    const counted = await savesCounted();
    expect([counted.saved! - countedBefore.saved!, counted.conflict! - (countedBefore.conflict ?? 0)]).toEqual([1, 1]);
    const winner = a.status === "ok" ? "Versie van A" : "Versie van B";
    const conflict = (a.status === "conflict" ? a : b) as Extract<typeof a, { status: "conflict" }>;
    expect(conflict.current?.toelichting).toBe(winner);
    expect(conflict.current?.version).toBe(before.version + 1);
    const after = await db.prisma.answer.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.toelichting).toBe(winner);
  });

  it.each([
    ["a score outside the scale", "3a", { baseVersion: 2, answer: { ...complete(3), score: 7 } }, "score"],
    ["a missing required toelichting", "3a", { baseVersion: 2, answer: { ...complete(1), toelichting: "  " } }, "toelichting"],
    ["a too long text", "3a", { baseVersion: 2, answer: { ...complete(1), toelichting: "x".repeat(4001) } }, "toelichting"],
    ["a field the client must not set", "3a", { baseVersion: 2, answer: complete(3), status: "INGEDIEND" }, null],
    ["an item id not in the framework", "11z", { baseVersion: 0, answer: complete(3) }, "onderdeelId"],
  ])("refuses %s with a clear message and changes nothing", async (_case, onderdeelId, request, field) => {
    const before = await db.prisma.answer.findMany({ where: { zelfscanId: scanId }, orderBy: { onderdeelId: "asc" } });
    const audits = await db.prisma.auditEntry.count();
    const result = await saveAnswer(db, officer, { zelfscanId: scanId, onderdeelId, request });
    expect(result.status).toBe("invalid");
    const invalid = result as Extract<typeof result, { status: "invalid" }>;
    // A field the client must not set is named in the message; every other refusal names its field.
    if (field) expect(Object.keys(invalid.fieldErrors)).toContain(field);
    else expect(invalid.message).toMatch(/toegestaan: status\./);
    expect(invalid.message.length).toBeGreaterThan(5);
    expect(await db.prisma.answer.findMany({ where: { zelfscanId: scanId }, orderBy: { onderdeelId: "asc" } })).toEqual(before);
    expect(await db.prisma.auditEntry.count()).toBe(audits);
  });

  it("refuses a save to another municipality's scan as not found and logs the attempt", async () => {
    const countedBefore = await savesCounted();
    const ownAnswer = await db.prisma.answer.findFirstOrThrow({ where: { zelfscanId: scanId, onderdeelId: "4" } });
    for (const actor of [neighbour, leader, otherLeader]) {
      const result = await saveAnswer(db, actor, {
        zelfscanId: scanId,
        onderdeelId: "4",
        request: { baseVersion: ownAnswer.version, answer: complete(0) },
      });
      expect(result.status).toBe("not-found");
    }
    // Invalid input does not tell an outsider that the scan exists either.
    const invalid = await saveAnswer(db, neighbour, {
      zelfscanId: scanId,
      onderdeelId: "4",
      request: { baseVersion: ownAnswer.version, answer: { ...complete(0), score: 9 } },
    });
    expect(invalid.status).toBe("not-found");
    expect(await db.prisma.answer.findUniqueOrThrow({ where: { id: ownAnswer.id } })).toEqual(ownAnswer);
    expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", targetId: scanId } })).toBe(4);
    // Each of the four is counted once, as refused (zelfscan_saves_total).
    expect((await savesCounted()).refused).toBe((countedBefore.refused ?? 0) + 4);
    expect((await savesCounted()).saved).toBe(countedBefore.saved);
  });

  it("writes nothing when a step fails halfway: the valid first answer is rolled back with its audit entry", async () => {
    const onderdelen = framework.requirements.find((requirement) => requirement.number === 8)!.onderdelen;
    const rows = await db.prisma.answer.findMany({ where: { zelfscanId: scanId, onderdeelId: { in: onderdelen.map((onderdeel) => onderdeel.id) } } });
    const versions = Object.fromEntries(rows.map((row) => [row.onderdeelId, row.version]));
    const audits = await db.prisma.auditEntry.count();
    const result = await saveStep(db, officer, {
      zelfscanId: scanId,
      requirementNumber: 8,
      answers: {
        [onderdelen[0]!.id]: { baseVersion: versions[onderdelen[0]!.id], answer: { ...complete(0), toelichting: "Eerste, geldig" } },
        [onderdelen[1]!.id]: { baseVersion: versions[onderdelen[1]!.id], answer: { ...complete(0), toelichting: "" } },
      },
    });
    expect(result.status).toBe("invalid");
    // The refusal names the answer it is about: its errors are keyed by item and field.
    expect(Object.keys((result as Extract<typeof result, { status: "invalid" }>).fieldErrors)).toEqual([`${onderdelen[1]!.id}.toelichting`]);
    const after = await db.prisma.answer.findMany({ where: { zelfscanId: scanId, onderdeelId: { in: onderdelen.map((onderdeel) => onderdeel.id) } } });
    expect(after).toEqual(expect.arrayContaining(rows));
    expect(after.find((row) => row.onderdeelId === onderdelen[0]!.id)?.toelichting).not.toBe("Eerste, geldig");
    expect(await db.prisma.auditEntry.count()).toBe(audits);
  });

  it("saves a whole step as one unit", async () => {
    const onderdelen = framework.requirements.find((requirement) => requirement.number === 10)!.onderdelen;
    const rows = await db.prisma.answer.findMany({ where: { zelfscanId: scanId, onderdeelId: { in: onderdelen.map((onderdeel) => onderdeel.id) } } });
    const answers = Object.fromEntries(
      rows.map((row) => [row.onderdeelId, { baseVersion: row.version, answer: { ...complete(2), toelichting: `Stap 10, ${row.onderdeelId}` } }]),
    );
    const result = await saveStep(db, officer, { zelfscanId: scanId, requirementNumber: 10, answers });
    expect(result.status).toBe("ok");
    const after = await db.prisma.answer.findMany({ where: { zelfscanId: scanId, onderdeelId: { in: onderdelen.map((onderdeel) => onderdeel.id) } } });
    expect(after.every((row) => row.toelichting === `Stap 10, ${row.onderdeelId}` && row.score === 2)).toBe(true);
  });

  it("writes nothing of a step when one of its answers is stale, and names that answer", async () => {
    const onderdelen = framework.requirements.find((requirement) => requirement.number === 10)!.onderdelen;
    const where = { zelfscanId: scanId, onderdeelId: { in: onderdelen.map((onderdeel) => onderdeel.id) } };
    const rows = await db.prisma.answer.findMany({ where, orderBy: { onderdeelId: "asc" } });
    const stale = rows.at(-1)!;
    const audits = await db.prisma.auditEntry.count();
    const answers = Object.fromEntries(
      rows.map((row) => [
        row.onderdeelId,
        { baseVersion: row === stale ? row.version - 1 : row.version, answer: { ...complete(1), toelichting: `Verouderd ${row.onderdeelId}` } },
      ]),
    );
    const result = await saveStep(db, officer, { zelfscanId: scanId, requirementNumber: 10, answers });
    expect(result).toMatchObject({ status: "conflict", current: { onderdeelId: stale.onderdeelId, version: stale.version, toelichting: stale.toelichting } });
    expect(await db.prisma.answer.findMany({ where, orderBy: { onderdeelId: "asc" } })).toEqual(rows);
    expect(await db.prisma.auditEntry.count()).toBe(audits);
  });

  it("lets one of two simultaneous saves of the same step land whole; the other is a conflict and writes nothing", async () => {
    const onderdelen = framework.requirements.find((requirement) => requirement.number === 6)!.onderdelen;
    const where = { zelfscanId: scanId, onderdeelId: { in: onderdelen.map((onderdeel) => onderdeel.id) } };
    const rows = await db.prisma.answer.findMany({ where });
    const audits = await db.prisma.auditEntry.count({ where: { action: "antwoord.opgeslagen" } });
    const stepBy = (who: string) =>
      saveStep(db, officer, {
        zelfscanId: scanId,
        requirementNumber: 6,
        answers: Object.fromEntries(
          rows.map((row) => [row.onderdeelId, { baseVersion: row.version, answer: { ...complete(2), toelichting: `${who} ${row.onderdeelId}` } }]),
        ),
      });
    const countedBefore = await savesCounted();
    const [a, b] = await Promise.all([stepBy("A"), stepBy("B")]);
    expect([a.status, b.status].sort()).toEqual(["conflict", "ok"]);
    const counted = await savesCounted();
    expect([counted.saved! - countedBefore.saved!, counted.conflict! - (countedBefore.conflict ?? 0)]).toEqual([1, 1]);
    const winner = a.status === "ok" ? "A" : "B";
    const after = await db.prisma.answer.findMany({ where });
    expect(after).toHaveLength(rows.length);
    for (const row of after) {
      expect(row.toelichting).toBe(`${winner} ${row.onderdeelId}`);
      expect(row.version).toBe(rows.find((before) => before.id === row.id)!.version + 1);
    }
    expect(await db.prisma.auditEntry.count({ where: { action: "antwoord.opgeslagen" } })).toBe(audits + rows.length);
  });

  it("stores every field of a changed answer exactly as sent, and reports what it stored", async () => {
    const onderdeel = framework.onderdelen[30]!;
    const before = await db.prisma.answer.findUniqueOrThrow({ where: { zelfscanId_onderdeelId: { zelfscanId: scanId, onderdeelId: onderdeel.id } } });
    const answer = {
      score: 1,
      weetIkNiet: false,
      toelichting: "Afspraken met 'Veilig Thuis' — \"in ontwikkeling\"; één café, 👍 en \\ een backslash.",
      vastgelegdIn: ["regiovisie", "anders"],
      vastgelegdAnders: "Convenant {wijkteams}, 2026",
      evidence: [{ title: "Werkinstructie §2", url: "https://example.org/pad?x=1&y='2'" }],
      doelniveau: 2,
    };
    const result = await saveAnswer(db, officer, { zelfscanId: scanId, onderdeelId: onderdeel.id, request: { baseVersion: before.version, answer } });
    expect(result.status).toBe("ok");
    const row = await db.prisma.answer.findUniqueOrThrow({ where: { id: before.id }, include: { lastEditedBy: true } });
    expect(row).toMatchObject({ ...answer, version: before.version + 1, carriedOver: false });
    expect(row.lastEditedBy?.email).toBe(officer.email);
    const saved = (result as Extract<typeof result, { status: "ok" }>).data;
    expect(saved.version).toBe(row.version);
    expect(new Date(saved.updatedAt).getTime()).toBe(row.updatedAt.getTime());
    expect(Math.abs(row.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("submits only a complete scan, locks it, and lets only the region's leader reopen it with a reason", async () => {
    const probe = await db.prisma.answer.findFirstOrThrow({ where: { zelfscanId: scanId, onderdeelId: "9" } });
    await db.prisma.answer.update({ where: { id: probe.id }, data: { score: null, weetIkNiet: false } });
    const incomplete = await submitZelfscan(db.prisma, officer, { zelfscanId: scanId });
    expect(incomplete).toMatchObject({ status: "invalid", message: "U kunt nog niet indienen: 1 onderdeel is nog niet beantwoord." });
    await saveAnswer(db, officer, { zelfscanId: scanId, onderdeelId: "9", request: { baseVersion: probe.version, answer: complete(3) } });

    expect((await submitZelfscan(db.prisma, neighbour, { zelfscanId: scanId })).status).toBe("not-found");
    expect((await submitZelfscan(db.prisma, officer, { zelfscanId: scanId })).status).toBe("ok");
    const submitted = await db.prisma.zelfscan.findUniqueOrThrow({ where: { id: scanId } });
    expect(submitted).toMatchObject({ status: "INGEDIEND", submittedById: officer.userId });
    expect(submitted.submittedAt).toBeInstanceOf(Date);

    const countedBefore = await savesCounted();
    const locked = await saveAnswer(db, officer, { zelfscanId: scanId, onderdeelId: "9", request: { baseVersion: probe.version + 1, answer: complete(0) } });
    expect(locked.status).toBe("locked");
    expect((await savesCounted()).locked).toBe((countedBefore.locked ?? 0) + 1);

    expect((await reopenZelfscan(db.prisma, officer, { zelfscanId: scanId, values: { reden: "Ik wil nog iets wijzigen" } })).status).toBe("not-found");
    expect((await reopenZelfscan(db.prisma, otherLeader, { zelfscanId: scanId, values: { reden: "Niet mijn regio" } })).status).toBe("not-found");
    expect((await reopenZelfscan(db.prisma, leader, { zelfscanId: scanId, values: { reden: "" } })).status).toBe("invalid");
    expect((await reopenZelfscan(db.prisma, leader, { zelfscanId: scanId, values: { reden: "Toelichting bij 8c aanvullen na het gesprek." } })).status).toBe(
      "ok",
    );
    expect(await db.prisma.zelfscan.findUniqueOrThrow({ where: { id: scanId } })).toMatchObject({
      status: "HEROPEND",
      reopenedById: leader.userId,
      reopenReason: "Toelichting bij 8c aanvullen na het gesprek.",
    });
    const events = await db.prisma.auditEntry.findMany({
      where: { targetId: scanId, action: { in: ["zelfscan.ingediend", "zelfscan.heropend"] } },
      orderBy: { at: "asc" },
    });
    expect(events.map((event) => event.action)).toEqual(["zelfscan.ingediend", "zelfscan.heropend"]);
  });

  it("carries answers over from the previous round, marked until confirmed", async () => {
    const gemeente = regio.gemeenten[2]!;
    const carryingOfficer = actorOf(await createUser(db.prisma, { grants: [officerOf(gemeente)] }));
    const started = await startZelfscan(db.prisma, carryingOfficer, { gemeenteId: gemeente.id, meetrondeId: meetronde.id, carryOver: true });
    const id = started.status === "ok" ? started.data.zelfscanId : "";
    const previous = await db.prisma.answer.findMany({ where: { zelfscanId: previousScan.id } });
    const carried = await db.prisma.answer.findMany({ where: { zelfscanId: id } });
    expect(carried).toHaveLength(38);
    expect(carried.every((answer) => answer.carriedOver)).toBe(true);
    expect(carried.map((answer) => [answer.onderdeelId, answer.score]).sort()).toEqual(previous.map((answer) => [answer.onderdeelId, answer.score]).sort());
    expect((await submitZelfscan(db.prisma, carryingOfficer, { zelfscanId: id })).status).toBe("invalid");
    const one = carried[0]!;
    await saveAnswer(db, carryingOfficer, {
      zelfscanId: id,
      onderdeelId: one.onderdeelId,
      request: {
        baseVersion: one.version,
        confirm: true,
        answer: { ...emptyAnswer(3), score: one.score, weetIkNiet: one.weetIkNiet, toelichting: one.toelichting, vastgelegdIn: one.vastgelegdIn },
      },
    });
    expect((await db.prisma.answer.findUniqueOrThrow({ where: { id: one.id } })).carriedOver).toBe(false);
    // Starting again finds the same scan instead of a second one.
    expect(await startZelfscan(db.prisma, carryingOfficer, { gemeenteId: gemeente.id, meetrondeId: meetronde.id, carryOver: true })).toEqual({
      status: "ok",
      data: { zelfscanId: id },
    });
  });
});
