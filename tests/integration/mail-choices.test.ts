// What people see of and choose about e-mail, on both databases: a user's own preferences, the
// unsubscribe link without logging in (and what a tampered token gets), Beheer › Berichten (the
// outbox for the beheerder only, the body rules, trying failed messages again with their delivery
// job in the same transaction), and the daily digest, written once per account and Dutch day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getMessage, listMessages, retryFailedMessages, retryMessage } from "@/lib/beheer/berichten";
import { digestDay, digestKey, runDigests } from "@/lib/mail/digest";
import { unsubscribeToken } from "@/lib/mail/links";
import { queueMessage, type QueuedMessage } from "@/lib/mail/outbox";
import { confirmUnsubscribe, getOwnPreferences, readUnsubscribe, updateOwnPreferences } from "@/lib/mail/preferences";
import { QUEUE, QUEUE_SCHEMA } from "@/lib/mail/queue";
import { CHOOSABLE_KINDS } from "@/lib/shared/mail/kinds";
import { ZMessageFilterSchema } from "@/lib/shared/mail/schemas";
import { actorOf, BEHEERDER, createRegio, createUser, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const body = (subject: string, url = "http://localhost:3000/zelfscans/abc"): QueuedMessage["body"] => ({
  subject,
  context: "Gemeente Delft · regio Haaglanden",
  greeting: "Beste collega,",
  paragraphs: ["Er is iets gebeurd: zie de link."],
  action: { label: "Open de zelfscan", url },
});

const ALL_DIRECT = Object.fromEntries(CHOOSABLE_KINDS.map((kind) => [kind, "DIRECT"]));

describe.each(DATABASE_KINDS)("what people see of and choose about e-mail on the %s database", (kind) => {
  let db: TestDatabase;
  let officer: Actor;
  let leader: Actor;
  let beheerder: Actor;
  let regioId: string;
  let gemeenteId: string;

  const newOfficer = async () => actorOf(await createUser(db.prisma, { grants: [{ role: "BELEIDSMEDEWERKER", gemeenteId, regioId: null }] }));
  const queue = (message: QueuedMessage) => db.prisma.$transaction((tx) => queueMessage(tx, message));
  const recipient = (actor: Actor) => ({ id: actor.userId, email: actor.email });
  const jobsOf = (messageId: string) =>
    db.sql.query<{ state: string }>(`SELECT state FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'messageId' = $2`, [QUEUE.deliver, messageId]);
  const audits = (action: string, targetId?: string) => db.prisma.auditEntry.findMany({ where: { action, ...(targetId ? { targetId } : {}) } });

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const regio = await createRegio(db.prisma, { gemeenten: 1 });
    regioId = regio.id;
    gemeenteId = regio.gemeenten[0]!.id;
    officer = actorOf(await createUser(db.prisma, { grants: [officerOf(regio.gemeenten[0]!)] }));
    leader = actorOf(await createUser(db.prisma, { grants: [leaderOf(regio)] }));
    beheerder = actorOf(await createUser(db.prisma, { grants: [BEHEERDER] }));
  });
  afterAll(async () => {
    await db?.drop();
  });

  describe("preferences", () => {
    it("are DIRECT until chosen, change only the acting user's own, are audited, and the outbox follows them", async () => {
      const other = await newOfficer();
      expect(await getOwnPreferences(db.prisma, officer)).toEqual(ALL_DIRECT);
      const values = { ...ALL_DIRECT, REACTIE: "UIT", MEETRONDE_GEOPEND: "DAGELIJKS" };
      expect(await updateOwnPreferences(db.prisma, officer, { values })).toMatchObject({ status: "ok", data: { changed: 2 } });
      expect(await getOwnPreferences(db.prisma, officer)).toEqual(values);
      expect(await getOwnPreferences(db.prisma, other)).toEqual(ALL_DIRECT);
      const [entry] = await audits("bericht.voorkeuren-gewijzigd", officer.userId);
      expect(entry).toMatchObject({ actorId: officer.userId, targetType: "User", details: { REACTIE: "UIT", MEETRONDE_GEOPEND: "DAGELIJKS" } });
      // Saving the same again changes nothing and writes no second entry.
      expect(await updateOwnPreferences(db.prisma, officer, { values })).toMatchObject({ status: "ok", data: { changed: 0 } });
      expect(await audits("bericht.voorkeuren-gewijzigd", officer.userId)).toHaveLength(1);

      expect(await queue({ kind: "REACTIE", dedupeKey: `pref-off:${officer.userId}`, to: recipient(officer), body: body("Uit") })).toBeNull();
      const bundled = await queue({ kind: "MEETRONDE_GEOPEND", dedupeKey: `pref-bundle:${officer.userId}`, to: recipient(officer), body: body("Gebundeld") });
      expect(await db.prisma.message.findUniqueOrThrow({ where: { id: bundled! } })).toMatchObject({ status: "GEBUNDELD" });
      await db.prisma.messagePreference.deleteMany({ where: { userId: officer.userId } });
      await db.prisma.message.deleteMany({ where: { userId: officer.userId } });
    });

    it("refuse a value that is no choice, a security kind and a user id, changing nothing", async () => {
      const actor = await newOfficer();
      expect(await updateOwnPreferences(db.prisma, actor, { values: { ...ALL_DIRECT, REACTIE: "SOMS" } })).toMatchObject({
        status: "invalid",
        fieldErrors: { REACTIE: expect.any(String) },
      });
      expect(await updateOwnPreferences(db.prisma, actor, { values: { ...ALL_DIRECT, BEVEILIGING: "UIT" } })).toMatchObject({ status: "invalid" });
      expect(await updateOwnPreferences(db.prisma, actor, { values: ALL_DIRECT, userId: officer.userId })).toMatchObject({ status: "not-found" });
      const { REACTIE: _left, ...missing } = ALL_DIRECT;
      void _left;
      expect(await updateOwnPreferences(db.prisma, actor, { values: missing })).toMatchObject({ status: "invalid" });
      expect(await db.prisma.messagePreference.count({ where: { userId: { in: [actor.userId, officer.userId] } } })).toBe(0);
    });
  });

  describe("the unsubscribe link", () => {
    it("shows its kind without changing anything; confirming switches that kind off, once, audited", async () => {
      const actor = await newOfficer();
      const token = unsubscribeToken(actor.userId, "HERINNERING");
      expect(await readUnsubscribe(db.prisma, token)).toMatchObject({ kind: "HERINNERING", off: false });
      expect(await readUnsubscribe(db.prisma, token)).toMatchObject({ off: false });
      expect(await db.prisma.messagePreference.count({ where: { userId: actor.userId } })).toBe(0);

      expect(await confirmUnsubscribe(db.prisma, token, { via: "pagina", ip: "192.0.2.7" })).toMatchObject({ status: "ok", data: { kinds: ["HERINNERING"] } });
      expect((await getOwnPreferences(db.prisma, actor)).HERINNERING).toBe("UIT");
      expect((await getOwnPreferences(db.prisma, actor)).REACTIE).toBe("DIRECT");
      expect(await readUnsubscribe(db.prisma, token)).toMatchObject({ off: true });
      expect(await confirmUnsubscribe(db.prisma, token, { via: "een-klik" })).toMatchObject({ status: "ok" });
      const entries = await audits("bericht.afgemeld", actor.userId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorId: null, ip: "192.0.2.7", details: { soort: "HERINNERING", uitgezet: "HERINNERING", via: "pagina" } });
    });

    it("answers a tampered, foreign-kind, security or unknown-account token with not-found and changes nothing", async () => {
      const actor = await newOfficer();
      const token = unsubscribeToken(actor.userId, "REACTIE");
      const [payload, signature] = token.split(".") as [string, string];
      const otherKind = Buffer.from(`${actor.userId}:HERINNERING`).toString("base64url");
      const otherUser = Buffer.from(`${officer.userId}:REACTIE`).toString("base64url");
      const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
      const bad = [
        `${otherKind}.${signature}`,
        `${otherUser}.${signature}`,
        `${payload}.${flipped}`,
        `${payload}.`,
        payload,
        `${token}.extra`,
        "",
        unsubscribeToken(actor.userId, "BEVEILIGING"),
        unsubscribeToken("bestaat-niet", "REACTIE"),
      ];
      for (const candidate of bad) {
        expect(await readUnsubscribe(db.prisma, candidate), candidate).toBeNull();
        expect(await confirmUnsubscribe(db.prisma, candidate, { via: "een-klik" }), candidate).toMatchObject({ status: "not-found" });
      }
      expect(await db.prisma.messagePreference.count({ where: { userId: { in: [actor.userId, officer.userId] } } })).toBe(0);
      expect(await audits("bericht.afgemeld", actor.userId)).toHaveLength(0);
    });

    it("of the digest switches off every kind the person received in it", async () => {
      const actor = await newOfficer();
      await updateOwnPreferences(db.prisma, actor, { values: { ...ALL_DIRECT, REACTIE: "DAGELIJKS", HERINNERING: "DAGELIJKS" } });
      const token = unsubscribeToken(actor.userId, "SAMENVATTING");
      expect(await readUnsubscribe(db.prisma, token)).toMatchObject({ kind: "SAMENVATTING", off: false, bundledKinds: ["HERINNERING", "REACTIE"] });
      expect(await confirmUnsubscribe(db.prisma, token, { via: "een-klik" })).toMatchObject({ status: "ok" });
      expect(await getOwnPreferences(db.prisma, actor)).toEqual({ ...ALL_DIRECT, REACTIE: "UIT", HERINNERING: "UIT" });
      expect(await readUnsubscribe(db.prisma, token)).toMatchObject({ off: true, bundledKinds: [] });
    });
  });

  describe("Beheer › Berichten", () => {
    let failedId: string;
    let secretId: string;
    let smtpId: string;

    beforeAll(async () => {
      const to = recipient(await newOfficer());
      const ids: string[] = [];
      for (let index = 0; index < 55; index += 1) {
        ids.push((await queue({ kind: "HERINNERING", dedupeKey: `lijst-${index}:${to.id}`, to, body: body(`Herinnering ${index}`), gemeenteId, regioId }))!);
      }
      failedId = (await queue({ kind: "ZELFSCAN_INGEDIEND", dedupeKey: `mislukt:${to.id}`, to, body: body("Mislukt bericht"), gemeenteId, regioId }))!;
      await db.prisma.message.update({ where: { id: failedId }, data: { status: "MISLUKT", attempts: 6, lastError: "451 probeer later" } });
      secretId = (await queue({
        kind: "WACHTWOORD_HERSTEL",
        dedupeKey: `geheim:${to.id}`,
        to,
        body: body("Herstellink", "http://localhost/link/geheim"),
        secret: true,
      }))!;
      await db.prisma.message.update({ where: { id: secretId }, data: { status: "VERZONDEN", transport: "POSTVAK", sentAt: new Date() } });
      smtpId = (await queue({ kind: "MEETRONDE_GEOPEND", dedupeKey: `smtp:${to.id}`, to, body: body("Per e-mail") }))!;
      await db.prisma.message.update({ where: { id: smtpId }, data: { status: "VERZONDEN", transport: "SMTP", sentAt: new Date() } });
    });

    it("lists the outbox for the beheerder, newest first, paged and filtered, with the waiting and failed counts", async () => {
      const page1 = (await listMessages(db.prisma, beheerder, ZMessageFilterSchema.parse({})))!;
      expect(page1.total).toBeGreaterThanOrEqual(58);
      expect(page1.messages).toHaveLength(50);
      expect(page1.messages[0]!.subject).toBe("Per e-mail");
      const times = page1.messages.map((message) => message.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(page1.counts.failed).toBe(1);
      expect(page1.counts.waiting).toBe(await db.prisma.message.count({ where: { status: "WACHTEND" } }));
      expect(page1.counts.waiting).toBeGreaterThanOrEqual(55);
      const page2 = (await listMessages(db.prisma, beheerder, ZMessageFilterSchema.parse({ pagina: "2" })))!;
      expect(page2.page).toBe(2);
      expect(page2.messages.map((message) => message.id)).not.toContain(page1.messages[0]!.id);

      const failed = (await listMessages(db.prisma, beheerder, ZMessageFilterSchema.parse({ status: "MISLUKT" })))!;
      expect(failed.messages.map((message) => [message.id, message.lastError, message.attempts])).toEqual([[failedId, "451 probeer later", 6]]);
      const reminders = (await listMessages(db.prisma, beheerder, ZMessageFilterSchema.parse({ soort: "HERINNERING", status: "WACHTEND" })))!;
      expect(reminders.total).toBe(55);
      // A value that is no status is ignored, not an error.
      expect(ZMessageFilterSchema.parse({ status: "ONZIN", soort: ["REACTIE", "X"], pagina: "-3" })).toEqual({
        status: undefined,
        soort: "REACTIE",
        pagina: 1,
      });
    });

    it("shows the plain text of a mailbox message, never the body of one sent over SMTP, and a secret one only in the mailbox, audited", async () => {
      const failed = (await getMessage(db.prisma, beheerder, failedId, { mailbox: false }))!;
      expect(failed.body).toEqual({ text: expect.stringContaining("Er is iets gebeurd: zie de link.") });
      expect(failed).not.toHaveProperty("html");
      expect((await getMessage(db.prisma, beheerder, smtpId, { mailbox: true }))!.body).toEqual({ withheld: expect.any(String) });

      expect((await getMessage(db.prisma, beheerder, secretId, { mailbox: false }))!.body).toEqual({ withheld: expect.any(String) });
      expect(await audits("bericht.geheim-gelezen", secretId)).toHaveLength(0);
      expect((await getMessage(db.prisma, beheerder, secretId, { mailbox: true }))!.body).toEqual({
        text: expect.stringContaining("http://localhost/link/geheim"),
      });
      expect(await audits("bericht.geheim-gelezen", secretId)).toEqual([expect.objectContaining({ actorId: beheerder.userId, targetType: "Message" })]);
      expect(await getMessage(db.prisma, beheerder, "bestaat-niet")).toBeNull();
    });

    it("is refused to officers and leaders (audited): they cannot list, read or retry", async () => {
      for (const actor of [officer, leader]) {
        const before = (await audits("toegang.geweigerd")).filter((entry) => entry.actorId === actor.userId).length;
        expect(await listMessages(db.prisma, actor, ZMessageFilterSchema.parse({}))).toBeNull();
        expect(await getMessage(db.prisma, actor, failedId, { mailbox: true })).toBeNull();
        expect(await retryMessage(db.prisma, actor, { messageId: failedId })).toMatchObject({ status: "not-found" });
        expect(await retryFailedMessages(db.prisma, actor, {})).toMatchObject({ status: "not-found" });
        const after = (await audits("toegang.geweigerd")).filter((entry) => entry.actorId === actor.userId).length;
        expect(after - before).toBe(4);
      }
      expect(await db.prisma.message.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "MISLUKT" });
      expect(await jobsOf(failedId)).toHaveLength(1);
    });

    it("tries a failed message again: WACHTEND with a new delivery job, audited; a message that has not failed is not touched", async () => {
      expect(await jobsOf(failedId)).toHaveLength(1);
      expect(await retryMessage(db.prisma, beheerder, { messageId: failedId })).toMatchObject({ status: "ok", data: { retried: 1 } });
      expect(await db.prisma.message.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "WACHTEND" });
      expect(await jobsOf(failedId)).toHaveLength(2);
      expect(await audits("bericht.opnieuw-aangeboden", failedId)).toEqual([
        expect.objectContaining({ actorId: beheerder.userId, gemeenteId, regioId, details: { soort: "ZELFSCAN_INGEDIEND", aan: expect.any(String) } }),
      ]);
      expect(await retryMessage(db.prisma, beheerder, { messageId: failedId })).toMatchObject({ status: "conflict" });
      expect(await retryMessage(db.prisma, beheerder, { messageId: smtpId })).toMatchObject({ status: "conflict" });
      expect(await retryMessage(db.prisma, beheerder, { messageId: "bestaat-niet" })).toMatchObject({ status: "not-found" });
      expect(await jobsOf(failedId)).toHaveLength(2);
      expect(await jobsOf(smtpId)).toHaveLength(1);
    });

    it("tries every failed message again at once, in one transaction", async () => {
      const to = recipient(await newOfficer());
      const ids = [];
      for (const index of [1, 2, 3]) {
        const id = (await queue({ kind: "REACTIE", dedupeKey: `alle-${index}:${to.id}`, to, body: body(`Reactie ${index}`) }))!;
        await db.prisma.message.update({ where: { id }, data: { status: "MISLUKT" } });
        ids.push(id);
      }
      expect(await retryFailedMessages(db.prisma, beheerder, {})).toMatchObject({ status: "ok", data: { retried: 3 } });
      expect(await db.prisma.message.count({ where: { status: "MISLUKT" } })).toBe(0);
      for (const id of ids) expect(await jobsOf(id)).toHaveLength(2);
      expect(await retryFailedMessages(db.prisma, beheerder, {})).toMatchObject({ status: "ok", data: { retried: 0 } });
      const entries = await db.prisma.auditEntry.findMany({ where: { action: "bericht.opnieuw-aangeboden", targetId: null } });
      expect(entries.map((entry) => entry.details)).toEqual([{ aantal: 3 }]);
    });
  });

  describe("the daily digest", () => {
    it("belongs to the Dutch day whose 07:30 has passed", () => {
      expect(digestDay(new Date("2026-12-02T06:29:00Z"))).toBe("2026-12-01"); // 07:29 in winter
      expect(digestDay(new Date("2026-12-02T06:30:00Z"))).toBe("2026-12-02"); // 07:30
      expect(digestDay(new Date("2026-07-01T05:29:00Z"))).toBe("2026-06-30"); // 07:29 in summer
      expect(digestDay(new Date("2026-07-01T05:30:00Z"))).toBe("2026-07-01");
      // 00:30 on new year's day in the Netherlands: the 1st's digest is not due yet, the 31st's is.
      expect(digestDay(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
      expect(digestDay(new Date("2027-01-01T06:45:00Z"))).toBe("2027-01-01");
    });

    it("lists each bundled message once, in one message per account and day, also for two runs at once", async () => {
      const actor = await newOfficer();
      const other = await newOfficer();
      await updateOwnPreferences(db.prisma, actor, {
        values: { ...ALL_DIRECT, REACTIE: "DAGELIJKS", HERINNERING: "DAGELIJKS", ZELFSCAN_HEROPEND: "DAGELIJKS" },
      });
      const made = async (who: Actor, kind: QueuedMessage["kind"], subject: string, url: string) =>
        (await queue({
          kind,
          dedupeKey: `digest-${subject}:${who.userId}`,
          to: recipient(who),
          body: { ...body(subject, url), context: `Gemeente ${subject}` },
        }))!;
      const first = await made(actor, "REACTIE", "Nieuwe reactie", "http://localhost:3000/zelfscans/een");
      const second = await made(actor, "HERINNERING", "Deadline nadert", "http://localhost:3000/zelfscans/twee");
      const direct = await made(actor, "MEETRONDE_GEOPEND", "Direct", "http://localhost:3000/x");
      const switchedOff = await made(actor, "ZELFSCAN_HEROPEND", "Heropend", "http://localhost:3000/y");
      await updateOwnPreferences(db.prisma, actor, { values: { ...ALL_DIRECT, REACTIE: "DAGELIJKS", HERINNERING: "DAGELIJKS", ZELFSCAN_HEROPEND: "UIT" } });
      expect(await db.prisma.message.findMany({ where: { id: { in: [first, second, switchedOff] } }, select: { status: true } })).toEqual([
        { status: "GEBUNDELD" },
        { status: "GEBUNDELD" },
        { status: "GEBUNDELD" },
      ]);

      const now = new Date(Date.now() + 1000);
      const runs = await Promise.all([runDigests(db, now), runDigests(db, now)]);
      expect(runs[0]! + runs[1]!).toBe(1);
      expect(await runDigests(db, now)).toBe(0);
      const digests = await db.prisma.message.findMany({ where: { kind: "SAMENVATTING", userId: actor.userId } });
      expect(digests).toHaveLength(1);
      const digest = digests[0]!;
      expect(digest).toMatchObject({
        dedupeKey: digestKey(actor.userId, digestDay(now)),
        status: "WACHTEND",
        to: actor.email,
        subject: "Samenvatting: 2 berichten",
      });
      expect(await jobsOf(digest.id)).toHaveLength(1);
      expect(digest.text).toContain("1. Nieuwe reactie (Gemeente Nieuwe reactie): http://localhost:3000/zelfscans/een");
      expect(digest.text).toContain("2. Deadline nadert (Gemeente Deadline nadert): http://localhost:3000/zelfscans/twee");
      expect(digest.text).not.toContain("Direct");
      expect(digest.text).not.toContain("Heropend");
      // The digest itself can be unsubscribed from (which switches the bundled kinds off).
      expect(digest.text).toContain("/afmelden?t=");

      const carried = await db.prisma.message.findMany({ where: { id: { in: [first, second] } } });
      for (const message of carried) expect(message).toMatchObject({ status: "VERZONDEN", transport: "SAMENVATTING", digestId: digest.id });
      expect(await db.prisma.message.findUniqueOrThrow({ where: { id: direct } })).toMatchObject({ status: "WACHTEND", digestId: null });
      expect(await db.prisma.message.findUniqueOrThrow({ where: { id: switchedOff } })).toMatchObject({ status: "GEBUNDELD", digestId: null });
      expect(await db.prisma.message.count({ where: { kind: "SAMENVATTING", userId: other.userId } })).toBe(0);

      // Bundled later the same day: it waits for the next day's digest.
      const later = await made(actor, "REACTIE", "Later", "http://localhost:3000/zelfscans/drie");
      const sameDay = new Date(Date.now() + 2000);
      if (digestDay(sameDay) === digestDay(now)) {
        expect(await runDigests(db, sameDay)).toBe(0);
        expect(await db.prisma.message.findUniqueOrThrow({ where: { id: later } })).toMatchObject({ status: "GEBUNDELD" });
      }
      const tomorrow = new Date(now.getTime() + 24 * 60 * 60 * 1000);
      expect(await runDigests(db, tomorrow)).toBe(1);
      const next = await db.prisma.message.findUniqueOrThrow({ where: { dedupeKey: digestKey(actor.userId, digestDay(tomorrow)) } });
      expect(next.subject).toBe("Samenvatting: 1 bericht");
      expect(await db.prisma.message.findUniqueOrThrow({ where: { id: later } })).toMatchObject({ status: "VERZONDEN", digestId: next.id });
    });
  });
});
