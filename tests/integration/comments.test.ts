// Comments on a submitted scan: the Haaglanden leader starts a thread, Delft answers; nobody
// outside Delft and its region reads or writes them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/demo/seed";
import { NOT_FOUND_MESSAGE } from "@/lib/shared/result";
import { addComment } from "@/lib/zelfscan/comments";
import { listComments } from "@/lib/zelfscan/queries";
import { actorFor, ROLES } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("comments on the %s database", (kind) => {
  let db: TestDatabase;
  let submitted: string;
  let concept: string;
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    const scans = await db.prisma.zelfscan.findMany({ where: { gemeente: { slug: "delft" } }, include: { meetronde: true } });
    submitted = scans.find((scan) => scan.status === "INGEDIEND")!.id;
    concept = scans.find((scan) => scan.status === "CONCEPT")!.id;
  });
  afterAll(() => db?.drop());

  it("the leader starts a thread on an item of a submitted scan and the gemeente answers in it", async () => {
    const leader = await actorFor(db.prisma, ROLES.leaderHaaglanden);
    const delft = await actorFor(db.prisma, ROLES.officerDelft);
    const thread = await addComment(db.prisma, leader, {
      zelfscanId: submitted,
      onderdeelId: "3a",
      values: { body: "Hoe is de visie op <b>veiligheid</b> vastgelegd?" },
    });
    expect(thread.status).toBe("ok");
    const threadId = thread.status === "ok" ? thread.data.id : "";
    expect(
      await addComment(db.prisma, delft, { zelfscanId: submitted, onderdeelId: "3a", parentId: threadId, values: { body: "In de regiovisie van 2020." } }),
    ).toMatchObject({ status: "ok" });
    const threads = await listComments(db.prisma, delft, submitted);
    expect(threads!.get("3a")).toEqual([
      expect.objectContaining({
        author: "Marieke Jansen",
        body: "Hoe is de visie op <b>veiligheid</b> vastgelegd?",
        replies: [expect.objectContaining({ author: "Anouk de Vries", body: "In de regiovisie van 2020." })],
      }),
    ]);
    expect(await db.prisma.auditEntry.count({ where: { action: { in: ["opmerking.geplaatst", "opmerking.beantwoord"] } } })).toBe(2);
  });

  it("refuses everyone else, threads by the gemeente itself, other items, unsubmitted scans and empty text", async () => {
    const leader = await actorFor(db.prisma, ROLES.leaderHaaglanden);
    const thread = await addComment(db.prisma, leader, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "Vraag" } });
    const threadId = thread.status === "ok" ? thread.data.id : "";
    const notFound = { status: "not-found", message: NOT_FOUND_MESSAGE };
    const before = await db.prisma.comment.count();
    for (const email of [ROLES.officerRijswijk, ROLES.officerLeiden, ROLES.leaderHollandsMidden, ROLES.beheerder]) {
      const actor = await actorFor(db.prisma, email);
      expect(await listComments(db.prisma, actor, submitted), email).toBeNull();
      expect(await addComment(db.prisma, actor, { zelfscanId: submitted, onderdeelId: "7a", parentId: threadId, values: { body: "x" } }), email).toEqual(
        notFound,
      );
      expect(await addComment(db.prisma, actor, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "x" } }), email).toEqual(notFound);
    }
    const delft = await actorFor(db.prisma, ROLES.officerDelft);
    expect(await addComment(db.prisma, delft, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "Een eigen draad" } })).toEqual(notFound);
    expect(await addComment(db.prisma, delft, { zelfscanId: submitted, onderdeelId: "7b", parentId: threadId, values: { body: "Ander onderdeel" } })).toEqual(
      notFound,
    );
    expect(await addComment(db.prisma, leader, { zelfscanId: submitted, onderdeelId: "99", values: { body: "x" } })).toEqual(notFound);
    expect(await addComment(db.prisma, leader, { zelfscanId: concept, onderdeelId: "7a", values: { body: "Te vroeg" } })).toMatchObject({ status: "invalid" });
    expect(await addComment(db.prisma, leader, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "   " } })).toMatchObject({
      status: "invalid",
      fieldErrors: { body: "Schrijf een opmerking." },
    });
    expect(await addComment(db.prisma, leader, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "x", authorId: "iemand" } })).toMatchObject({
      status: "invalid",
    });
    expect(await db.prisma.comment.count()).toBe(before);
  });
});
