// The messages of a zelfscan's events and the deadline reminders, on both databases: each event
// writes its messages, in its own transaction, to the right people and nobody else (not another
// gemeente's officers, not a deactivated account, not the person who caused it); nothing when the
// change is refused or rolls back; and runReminders, at fixed moments, writes each due reminder
// once, only the most recent one, and none after the deadline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import type { MessageKind } from "@/lib/generated/prisma/enums";
import { runReminders } from "@/lib/mail/reminders";
import { closeMeetronde, openMeetronde } from "@/lib/regio/mutations";
import { endOfDayInAmsterdam } from "@/lib/shared/dates";
import { addComment } from "@/lib/zelfscan/comments";
import { reopenZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";
import { actorOf, createMeetronde, createRegio, createUser, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

type Person = Awaited<ReturnType<typeof createUser>>;

describe.each(DATABASE_KINDS)("the messages of the zelfscan's events on the %s database", (kind) => {
  let db: TestDatabase;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let other: Awaited<ReturnType<typeof createRegio>>;
  const people = {} as Record<"officer" | "colleague" | "inactive" | "neighbour" | "elsewhere" | "leader" | "coLeader" | "leaderElsewhere", Person>;
  const actor = (name: keyof typeof people): Actor => actorOf(people[name]);

  /** Who got a message of `kind` whose dedupe key starts with `prefix`, by name, sorted. */
  const recipients = async (kind: MessageKind, prefix: string) => {
    const messages = await db.prisma.message.findMany({ where: { kind, dedupeKey: { startsWith: prefix } }, select: { userId: true } });
    const byId = new Map(Object.entries(people).map(([name, person]) => [person.id, name]));
    return messages.map((message) => byId.get(message.userId!) ?? message.userId).sort();
  };
  const messagesOf = (kind: MessageKind, prefix: string) => db.prisma.message.findMany({ where: { kind, dedupeKey: { startsWith: prefix } } });

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const p = db.prisma;
    regio = await createRegio(p, { name: `Regio Haaglanden ${kind}`, gemeenten: 2 });
    other = await createRegio(p, { gemeenten: 1 });
    const [gemeente, neighbour] = regio.gemeenten;
    people.officer = await createUser(p, { name: "Anouk de Vries", grants: [officerOf(gemeente!)] });
    people.colleague = await createUser(p, { grants: [officerOf(gemeente!)] });
    people.inactive = await createUser(p, { grants: [officerOf(gemeente!)], active: false });
    people.neighbour = await createUser(p, { grants: [officerOf(neighbour!)] });
    people.elsewhere = await createUser(p, { grants: [officerOf(other.gemeenten[0]!)] });
    people.leader = await createUser(p, { name: "Pieter Jansen", grants: [leaderOf(regio)] });
    people.coLeader = await createUser(p, { grants: [leaderOf(regio)] });
    await createUser(p, { grants: [leaderOf(regio)], active: false });
    people.leaderElsewhere = await createUser(p, { grants: [leaderOf(other)] });
  });
  afterAll(() => db?.drop());

  it("a round opened: every active officer of the region's gemeenten, with the round, its Dutch deadline and their gemeente's scan; once per opening", async () => {
    const meetronde = await createMeetronde(db.prisma, { regio, status: "GEPLAND", name: "Nulmeting 2027", deadline: endOfDayInAmsterdam("2027-06-30") });
    const prefix = `meetronde-geopend:${meetronde.id}:`;
    expect((await openMeetronde(db.prisma, actor("leaderElsewhere"), { meetrondeId: meetronde.id })).status).toBe("not-found");
    expect(await recipients("MEETRONDE_GEOPEND", prefix)).toEqual([]);

    expect((await openMeetronde(db.prisma, actor("leader"), { meetrondeId: meetronde.id })).status).toBe("ok");
    expect(await recipients("MEETRONDE_GEOPEND", prefix)).toEqual(["colleague", "neighbour", "officer"]);
    const [toOfficer] = (await messagesOf("MEETRONDE_GEOPEND", prefix)).filter((message) => message.userId === people.officer.id);
    expect(toOfficer).toMatchObject({ to: people.officer.email, gemeenteId: regio.gemeenten[0]!.id, regioId: regio.id, status: "WACHTEND" });
    expect(toOfficer!.subject).toBe("Meetronde Nulmeting 2027 is geopend");
    expect(toOfficer!.text).toContain(`Gemeente ${regio.gemeenten[0]!.name} · regio ${regio.name}`);
    expect(toOfficer!.text).toContain("Beste Anouk de Vries,");
    expect(toOfficer!.text).toContain("De deadline is 30 juni 2027.");
    expect(toOfficer!.text).toMatch(
      new RegExp(`Open de zelfscan van gemeente ${regio.gemeenten[0]!.name}: http://\\S+/gemeenten/${regio.gemeenten[0]!.slug}\\n`),
    );
    expect(toOfficer!.html).toContain(`/gemeenten/${regio.gemeenten[0]!.slug}`);

    // Already open: refused, nothing new. Closed and opened again: a new announcement, linking to the scan that exists now.
    expect((await openMeetronde(db.prisma, actor("coLeader"), { meetrondeId: meetronde.id })).status).toBe("invalid");
    expect(await recipients("MEETRONDE_GEOPEND", prefix)).toHaveLength(3);
    const scan = await createZelfscan(db.prisma, { gemeente: regio.gemeenten[0]!, meetronde });
    expect((await closeMeetronde(db.prisma, actor("leader"), { meetrondeId: meetronde.id })).status).toBe("ok");
    expect(await recipients("MEETRONDE_GEOPEND", prefix)).toHaveLength(3);
    expect((await openMeetronde(db.prisma, actor("coLeader"), { meetrondeId: meetronde.id })).status).toBe("ok");
    const all = await messagesOf("MEETRONDE_GEOPEND", prefix);
    expect(all).toHaveLength(6);
    expect(
      all
        .filter((message) => message.userId === people.officer.id)
        .map((message) => /\/(zelfscans|gemeenten)\/\S+/.exec(message.text!)![0])
        .sort(),
    ).toEqual([`/gemeenten/${regio.gemeenten[0]!.slug}`, `/zelfscans/${scan.id}`].sort());
  });

  it("a scan submitted: the region's active leaders, with who and when, without any answer; reopened: the gemeente's officers, with the reason", async () => {
    const meetronde = await createMeetronde(db.prisma, { regio, status: "OPEN", name: "Herhaalmeting 2027" });
    const scan = await createZelfscan(db.prisma, { gemeente: regio.gemeenten[0]!, meetronde, answers: "all", editor: people.officer });
    const submitted = `zelfscan-ingediend:${scan.id}:`;
    const reopened = `zelfscan-heropend:${scan.id}:`;

    expect((await submitZelfscan(db.prisma, actor("neighbour"), { zelfscanId: scan.id })).status).toBe("not-found");
    expect(await recipients("ZELFSCAN_INGEDIEND", submitted)).toEqual([]);
    expect((await submitZelfscan(db.prisma, actor("officer"), { zelfscanId: scan.id })).status).toBe("ok");
    expect(await recipients("ZELFSCAN_INGEDIEND", submitted)).toEqual(["coLeader", "leader"]);
    const [mail] = (await messagesOf("ZELFSCAN_INGEDIEND", submitted)).filter((message) => message.userId === people.leader.id);
    expect(mail!.subject).toBe(`Gemeente ${regio.gemeenten[0]!.name} heeft de zelfscan Herhaalmeting 2027 ingediend`);
    expect(mail!.text).toContain("Beste Pieter Jansen,");
    expect(mail!.text).toContain("Anouk de Vries heeft de zelfscan Herhaalmeting 2027 van gemeente");
    expect(mail!.text).toContain(`/zelfscans/${scan.id}\n`);
    expect(mail!.text).not.toContain("Toelichting bij onderdeel");
    expect(mail!.html).not.toContain("Toelichting bij onderdeel");
    // A second submit (another tab) is refused and tells nobody again.
    expect((await submitZelfscan(db.prisma, actor("colleague"), { zelfscanId: scan.id })).status).toBe("locked");
    expect(await recipients("ZELFSCAN_INGEDIEND", submitted)).toHaveLength(2);

    const reden = "Graag eis 3 aanvullen met de afspraken met Veilig Thuis.";
    expect((await reopenZelfscan(db.prisma, actor("leaderElsewhere"), { zelfscanId: scan.id, values: { reden } })).status).toBe("not-found");
    expect((await reopenZelfscan(db.prisma, actor("leader"), { zelfscanId: scan.id, values: { reden: "kort" } })).status).toBe("invalid");
    expect(await recipients("ZELFSCAN_HEROPEND", reopened)).toEqual([]);
    expect((await reopenZelfscan(db.prisma, actor("leader"), { zelfscanId: scan.id, values: { reden } })).status).toBe("ok");
    expect(await recipients("ZELFSCAN_HEROPEND", reopened)).toEqual(["colleague", "officer"]);
    const [notice] = await messagesOf("ZELFSCAN_HEROPEND", reopened);
    expect(notice!.text).toContain(`De reden: ${reden}`);
    expect(notice!.text).toContain("Pieter Jansen, projectleider van regio");
    expect((await reopenZelfscan(db.prisma, actor("coLeader"), { zelfscanId: scan.id, values: { reden } })).status).toBe("invalid");
    expect(await recipients("ZELFSCAN_HEROPEND", reopened)).toHaveLength(2);

    // Submitted again: a new event, told again.
    expect((await submitZelfscan(db.prisma, actor("colleague"), { zelfscanId: scan.id })).status).toBe("ok");
    expect(await recipients("ZELFSCAN_INGEDIEND", submitted)).toEqual(["coLeader", "coLeader", "leader", "leader"]);
  });

  it("a change whose messages cannot be written rolls back whole: no status change, no audit entry, no message", async () => {
    const meetronde = await createMeetronde(db.prisma, { regio, status: "OPEN" });
    const scan = await createZelfscan(db.prisma, { gemeente: regio.gemeenten[0]!, meetronde, answers: "all", editor: people.officer });
    // The second leader's message fails, after the first one's was written in the same transaction.
    await db.sql.query(`CREATE FUNCTION refuse_message() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'bericht geweigerd'; END $$`);
    await db.sql.query(
      `CREATE TRIGGER refuse_message BEFORE INSERT ON "Message" FOR EACH ROW WHEN (NEW."userId" = '${people.coLeader.id}') EXECUTE FUNCTION refuse_message()`,
    );
    try {
      await expect(submitZelfscan(db.prisma, actor("officer"), { zelfscanId: scan.id })).rejects.toThrow(/bericht geweigerd/);
    } finally {
      await db.sql.query(`DROP TRIGGER refuse_message ON "Message"`);
      await db.sql.query(`DROP FUNCTION refuse_message()`);
    }
    expect(await db.prisma.zelfscan.findUniqueOrThrow({ where: { id: scan.id } })).toMatchObject({ status: "CONCEPT", submittedAt: null });
    expect(await db.prisma.auditEntry.count({ where: { targetId: scan.id, action: "zelfscan.ingediend" } })).toBe(0);
    expect(await recipients("ZELFSCAN_INGEDIEND", `zelfscan-ingediend:${scan.id}:`)).toEqual([]);
    expect((await submitZelfscan(db.prisma, actor("officer"), { zelfscanId: scan.id })).status).toBe("ok");
    expect(await recipients("ZELFSCAN_INGEDIEND", `zelfscan-ingediend:${scan.id}:`)).toEqual(["coLeader", "leader"]);
  });

  it("a comment: the leader's to the gemeente's officers, a reply to the other side and whoever wrote in the thread, never to its writer, never its text", async () => {
    const meetronde = await createMeetronde(db.prisma, { regio, status: "OPEN", name: "Reactieronde" });
    const scan = await createZelfscan(db.prisma, { gemeente: regio.gemeenten[0]!, meetronde, status: "INGEDIEND", answers: "all", editor: people.officer });
    const concept = await createZelfscan(db.prisma, { gemeente: regio.gemeenten[1]!, meetronde, answers: 3 });
    const comment = async (who: keyof typeof people, body: string, parentId?: string) => {
      const result = await addComment(db.prisma, actor(who), { zelfscanId: scan.id, onderdeelId: "3a", parentId, values: { body } });
      expect(result.status).toBe("ok");
      const id = result.status === "ok" ? result.data.id : "";
      return { id, to: () => recipients("REACTIE", `reactie:${id}:`), messages: () => messagesOf("REACTIE", `reactie:${id}:`) };
    };

    const thread = await comment("leader", "Geheime vraag over de visie op veiligheid?");
    expect(await thread.to()).toEqual(["colleague", "officer"]);
    const [mail] = await thread.messages();
    expect(mail!.subject).toBe(`Nieuwe opmerking bij onderdeel 3a van de zelfscan van gemeente ${regio.gemeenten[0]!.name}`);
    expect(mail!.text).toContain("Pieter Jansen heeft een opmerking geplaatst bij onderdeel 3a (");
    expect(mail!.text).toContain(`/zelfscans/${scan.id}#onderdeel-3a\n`);
    expect(mail!.text).not.toContain("Geheime vraag");
    expect(mail!.html).not.toContain("Geheime vraag");

    const reply = await comment("officer", "Geheim antwoord: in de regiovisie.", thread.id);
    expect(await reply.to()).toEqual(["coLeader", "leader"]);
    const [replyMail] = await reply.messages();
    expect(replyMail!.subject).toMatch(/^Nieuwe reactie bij onderdeel 3a/);
    expect(replyMail!.text).not.toContain("Geheim antwoord");
    // A colleague's reply also reaches the officer who wrote in the thread; a co-leader's reaches the leader who started it.
    expect(await (await comment("colleague", "Aanvulling.", thread.id)).to()).toEqual(["coLeader", "leader", "officer"]);
    expect(await (await comment("coLeader", "Dank.", thread.id)).to()).toEqual(["colleague", "leader", "officer"]);

    // Refused (another gemeente's officer, another region's leader) or invalid (a thread on a concept): nothing.
    const before = await db.prisma.message.count({ where: { kind: "REACTIE" } });
    expect(
      (await addComment(db.prisma, actor("neighbour"), { zelfscanId: scan.id, onderdeelId: "3a", parentId: thread.id, values: { body: "x" } })).status,
    ).toBe("not-found");
    expect((await addComment(db.prisma, actor("leaderElsewhere"), { zelfscanId: scan.id, onderdeelId: "3a", values: { body: "x" } })).status).toBe("not-found");
    expect((await addComment(db.prisma, actor("leader"), { zelfscanId: concept.id, onderdeelId: "3a", values: { body: "Te vroeg" } })).status).toBe("invalid");
    expect(await db.prisma.message.count({ where: { kind: "REACTIE" } })).toBe(before);
  });

  describe("deadline reminders", () => {
    let reminderRegio: Awaited<ReturnType<typeof createRegio>>;
    const officers = {} as Record<"concept" | "notStarted" | "submitted" | "reopened" | "inactive" | "newcomer", Person>;
    let round: Awaited<ReturnType<typeof createMeetronde>>;
    let conceptScan: { id: string };
    const byName = async (prefix: string) => {
      const names = new Map(Object.entries(officers).map(([name, person]) => [person.id, name]));
      const messages = await db.prisma.message.findMany({ where: { kind: "HERINNERING", dedupeKey: { startsWith: prefix } }, select: { userId: true } });
      return messages.map((message) => names.get(message.userId!) ?? message.userId).sort();
    };

    beforeAll(async () => {
      const p = db.prisma;
      reminderRegio = await createRegio(p, { gemeenten: 4 });
      const [concept, notStarted, submitted, reopened] = reminderRegio.gemeenten;
      officers.concept = await createUser(p, { grants: [officerOf(concept!)] });
      officers.notStarted = await createUser(p, { grants: [officerOf(notStarted!)] });
      officers.submitted = await createUser(p, { grants: [officerOf(submitted!)] });
      officers.reopened = await createUser(p, { grants: [officerOf(reopened!)] });
      officers.inactive = await createUser(p, { grants: [officerOf(concept!)], active: false });
      await createUser(p, { grants: [leaderOf(reminderRegio)] });
      round = await createMeetronde(p, { regio: reminderRegio, status: "OPEN", name: "Herhaalmeting 2026", deadline: endOfDayInAmsterdam("2027-01-29") });
      conceptScan = await createZelfscan(p, { gemeente: concept!, meetronde: round, answers: 10 });
      await createZelfscan(p, { gemeente: submitted!, meetronde: round, status: "INGEDIEND", answers: "all" });
      await createZelfscan(p, { gemeente: reopened!, meetronde: round, status: "HEROPEND", answers: "all" });
      // A planned and a closed round of the same region with deadlines as near: no reminders.
      await createMeetronde(p, { regio: reminderRegio, status: "GEPLAND", deadline: endOfDayInAmsterdam("2027-01-29") });
      await createMeetronde(p, { regio: reminderRegio, status: "GESLOTEN", deadline: endOfDayInAmsterdam("2027-01-29") });
    });

    it("writes nothing before the 14-day reminder's day", async () => {
      expect(await runReminders(db, new Date("2027-01-14T22:30:00Z"))).toBe(0);
      expect(await byName(`herinnering-`)).toEqual([]);
    });

    it("from that day, the 14-day reminder to the officers of every gemeente not submitted, once, also from two runs at once", async () => {
      const now = new Date("2027-01-15T07:00:00Z");
      const [first, second] = await Promise.all([runReminders(db, now), runReminders(db, now)]);
      expect(first + second).toBe(3);
      expect(await byName(`herinnering-14:${round.id}:`)).toEqual(["concept", "notStarted", "reopened"]);
      expect(await runReminders(db, new Date("2027-01-20T07:00:00Z"))).toBe(0);
      const messages = await db.prisma.message.findMany({ where: { kind: "HERINNERING", dedupeKey: { startsWith: `herinnering-14:${round.id}:` } } });
      const toConcept = messages.find((message) => message.userId === officers.concept.id)!;
      const toNotStarted = messages.find((message) => message.userId === officers.notStarted.id)!;
      expect(toConcept).toMatchObject({ gemeenteId: reminderRegio.gemeenten[0]!.id, regioId: reminderRegio.id });
      expect(toConcept.subject).toBe("Herinnering: de zelfscan Herhaalmeting 2026 moet uiterlijk 29 januari 2027 zijn ingediend");
      expect(toConcept.text).toContain("De deadline van de meetronde Herhaalmeting 2026 is over 14 dagen, op 29 januari 2027.");
      expect(toConcept.text).toContain("is nog niet ingediend.");
      expect(toConcept.text).toContain(`/zelfscans/${conceptScan.id}\n`);
      expect(toNotStarted.text).toContain("is nog niet gestart.");
      expect(toNotStarted.text).toContain(`/gemeenten/${reminderRegio.gemeenten[1]!.slug}\n`);
    });

    it("from 3 days before, the 3-day reminder once; after the deadline nothing", async () => {
      expect(await runReminders(db, new Date("2027-01-25T22:59:00Z"))).toBe(0);
      expect(await runReminders(db, new Date("2027-01-27T10:00:00Z"))).toBe(3);
      expect(await runReminders(db, new Date("2027-01-29T22:59:00Z"))).toBe(0);
      expect(await byName(`herinnering-3:${round.id}:`)).toEqual(["concept", "notStarted", "reopened"]);
      const late = await db.prisma.message.findFirstOrThrow({
        where: { dedupeKey: { startsWith: `herinnering-3:${round.id}:` }, userId: officers.concept.id },
      });
      expect(late.text).toContain("is over 2 dagen, op 29 januari 2027.");
      // A new officer after the deadline: nothing.
      officers.newcomer = await createUser(db.prisma, { grants: [officerOf(reminderRegio.gemeenten[0]!)] });
      expect(await runReminders(db, new Date("2027-01-29T23:00:00Z"))).toBe(0);
    });

    it("after being down past both reminders' days, only the 3-day reminder goes", async () => {
      const late = await createMeetronde(db.prisma, { regio: reminderRegio, status: "OPEN", deadline: endOfDayInAmsterdam("2027-03-12") });
      // Every gemeente (no scans in this round yet), with the officer who joined since.
      expect(await runReminders(db, new Date("2027-03-10T09:00:00Z"))).toBe(5);
      expect(await byName(`herinnering-3:${late.id}:`)).toEqual(["concept", "newcomer", "notStarted", "reopened", "submitted"]);
      expect(await byName(`herinnering-14:${late.id}:`)).toEqual([]);
    });
  });
});
