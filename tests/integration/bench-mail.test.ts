// The e-mail benchmark's own code path (scripts/bench/mail.ts), small, so that it cannot rot: messages
// queued with queueMessage and delivered by the application's worker to a real SMTP server on
// loopback all arrive, each exactly once; the three variants of the step save all save, and only
// the third writes a message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpTransport } from "@/lib/mail/transport";
import { deliveryCounts, measureSaveLatency, measureThroughput } from "../../scripts/bench/mail";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { createTestCertificate, startSmtpServer, type TestSmtpServer } from "../support/smtp";

describe.each(DATABASE_KINDS)("the e-mail benchmark on the %s database", (kind) => {
  let db: TestDatabase;
  let smtp: TestSmtpServer;
  let via: ReturnType<typeof smtpTransport>;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const certificate = createTestCertificate("tmp/test-smtp");
    smtp = await startSmtpServer({ certificate });
    via = smtpTransport(smtp.url, "Zelfscan <zelfscan@bench.example>", { ca: certificate.cert });
  });

  afterAll(async () => {
    via?.close();
    await smtp?.close();
    await db?.drop();
  });

  it("delivers 20 queued messages over SMTP, each exactly once", async () => {
    const run = await measureThroughput(db, { messages: 20, via, producers: 2, timeoutMs: 60_000 });
    expect(run.refused).toEqual([]);
    expect(run.ids).toHaveLength(20);
    expect(new Set(run.ids).size).toBe(20);
    expect(deliveryCounts(smtp, run.ids)).toEqual({ missing: 0, duplicates: 0 });
    expect(smtp.messages).toHaveLength(20);
    const rows = await db.prisma.message.findMany({ where: { id: { in: run.ids } } });
    expect(rows.map((row) => [row.status, row.transport, row.attempts])).toEqual(Array.from({ length: 20 }, () => ["VERZONDEN", "SMTP", 1]));
    expect(run.seconds).toBeGreaterThan(0);
    expect(run.queueSeconds).toBeLessThanOrEqual(run.seconds);
  });

  it("saves a step in each of the three variants, with one message only in the third", async () => {
    const before = await db.prisma.message.count();
    const saves = await measureSaveLatency(db, { saves: 4, warmup: 1 });
    expect([saves.plain.length, saves.inTransaction.length, saves.withMessage.length]).toEqual([4, 4, 4]);
    expect(saves.messagesWritten).toBe(5);
    expect(await db.prisma.message.count()).toBe(before + 5);
    // 3 variants × 5 rounds, each a whole step with an audit entry per answer.
    expect(await db.prisma.auditEntry.count({ where: { action: "antwoord.opgeslagen" } })).toBeGreaterThanOrEqual(15);
  });
});
