// Comments on a submitted scan: the region's leader starts a thread, the gemeente answers; nobody
// outside the gemeente and its region reads or writes them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { NOT_FOUND_MESSAGE } from "@/lib/shared/result";
import { addComment } from "@/lib/zelfscan/comments";
import { listComments } from "@/lib/zelfscan/queries";
import { actorOf, BEHEERDER, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("comments on the %s database", (kind) => {
  let db: TestDatabase;
  let submitted: string;
  let concept: string;
  const actors = {} as Record<"officer" | "officerSameRegio" | "officerElsewhere" | "leader" | "leaderElsewhere" | "beheerder", Actor>;
  const names = {} as Record<"officer" | "leader", string>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    // A region of two gemeenten, the first with a submitted scan in a closed round and a scan still
    // in concept in the open round; and another region with a gemeente of its own.
    const regio = await createRegio(p, { gemeenten: 2 });
    const other = await createRegio(p, { gemeenten: 1 });
    const [gemeente, neighbour] = regio.gemeenten;
    const officer = await createUser(p, { grants: [officerOf(gemeente!)] });
    const leader = await createUser(p, { grants: [leaderOf(regio)] });
    names.officer = officer.name;
    names.leader = leader.name;
    actors.officer = actorOf(officer);
    actors.leader = actorOf(leader);
    actors.officerSameRegio = actorOf(await createUser(p, { grants: [officerOf(neighbour!)] }));
    actors.officerElsewhere = actorOf(await createUser(p, { grants: [officerOf(other.gemeenten[0]!)] }));
    actors.leaderElsewhere = actorOf(await createUser(p, { grants: [leaderOf(other)] }));
    actors.beheerder = actorOf(await createUser(p, { grants: [BEHEERDER] }));
    const closed = await createMeetronde(p, { regio, status: "GESLOTEN", startsOn: new Date("2021-01-01T00:00:00Z") });
    const open = await createMeetronde(p, { regio, status: "OPEN" });
    submitted = (await createZelfscan(p, { gemeente: gemeente!, meetronde: closed, status: "INGEDIEND", answers: "all", editor: officer })).id;
    concept = (await createZelfscan(p, { gemeente: gemeente!, meetronde: open, answers: 5, editor: officer })).id;
  });
  afterAll(() => db?.drop());

  it("the leader starts a thread on an item of a submitted scan and the gemeente answers in it", async () => {
    const leader = actors.leader;
    const officer = actors.officer;
    const thread = await addComment(db.prisma, leader, {
      zelfscanId: submitted,
      onderdeelId: "3a",
      values: { body: "Hoe is de visie op <b>veiligheid</b> vastgelegd?" },
    });
    expect(thread.status).toBe("ok");
    const threadId = thread.status === "ok" ? thread.data.id : "";
    expect(
      await addComment(db.prisma, officer, { zelfscanId: submitted, onderdeelId: "3a", parentId: threadId, values: { body: "In de regiovisie van 2020." } }),
    ).toMatchObject({ status: "ok" });
    const threads = await listComments(db.prisma, officer, submitted);
    expect(threads!.get("3a")).toEqual([
      expect.objectContaining({
        author: names.leader,
        body: "Hoe is de visie op <b>veiligheid</b> vastgelegd?",
        replies: [expect.objectContaining({ author: names.officer, body: "In de regiovisie van 2020." })],
      }),
    ]);
    expect(await db.prisma.auditEntry.count({ where: { action: { in: ["opmerking.geplaatst", "opmerking.beantwoord"] } } })).toBe(2);
  });

  it("refuses everyone else, threads by the gemeente itself, other items, unsubmitted scans and empty text", async () => {
    const leader = actors.leader;
    const thread = await addComment(db.prisma, leader, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "Vraag" } });
    const threadId = thread.status === "ok" ? thread.data.id : "";
    const notFound = { status: "not-found", message: NOT_FOUND_MESSAGE };
    const before = await db.prisma.comment.count();
    for (const label of ["officerSameRegio", "officerElsewhere", "leaderElsewhere", "beheerder"] as const) {
      const actor = actors[label];
      expect(await listComments(db.prisma, actor, submitted), label).toBeNull();
      expect(await addComment(db.prisma, actor, { zelfscanId: submitted, onderdeelId: "7a", parentId: threadId, values: { body: "x" } }), label).toEqual(
        notFound,
      );
      expect(await addComment(db.prisma, actor, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "x" } }), label).toEqual(notFound);
    }
    const officer = actors.officer;
    expect(await addComment(db.prisma, officer, { zelfscanId: submitted, onderdeelId: "7a", values: { body: "Een eigen draad" } })).toEqual(notFound);
    expect(await addComment(db.prisma, officer, { zelfscanId: submitted, onderdeelId: "7b", parentId: threadId, values: { body: "Ander onderdeel" } })).toEqual(
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
