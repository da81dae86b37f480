// A backup restored elsewhere holds every scan, answer, action, comment and audit entry, and the
// outgoing mail: a message queued and not yet delivered (its outbox row and its pg-boss job in the
// schema "pgboss") is delivered by the restored database's worker.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupEmbedded, backupPostgres, BackupError, pidFile, restoreEmbedded, restorePostgres } from "@/lib/db/backup";
import { createDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { recordAudit } from "@/lib/audit/record";
import { getFramework, CURRENT_FRAMEWORK_VERSION } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createComment, createMeetronde, createRegio, createUser, createVerbeteractie, createZelfscan, leaderOf, officerOf } from "../support/factories";
import { queueMessage } from "@/lib/mail/outbox";
import { prepareQueue, QUEUE, QUEUE_SCHEMA } from "@/lib/mail/queue";
import { smtpTransport } from "@/lib/mail/transport";
import { startMailWorker } from "@/lib/mail/worker";
import { createEmptyDatabase } from "../support/databases";
import { createTestCertificate, startSmtpServer, type TestSmtpServer } from "../support/smtp";

const work = mkdtempSync(path.join(os.tmpdir(), "zelfscan-backup-"));
let smtp: TestSmtpServer;
let via: ReturnType<typeof smtpTransport>;
beforeAll(async () => {
  const certificate = createTestCertificate("tmp/test-smtp");
  smtp = await startSmtpServer({ certificate });
  via = smtpTransport(smtp.url, "Zelfscan <zelfscan@gemeente.example>", { ca: certificate.cert });
});
afterAll(async () => {
  via?.close();
  await smtp?.close();
  rmSync(work, { recursive: true, force: true });
});

async function contents(db: Database) {
  const p = db.prisma;
  const [zelfscans, answers, acties, comments, audit, messages, jobs] = await Promise.all([
    p.zelfscan.findMany({ orderBy: { id: "asc" } }),
    p.answer.findMany({ orderBy: { id: "asc" } }),
    p.verbeteractie.findMany({ orderBy: { id: "asc" } }),
    p.comment.findMany({ orderBy: { id: "asc" } }),
    p.auditEntry.findMany({ orderBy: { id: "asc" } }),
    p.message.findMany({ orderBy: { id: "asc" } }),
    db.sql.query(`SELECT id, name, state, data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 ORDER BY id`, [QUEUE.deliver]),
  ]);
  return { zelfscans, answers, acties, comments, audit, messages, jobs };
}

/** A message queued (its row and its delivery job) while no worker runs: it waits in the outbox. */
async function queueUndelivered(db: Database) {
  const leader = await db.prisma.user.findFirstOrThrow({ where: { roles: { some: { role: "PROJECTLEIDER" } } } });
  const id = await db.prisma.$transaction((tx) =>
    queueMessage(tx, {
      kind: "ZELFSCAN_INGEDIEND",
      dedupeKey: `backup-test:${leader.id}`,
      to: leader,
      body: {
        subject: "Wacht op bezorging",
        context: "Gemeente Delft · regio Haaglanden",
        greeting: `Beste ${leader.name},`,
        paragraphs: ["Delft heeft de zelfscan ingediend."],
        action: { label: "Bekijk de zelfscan", url: "http://localhost:3000/dashboard" },
      },
    }),
  );
  expect(await db.prisma.message.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "WACHTEND", sentAt: null });
  return { id: id!, to: leader.email };
}

