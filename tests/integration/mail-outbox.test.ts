// The outbox and its queue on both databases, delivering to a real SMTP server on loopback
// (STARTTLS, authentication): a message commits or rolls back with its event, is written once per
// event and recipient, follows the recipient's preference, and a server that refuses leads to
// retries and then a failure that stays in the outbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailWorker } from "@/lib/mail/worker";
import { startMailWorker } from "@/lib/mail/worker";
import { queueMessage, type QueuedMessage } from "@/lib/mail/outbox";
import { QUEUE, QUEUE_SCHEMA } from "@/lib/mail/queue";
import { smtpTransport } from "@/lib/mail/transport";
import { readUnsubscribeToken } from "@/lib/mail/links";
import { createRegio, createUser, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { createTestCertificate, startSmtpServer, type TestSmtpServer } from "../support/smtp";

const FROM = "Zelfscan <zelfscan@gemeente.example>";

const body = (subject: string): QueuedMessage["body"] => ({
  subject,
  context: "Gemeente Delft · regio Haaglanden",
  greeting: "Beste collega,",
  paragraphs: ["De meetronde is geopend."],
  action: { label: "Open de zelfscan", url: "http://localhost:3000/zelfscans" },
});

describe.each(DATABASE_KINDS)("the outbox on the %s database", (kind) => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  let worker: MailWorker;
  let via: ReturnType<typeof smtpTransport>;
  let user: { id: string; email: string };

  const jobsOf = async (messageId: string) =>
    db.sql.query<{ state: string }>(`SELECT state FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'messageId' = $2`, [QUEUE.deliver, messageId]);

  const waitForStatus = async (id: string, status: string, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const message = await db.prisma.message.findUniqueOrThrow({ where: { id } });
      if (message.status === status) return message;
      if (Date.now() > until) throw new Error(`Bericht ${id} bleef ${message.status} (${message.lastError ?? "geen fout"})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const certificate = createTestCertificate("tmp/test-smtp");
    smtp = await startSmtpServer({ certificate });
    via = smtpTransport(smtp.url, FROM, { ca: certificate.cert });
    const regio = await createRegio(db.prisma, { gemeenten: 1 });
    user = await createUser(db.prisma, { grants: [officerOf(regio.gemeenten[0]!)] });
    worker = await startMailWorker(db, { pollingIntervalSeconds: 0.5, via });
  });

  afterAll(async () => {
    await worker?.stop();
    via?.close();
    await smtp?.close();
    await db?.drop();
  });

  it("writes the message and its delivery job in the event's transaction, and delivers it over STARTTLS with authentication", async () => {
    const id = await db.prisma.$transaction((tx) =>
      queueMessage(tx, { kind: "MEETRONDE_GEOPEND", dedupeKey: `test-1:${user.id}`, to: user, body: body("Ronde geopend") }),
    );
    expect(id).toEqual(expect.any(String));
    const mail = await smtp.waitFor((m) => m.subject === "Ronde geopend");
    expect(mail.to).toBe(user.email);
    expect(mail.secure).toBe(true);
    expect(mail.user).toBe("zelfscan");
    expect(mail.text).toContain("Open de zelfscan: http://localhost:3000/zelfscans");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.headers.get("message-id")).toBe(`<${id}@gemeente.example>`);
    // Not a security message: it can be unsubscribed from, in one click (RFC 8058).
    const header = mail.raw.toString("utf8");
    expect(header).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // A long header is folded onto the next line.
    const unsubscribe = /^List-Unsubscribe:\s+<([^>]+)>/m.exec(header)![1]!;
    expect(unsubscribe).toMatch(/^http:\/\/localhost:\d+\/api\/afmelden\?t=/);
    const token = decodeURIComponent(/[?&]t=([^&]+)/.exec(unsubscribe)![1]!);
    expect(readUnsubscribeToken(token)).toEqual({ userId: user.id, kind: "MEETRONDE_GEOPEND" });
    const sent = await waitForStatus(id!, "VERZONDEN");
    expect(sent).toMatchObject({ transport: "SMTP", attempts: 1, lastError: null });
  });

  it("writes neither the message nor its job when the event rolls back", async () => {
    const failure = new Error("de wijziging mislukt");
    await expect(
      db.prisma.$transaction(async (tx) => {
        await queueMessage(tx, { kind: "MEETRONDE_GEOPEND", dedupeKey: `test-rollback:${user.id}`, to: user, body: body("Teruggedraaid") });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.prisma.message.count({ where: { dedupeKey: `test-rollback:${user.id}` } })).toBe(0);
    expect(
      await db.sql.query(`SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND created_on > now() - interval '1 minute' AND state = 'created'`, [
        QUEUE.deliver,
      ]),
    ).toEqual([]);
  });

  it("writes one message per event and recipient, however often the event is seen", async () => {
    const message = { kind: "HERINNERING" as const, dedupeKey: `test-twice:${user.id}`, to: user, body: body("Eén keer") };
    const first = await db.prisma.$transaction((tx) => queueMessage(tx, message));
    const second = await db.prisma.$transaction((tx) => queueMessage(tx, message));
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await waitForStatus(first!, "VERZONDEN");
    expect(await jobsOf(first!)).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.subject === "Eén keer")).toHaveLength(1);
  });

  it("follows the recipient's preference, except for security messages; a one-time link does not stay in the database", async () => {
    await db.prisma.messagePreference.createMany({
      data: [
        { userId: user.id, kind: "REACTIE", delivery: "UIT" },
        { userId: user.id, kind: "ZELFSCAN_HEROPEND", delivery: "DAGELIJKS" },
      ],
    });
    expect(
      await db.prisma.$transaction((tx) => queueMessage(tx, { kind: "REACTIE", dedupeKey: `test-off:${user.id}`, to: user, body: body("Uit") })),
    ).toBeNull();
    const bundled = await db.prisma.$transaction((tx) =>
      queueMessage(tx, { kind: "ZELFSCAN_HEROPEND", dedupeKey: `test-digest:${user.id}`, to: user, body: body("Voor de samenvatting") }),
    );
    expect(await db.prisma.message.findUniqueOrThrow({ where: { id: bundled! } })).toMatchObject({ status: "GEBUNDELD" });
    expect(await jobsOf(bundled!)).toEqual([]);
    // BEVEILIGING ignores preferences and has no unsubscribe link.
    await db.prisma.messagePreference.create({ data: { userId: user.id, kind: "BEVEILIGING", delivery: "UIT" } });
    const notice = await db.prisma.$transaction((tx) =>
      queueMessage(tx, { kind: "WACHTWOORD_HERSTEL", dedupeKey: `test-secret:${user.id}`, to: user, body: body("Herstel"), secret: true }),
    );
    const mail = await smtp.waitFor((m) => m.subject === "Herstel");
    expect(mail.raw.toString("utf8")).not.toMatch(/^List-Unsubscribe/im);
    expect(mail.text).not.toContain("Meld u af");
    expect(await waitForStatus(notice!, "VERZONDEN")).toMatchObject({ text: null, html: null, subject: "Herstel" });
  });

  it("retries a refused message with back-off and then keeps it as failed, with the server's answer", async () => {
    // Shorter waits than in production (30 s doubling), the same mechanism.
    await worker.boss.updateQueue(QUEUE.deliver, { name: QUEUE.deliver, retryLimit: 2, retryDelay: 1, retryBackoff: false });
    smtp.refuse(true);
    try {
      const id = await db.prisma.$transaction((tx) =>
        queueMessage(tx, { kind: "MEETRONDE_GEOPEND", dedupeKey: `test-refused:${user.id}`, to: user, body: body("Geweigerd") }),
      );
      const failed = await waitForStatus(id!, "MISLUKT", 45_000);
      expect(failed.attempts).toBe(3);
      expect(failed.lastError).toMatch(/451/);
      expect(failed.text).toContain("De meetronde is geopend.");
      expect(smtp.messages.some((m) => m.subject === "Geweigerd")).toBe(false);
    } finally {
      smtp.refuse(false);
      await worker.boss.updateQueue(QUEUE.deliver, { name: QUEUE.deliver, retryLimit: 5, retryDelay: 30, retryBackoff: true });
    }
  });
});
