// The defect the one rule "may this scan be changed" (lib/access/rules/editable.ts) fixes: a scan
// whose round is closed is not offered for editing, and every change of it is refused; opened
// again, it can be changed once more. tests/integration/access-rules.test.ts checks that all forms
// of the rule agree over every case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { closeMeetronde, openMeetronde } from "@/lib/regio/mutations";
import { emptyAnswer } from "@/lib/shared/zelfscan/answer-schema";
import { saveAnswer, saveStep, startZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";
import { getZelfscan } from "@/lib/zelfscan/queries";
import { actorOf, createMeetronde, createRegio, createUser, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const complete = (score: number) => ({ ...emptyAnswer(3), score, toelichting: `Toelichting bij niveau ${score}.` });

describe.each(DATABASE_KINDS)("the rule 'may this scan be changed' on the %s database", (kind) => {
  let db: TestDatabase;
  const actors: Record<"officer" | "leader", Actor> = {} as never;
  let regio: Awaited<ReturnType<typeof createRegio>>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    regio = await createRegio(db.prisma, { gemeenten: 1 });
    actors.officer = actorOf(await createUser(db.prisma, { grants: [officerOf(regio.gemeenten[0]!)] }));
    actors.leader = actorOf(await createUser(db.prisma, { grants: [leaderOf(regio)] }));
  });
  afterAll(() => db?.drop());

  it("does not offer a scan for editing once its round is closed, and refuses every change of it", async () => {
    const p = db.prisma;
    const officer = actors.officer;
    const meetronde = await createMeetronde(p, { regio, status: "OPEN", name: "Ronde die sluit" });
    const started = await startZelfscan(p, officer, { gemeenteId: regio.gemeenten[0]!.id, meetrondeId: meetronde.id, carryOver: false });
    expect(started.status).toBe("ok");
    const zelfscanId = started.status === "ok" ? started.data.zelfscanId : "";
    const onderdeel = framework.onderdelen[0]!;
    expect((await saveAnswer(db, officer, { zelfscanId, onderdeelId: onderdeel.id, request: { baseVersion: 0, answer: complete(1) } })).status).toBe("ok");
    expect((await getZelfscan(p, officer, zelfscanId))?.mayEdit).toBe(true);

    expect((await closeMeetronde(p, actors.leader, { meetrondeId: meetronde.id })).status).toBe("ok");
    const before = await p.answer.findMany({ where: { zelfscanId } });
    const audits = await p.auditEntry.count();

    const page = await getZelfscan(p, officer, zelfscanId);
    expect(page?.scan.status).toBe("CONCEPT");
    expect(page?.mayEdit).toBe(false);
    expect(page?.lockedForOfficer).toBe("Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd.");
    // The region's leader reads it, but no officer notice is meant for them.
    expect((await getZelfscan(p, actors.leader, zelfscanId))?.lockedForOfficer).toBeNull();

    const locked = { status: "locked", message: "Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd." };
    expect(await saveAnswer(db, officer, { zelfscanId, onderdeelId: onderdeel.id, request: { baseVersion: 1, answer: complete(3) } })).toEqual(locked);
    const step = framework.requirements[0]!;
    const answers = Object.fromEntries(
      step.onderdelen.map((candidate) => [candidate.id, { baseVersion: candidate.id === onderdeel.id ? 1 : 0, answer: complete(3) }]),
    );
    expect(await saveStep(db, officer, { zelfscanId, requirementNumber: step.number, answers })).toMatchObject(locked);
    expect(await submitZelfscan(p, officer, { zelfscanId })).toEqual(locked);

    expect(await p.answer.findMany({ where: { zelfscanId } })).toEqual(before);
    expect(await p.zelfscan.findUniqueOrThrow({ where: { id: zelfscanId }, select: { status: true } })).toEqual({ status: "CONCEPT" });
    expect(await p.auditEntry.count()).toBe(audits);

    // Opened again, it is the officers' to change once more.
    expect((await openMeetronde(p, actors.leader, { meetrondeId: meetronde.id })).status).toBe("ok");
    expect((await getZelfscan(p, officer, zelfscanId))?.mayEdit).toBe(true);
    expect((await saveAnswer(db, officer, { zelfscanId, onderdeelId: onderdeel.id, request: { baseVersion: 1, answer: complete(3) } })).status).toBe("ok");
  });
});