/** The restored database's worker delivers the message that waited, once. */
async function expectDeliveredAfterRestore(db: Database, message: { id: string; to: string }) {
  const worker = await startMailWorker(db, { pollingIntervalSeconds: 0.5, via });
  try {
    const mail = await smtp.waitFor((m) => m.headers.get("message-id") === `<${message.id}@gemeente.example>`, 30_000);
    expect(mail.to).toBe(message.to);
    expect(mail.subject).toBe("Wacht op bezorging");
    for (let tries = 0; ; tries++) {
      const row = await db.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
      if (row.status === "VERZONDEN") break;
      if (tries > 100) throw new Error(`Bericht bleef ${row.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(smtp.messages.filter((m) => m.headers.get("message-id") === `<${message.id}@gemeente.example>`)).toHaveLength(1);
  } finally {
    await worker.stop();
  }
}

const ITEMS = getFramework(CURRENT_FRAMEWORK_VERSION).onderdelen.length;

/** A region's three gemeenten with a complete scan in each of three rounds, plans, comments and audit entries. */
async function fill(prisma: PrismaClient) {
  const regio = await createRegio(prisma, { gemeenten: 3 });
  const leader = await createUser(prisma, { grants: [leaderOf(regio)] });
  for (const [index, status] of (["GESLOTEN", "GESLOTEN", "OPEN"] as const).entries()) {
    const meetronde = await createMeetronde(prisma, { regio, status, name: `Ronde ${2024 + index}`, startsOn: new Date(Date.UTC(2024 + index, 0, 1)) });
    for (const gemeente of regio.gemeenten) {
      const officer = await createUser(prisma, { grants: [officerOf(gemeente)] });
      const scan = await createZelfscan(prisma, {
        gemeente,
        meetronde: meetronde,
        status: status === "GESLOTEN" ? "INGEDIEND" : "CONCEPT",
        answers: "all",
        editor: officer,
      });
      const actie = await createVerbeteractie(prisma, { zelfscan: scan, onderdeelIds: [scan.answers[0]!.onderdeelId], status: "IN_UITVOERING" });
      const thread = await createComment(prisma, {
        zelfscan: scan,
        author: leader,
        onderdeelId: scan.answers[0]!.onderdeelId,
        body: "Hoe is de casuïstiek geëvalueerd?",
      });
      await createComment(prisma, { zelfscan: scan, author: officer, onderdeelId: thread.onderdeelId, parent: thread });
      await recordAudit(prisma, {
        actorId: officer.id,
        action: "verbeteractie.aangemaakt",
        targetType: "Verbeteractie",
        targetId: actie.id,
        gemeenteId: gemeente.id,
        regioId: regio.id,
      });
    }
  }
}

/** What fill made, counted. */
function expectFilled(before: Awaited<ReturnType<typeof contents>>) {
  expect(before.messages.map((message) => message.status)).toEqual(["WACHTEND"]);
  expect(before.jobs.map((job) => [job.state, (job.data as { messageId: string }).messageId])).toEqual([["created", before.messages[0]!.id]]);
  expect(before.zelfscans).toHaveLength(9);
  expect(before.answers).toHaveLength(9 * ITEMS);
  expect(before.answers.length).toBeGreaterThan(300);
  expect(before.acties).toHaveLength(9);
  expect(before.comments).toHaveLength(18);
  expect(before.audit.length).toBeGreaterThanOrEqual(9);
}

describe("backup and restore", () => {
  it("of the embedded database keeps everything, and refuses while the app runs", async () => {
    const dataDir = path.join(work, "embedded", "pglite");
    const original = createDatabase({ kind: "embedded", dataDir });
    await applyMigrations(original.sql);
    await prepareQueue(original);
    await fill(original.prisma);
    const waiting = await queueUndelivered(original);
    await original.prisma.auditEntry.create({ data: { action: "test.na-seed", targetType: "Test", details: { tekst: "casuïstiek" } } });
    const before = await contents(original);
    expectFilled(before);
    await original.prisma.$disconnect();
    await original.sql.close();

    writeFileSync(pidFile(dataDir), String(process.ppid));
    await expect(backupEmbedded(dataDir, path.join(work, "x.tar.gz"))).rejects.toBeInstanceOf(BackupError);
    rmSync(pidFile(dataDir));

    const file = path.join(work, "zelfscan.tar.gz");
    await backupEmbedded(dataDir, file);
    const restoredDir = path.join(work, "restored", "pglite");
    expect(await restoreEmbedded(file, restoredDir)).toBeNull();
    const restored = createDatabase({ kind: "embedded", dataDir: restoredDir });
    expect(await contents(restored)).toEqual(before);
    await expectDeliveredAfterRestore(restored, waiting);
    // Restoring over an existing database keeps that one aside.
    await restored.prisma.$disconnect();
    await restored.sql.close();
    expect(await restoreEmbedded(file, restoredDir)).toMatch(/pglite\.voor-herstel-/);
  });

  it("of PostgreSQL keeps everything", async () => {
    const original = await createEmptyDatabase("postgresql");
    const target = await createEmptyDatabase("postgresql");
    try {
      await applyMigrations(original.sql);
      await prepareQueue(original);
      await fill(original.prisma);
      const waiting = await queueUndelivered(original);
      const before = await contents(original);
      expectFilled(before);
      const file = path.join(work, "zelfscan.dump");
      await backupPostgres((original.config as { url: string }).url, file);
      await restorePostgres(file, (target.config as { url: string }).url);
      expect(await contents(target)).toEqual(before);
      await expectDeliveredAfterRestore(target, waiting);
    } finally {
      await original.drop();
      await target.drop();
    }
  });
});
