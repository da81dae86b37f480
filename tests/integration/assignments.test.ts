// Assignments (issue 15): only the gemeente's coordinator assigns, to its active officers, onderdelen
// of the scan's framework; each newly assigned person gets one message; the due-date reminder goes
// exactly once; and while the scan lets only assignees change their onderdelen, the save path
// writes nothing for an onderdeel of someone else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { runAssignmentReminders } from "@/lib/mail/reminders";
import { emptyAnswer } from "@/lib/shared/zelfscan/answer-schema";
import { assignOnderdelen, listAssignments, reassignOnderdelen, setOnlyAssigneesEdit, unassign, updateAssignment } from "@/lib/zelfscan/assignments";
import { saveAnswer, saveStep } from "@/lib/zelfscan/mutations";
import { actorOf, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const eis7 = framework.requirements.find((requirement) => requirement.number === 7)!;
const eis7Ids = eis7.onderdelen.map((onderdeel) => onderdeel.id);
const complete = (score: number) => ({ ...emptyAnswer(3), score, toelichting: score < 3 ? `Toelichting bij niveau ${score}.` : "" });

describe.each(DATABASE_KINDS)("assignments on the %s database", (kind) => {
  let db: TestDatabase;
  let coordinator: Actor;
  let colleague: Actor;
  let second: Actor;
  let leader: Actor;
  let otherCoordinator: Actor;
  let scanId: string;
  let otherScanId: string;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    const regio = await createRegio(p, { gemeenten: 2 });
    const [gemeente, neighbour] = regio.gemeenten as [(typeof regio.gemeenten)[number], (typeof regio.gemeenten)[number]];
    coordinator = actorOf(await createUser(p, { name: "Anouk Coördinator", grants: [officerOf(gemeente)] }));
    colleague = actorOf(await createUser(p, { name: "Daan Collega", grants: [officerOf(gemeente)] }));
    second = actorOf(await createUser(p, { name: "Eva Tweede", grants: [officerOf(gemeente)] }));
    leader = actorOf(await createUser(p, { grants: [leaderOf(regio)] }));
    otherCoordinator = actorOf(await createUser(p, { grants: [officerOf(neighbour)] }));
    await p.gemeente.update({ where: { id: gemeente.id }, data: { coordinatorId: coordinator.userId } });
    await p.gemeente.update({ where: { id: neighbour.id }, data: { coordinatorId: otherCoordinator.userId } });
    const meetronde = await createMeetronde(p, { regio, status: "OPEN", deadline: new Date("2027-01-29T22:59:59.999Z") });
    scanId = (await createZelfscan(p, { gemeente, meetronde, answers: 14 })).id; // eis 7 (7a–7f) open
    otherScanId = (await createZelfscan(p, { gemeente: neighbour, meetronde })).id;
  });
  afterAll(async () => {
    await db.drop();
  });

  const assign = (actor: Actor, values: Record<string, unknown>, zelfscanId = scanId) =>
    assignOnderdelen(db.prisma, actor, { zelfscanId, values: { dueOn: "", note: "", ...values } });

  it("lets only the gemeente's coordinator assign: a colleague, a leader and another gemeente's coordinator get not-found, audited", async () => {
    for (const actor of [colleague, leader, otherCoordinator]) {
      expect((await assign(actor, { onderdeelIds: eis7Ids, userIds: [colleague.userId] })).status).toBe("not-found");
    }
    expect((await assign(otherCoordinator, { onderdeelIds: ["1"], userIds: [otherCoordinator.userId] }, otherScanId)).status).toBe("ok");
    expect((await assign(coordinator, { onderdeelIds: ["1"], userIds: [colleague.userId] }, otherScanId)).status).toBe("not-found");
    expect(await db.prisma.assignment.count({ where: { zelfscanId: scanId } })).toBe(0);
    expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", details: { path: ["handeling"], equals: "onderdelen toewijzen" } } })).toBe(
      4,
    );
    await db.prisma.assignment.deleteMany({ where: { zelfscanId: otherScanId } });
  });

  it("refuses unknown onderdelen and people who are not active officers of the gemeente, with field errors", async () => {
    const unknown = await assign(coordinator, { onderdeelIds: ["99z"], userIds: [colleague.userId] });
    expect(unknown).toMatchObject({ status: "invalid", fieldErrors: { onderdeelIds: expect.stringContaining("99z") } });
    const stranger = await assign(coordinator, { onderdeelIds: eis7Ids, userIds: [otherCoordinator.userId] });
    expect(stranger).toMatchObject({ status: "invalid", fieldErrors: { userIds: expect.any(String) } });
    const nobody = await assign(coordinator, { onderdeelIds: eis7Ids, userIds: [] });
    expect(nobody).toMatchObject({ status: "invalid", fieldErrors: { userIds: "Kies ten minste één collega." } });
    const badDate = await assign(coordinator, { onderdeelIds: eis7Ids, userIds: [colleague.userId], dueOn: "2026-13-45" });
    expect(badDate.status).toBe("invalid");
    expect(await db.prisma.assignment.count({ where: { zelfscanId: scanId } })).toBe(0);
  });

  it("assigns an eis to two people with a due date and note, one message each, and not again when repeated", async () => {
    const result = await assign(coordinator, {
      onderdeelIds: eis7Ids,
      userIds: [colleague.userId, second.userId],
      dueOn: "2026-12-10",
      note: "Graag met de jeugdzorgregio.",
    });
    expect(result.status).toBe("ok");
    const rows = await db.prisma.assignment.findMany({ where: { zelfscanId: scanId } });
    expect(rows).toHaveLength(eis7Ids.length * 2);
    expect(rows.every((row) => row.dueOn?.toISOString() === "2026-12-10T22:59:59.999Z" && row.assignedById === coordinator.userId)).toBe(true);
    const messages = await db.prisma.message.findMany({ where: { kind: "TOEWIJZING" }, orderBy: { to: "asc" } });
    expect(messages.map((message) => message.userId).sort()).toEqual([colleague.userId, second.userId].sort());
    for (const message of messages) {
      for (const onderdeel of eis7.onderdelen) expect(message.text).toContain(`Onderdeel ${onderdeel.id} (${onderdeel.shortTitle}), termijn 10 december 2026`);
      expect(message.text).toContain("Graag met de jeugdzorgregio.");
      expect(message.text).toContain(`/zelfscans/${scanId}`);
      expect(message.text).not.toMatch(/score|Toelichting bij/i);
    }
    expect(await db.prisma.auditEntry.count({ where: { action: "toewijzing.gemaakt", targetId: scanId } })).toBe(1);
    // Again: the due date changes, nobody is newly assigned, no new message.
    expect((await assign(coordinator, { onderdeelIds: eis7Ids, userIds: [colleague.userId], dueOn: "2026-12-11" })).status).toBe("ok");
    expect(await db.prisma.assignment.count({ where: { zelfscanId: scanId } })).toBe(eis7Ids.length * 2);
    expect(await db.prisma.message.count({ where: { kind: "TOEWIJZING" } })).toBe(2);
    const view = await listAssignments(db.prisma, leader, scanId);
    expect(view?.byOnderdeel.get(eis7Ids[0]!)?.map((row) => row.name)).toEqual(["Daan Collega", "Eva Tweede"]);
    expect(view?.coordinates).toBe(false);
    expect(await listAssignments(db.prisma, otherCoordinator, scanId)).toBeNull();
  });

  it("changes, moves and withdraws assignments, with audit entries and a message to the new assignee", async () => {
    const first = eis7Ids[0]!;
    expect(
      (await updateAssignment(db.prisma, colleague, { zelfscanId: scanId, userId: second.userId, onderdeelIds: [first], values: { dueOn: "", note: "" } }))
        .status,
    ).toBe("not-found");
    const updated = await updateAssignment(db.prisma, coordinator, {
      zelfscanId: scanId,
      userId: second.userId,
      onderdeelIds: [first],
      values: { dueOn: "", note: "Geen haast." },
    });
    expect(updated.status).toBe("ok");
    expect(await db.prisma.assignment.findFirst({ where: { zelfscanId: scanId, userId: second.userId, onderdeelId: first } })).toMatchObject({
      dueOn: null,
      note: "Geen haast.",
    });
    const before = await db.prisma.message.count({ where: { kind: "TOEWIJZING" } });
    const moved = await reassignOnderdelen(db.prisma, coordinator, {
      zelfscanId: scanId,
      userId: second.userId,
      onderdeelIds: [first],
      toUserId: coordinator.userId,
    });
    expect(moved.status).toBe("ok");
    expect(await db.prisma.assignment.count({ where: { zelfscanId: scanId, onderdeelId: first, userId: second.userId } })).toBe(0);
    expect(await db.prisma.assignment.count({ where: { zelfscanId: scanId, onderdeelId: first, userId: coordinator.userId } })).toBe(1);
    // The coordinator took it herself: only the notice to the one it was taken from.
    const notices = await db.prisma.message.findMany({ where: { kind: "TOEWIJZING" }, orderBy: { createdAt: "asc" }, skip: before });
    expect(notices.map((message) => message.userId)).toEqual([second.userId]);
    expect(notices[0]!.subject).toContain("overgedragen aan Anouk Coördinator");
    const withdrawn = await unassign(db.prisma, coordinator, { zelfscanId: scanId, userId: coordinator.userId, onderdeelIds: [first] });
    expect(withdrawn.status).toBe("ok");
    expect(await db.prisma.assignment.count({ where: { zelfscanId: scanId, onderdeelId: first } })).toBe(1);
    for (const action of ["toewijzing.gewijzigd", "toewijzing.ingetrokken"] as const) {
      expect(await db.prisma.auditEntry.count({ where: { action, targetId: scanId } })).toBeGreaterThan(0);
    }
  });

  it("sends the due-date reminder once, 3 days before, and once when overdue; none for answered onderdelen or a submitted scan", async () => {
    // Eis 7's onderdelen: due 11 December for Daan, 10 December for Eva (the first is no longer hers).
    expect(await runAssignmentReminders(db, new Date("2026-12-05T08:00:00Z"))).toBe(0);
    expect(await runAssignmentReminders(db, new Date("2026-12-08T07:00:00Z"))).toBe(2);
    expect(await runAssignmentReminders(db, new Date("2026-12-08T07:00:00Z"))).toBe(0);
    const reminders = await db.prisma.message.findMany({ where: { kind: "TOEWIJZING_TERMIJN" } });
    expect(reminders.map((message) => message.userId).sort()).toEqual([colleague.userId, second.userId].sort());
    expect(reminders.find((message) => message.userId === colleague.userId)!.text).toContain(`Onderdeel ${eis7Ids[0]} (`);
    expect(reminders.find((message) => message.userId === second.userId)!.text).not.toContain(`Onderdeel ${eis7Ids[0]} (`);
    // Daan answers all of eis 7: his overdue reminder does not come; Eva's does, once.
    for (const id of eis7Ids) {
      const stored = await db.prisma.answer.findUnique({ where: { zelfscanId_onderdeelId: { zelfscanId: scanId, onderdeelId: id } } });
      expect(
        (await saveAnswer(db, colleague, { zelfscanId: scanId, onderdeelId: id, request: { baseVersion: stored?.version ?? 0, answer: complete(3) } })).status,
      ).toBe("ok");
    }
    // All of eis 7 answered: nobody is reminded.
    expect(await runAssignmentReminders(db, new Date("2026-12-12T07:00:00Z"))).toBe(0);
    await db.prisma.answer.updateMany({ where: { zelfscanId: scanId, onderdeelId: eis7Ids.at(-1)! }, data: { carriedOver: true } });
    await db.prisma.zelfscan.update({ where: { id: scanId }, data: { status: "INGEDIEND" } });
    expect(await runAssignmentReminders(db, new Date("2026-12-12T07:00:00Z"))).toBe(0);
    await db.prisma.zelfscan.update({ where: { id: scanId }, data: { status: "CONCEPT" } });
    // Carried over and not confirmed counts as open: the overdue reminder, once per person.
    expect(await runAssignmentReminders(db, new Date("2026-12-12T07:00:00Z"))).toBe(2);
    expect(await runAssignmentReminders(db, new Date("2026-12-13T07:00:00Z"))).toBe(0);
    await db.prisma.answer.updateMany({ where: { zelfscanId: scanId }, data: { carriedOver: false } });
  });

  it("lets everyone save by default, and with onlyAssigneesEdit only the assignees and the coordinator; writing nothing otherwise", async () => {
    const id = eis7Ids.at(-1)!; // assigned to Daan and Eva
    const open = framework.onderdelen[30]!.id; // assigned to nobody
    const version = async (onderdeelId: string) =>
      (await db.prisma.answer.findUnique({ where: { zelfscanId_onderdeelId: { zelfscanId: scanId, onderdeelId } } }))?.version ?? 0;
    const save = async (actor: Actor, onderdeelId: string) =>
      saveAnswer(db, actor, { zelfscanId: scanId, onderdeelId, request: { baseVersion: await version(onderdeelId), answer: complete(2) } });
    // The default (false): a colleague changes an onderdeel that is not theirs.
    expect((await save(colleague, open)).status).toBe("ok");
    expect((await setOnlyAssigneesEdit(db.prisma, colleague, { zelfscanId: scanId, onlyAssigneesEdit: true })).status).toBe("not-found");
    expect((await setOnlyAssigneesEdit(db.prisma, coordinator, { zelfscanId: scanId, onlyAssigneesEdit: true })).status).toBe("ok");
    expect(await db.prisma.auditEntry.count({ where: { action: "zelfscan.toewijzingsregel-gewijzigd", targetId: scanId } })).toBe(1);
    const other = actorOf(await createUser(db.prisma, { grants: colleague.grants }));
    const refused = await save(other, id);
    expect(refused).toEqual({
      status: "locked",
      message: `Onderdeel ${id} is toegewezen aan Daan Collega en Eva Tweede; alleen zij en de coördinator kunnen het wijzigen.`,
    });
    expect((await save(colleague, open)).status).toBe("locked");
    // A whole step with one onderdeel that is not theirs writes nothing at all.
    const before = await db.prisma.answer.findMany({ where: { zelfscanId: scanId, onderdeelId: { in: eis7Ids } }, orderBy: { onderdeelId: "asc" } });
    const answers = Object.fromEntries(
      await Promise.all(eis7Ids.map(async (onderdeelId) => [onderdeelId, { baseVersion: await version(onderdeelId), answer: complete(1) }] as const)),
    );
    expect((await saveStep(db, second, { zelfscanId: scanId, requirementNumber: 7, answers })).status).toBe("locked");
    expect(await db.prisma.answer.findMany({ where: { zelfscanId: scanId, onderdeelId: { in: eis7Ids } }, orderBy: { onderdeelId: "asc" } })).toEqual(before);
    // Daan has every onderdeel of eis 7; the coordinator changes everything.
    expect((await saveStep(db, colleague, { zelfscanId: scanId, requirementNumber: 7, answers })).status).toBe("ok");
    expect((await save(coordinator, open)).status).toBe("ok");
    const listed = await listAssignments(db.prisma, second, scanId);
    expect(listed?.mayEditOnderdeel(open)).toBe(false);
    expect(listed?.mayEditOnderdeel(id)).toBe(true);
    expect((await setOnlyAssigneesEdit(db.prisma, coordinator, { zelfscanId: scanId, onlyAssigneesEdit: false })).status).toBe("ok");
    expect((await save(other, id)).status).toBe("ok");
  });
});
