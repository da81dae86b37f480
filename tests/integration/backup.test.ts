// A backup restored elsewhere holds every scan, answer, action, comment and audit entry, the
// outgoing mail: a message queued and not yet delivered (its outbox row and its pg-boss job in the
// schema "pgboss") is delivered by the restored database's worker; and every document's files, from
// the folder store and from S3 (s3rver on loopback), byte for byte (their sha256).
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, backupEmbedded, BackupError, restore, restoreEmbedded } from "@/lib/db/backup";
import { pidFile } from "@/lib/db/pid-file";
import { type FileStore, localFileStore, newStorageKey, s3FileStore } from "@/lib/documenten/store";
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
import { startS3Server } from "../support/s3-server";
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
  const [zelfscans, answers, acties, comments, audit, messages, jobs, documenten, versies, koppelingen] = await Promise.all([
    p.zelfscan.findMany({ orderBy: { id: "asc" } }),
    p.answer.findMany({ orderBy: { id: "asc" } }),
    p.verbeteractie.findMany({ orderBy: { id: "asc" } }),
    p.comment.findMany({ orderBy: { id: "asc" } }),
    p.auditEntry.findMany({ orderBy: { id: "asc" } }),
    p.message.findMany({ orderBy: { id: "asc" } }),
    db.sql.query(`SELECT id, name, state, data FROM ${QUEUE_SCHEMA}.job WHERE name = $1 ORDER BY id`, [QUEUE.deliver]),
    p.document.findMany({ orderBy: { id: "asc" } }),
    p.documentVersie.findMany({ orderBy: { id: "asc" } }),
    p.answerDocument.findMany({ orderBy: [{ zelfscanId: "asc" }, { onderdeelId: "asc" }, { documentId: "asc" }] }),
  ]);
  return { zelfscans, answers, acties, comments, audit, messages, jobs, documenten, versies, koppelingen };
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Documents in the first gemeente's library, their files in the store: one of two versions (the
 * second 3 MB, more than a multipart part), one of a small file, linked to the first scan's first
 * answer; and a file no version names (an interrupted upload), which the backup copies too.
 */
async function addDocuments(prisma: PrismaClient, store: FileStore) {
  const scan = await prisma.zelfscan.findFirstOrThrow({ orderBy: { id: "asc" }, include: { answers: { orderBy: { onderdeelId: "asc" }, take: 1 } } });
  const file = async (bytes: Buffer) => {
    const key = newStorageKey(scan.gemeenteId);
    await store.put(key, Readable.from([bytes.subarray(0, bytes.length >> 1), bytes.subarray(bytes.length >> 1)]), {
      size: bytes.length,
      mediaType: "application/pdf",
    });
    return { storageKey: key, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), mediaType: "application/pdf" };
  };
  const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(size)]);
  const versies = [
    { nummer: 1, fileName: "regiovisie-2023.pdf", ...(await file(pdf(200_000))) },
    { nummer: 2, fileName: "regiovisie-2023-herzien.pdf", ...(await file(pdf(3 * 1024 * 1024))) },
  ];
  const regiovisie = await prisma.document.create({
    data: { gemeenteId: scan.gemeenteId, title: "Regiovisie 2023-2026", ingangsdatum: new Date("2023-01-01"), versies: { create: versies } },
  });
  await prisma.document.create({
    data: {
      gemeenteId: scan.gemeenteId,
      title: "Samenwerkingsafspraken Veilig Thuis",
      ingangsdatum: new Date("2024-03-01"),
      versies: { create: [{ nummer: 1, fileName: "afspraken.pdf", ...(await file(Buffer.from("%PDF-1.4\nafspraken"))) }] },
    },
  });
  await prisma.answerDocument.create({ data: { zelfscanId: scan.id, onderdeelId: scan.answers[0]!.onderdeelId, documentId: regiovisie.id } });
  await file(Buffer.from("onderbroken upload"));
}

/** Every version's file is in the store with the sha256 its row names; and what else the store holds. */
async function expectFilesOf(prisma: PrismaClient, store: FileStore) {
  const versies = await prisma.documentVersie.findMany();
  expect(versies).toHaveLength(3);
  for (const versie of versies) expect(await sha256Of(await store.get(versie.storageKey)), versie.fileName).toBe(versie.sha256);
  const keys: string[] = [];
  for await (const entry of store.list()) keys.push(entry.key);
  return keys.sort();
}

async function keysOf(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const entry of store.list()) keys.push(entry.key);
  return keys.sort();
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
  it("of the embedded database keeps everything, its files from the folder store too, and refuses while the app runs", async () => {
    const dataDir = path.join(work, "embedded", "pglite");
    const store = localFileStore(path.join(work, "embedded", "documenten"));
    const original = createDatabase({ kind: "embedded", dataDir });
    await applyMigrations(original.sql);
    await prepareQueue(original);
    await fill(original.prisma);
    await addDocuments(original.prisma, store);
    const waiting = await queueUndelivered(original);
    await original.prisma.auditEntry.create({ data: { action: "test.na-seed", targetType: "Test", details: { tekst: "casuïstiek" } } });
    const before = await contents(original);
    expectFilled(before);
    const storedBefore = await expectFilesOf(original.prisma, store);
    expect(storedBefore).toHaveLength(4);
    await original.prisma.$disconnect();
    await original.sql.close();

    writeFileSync(pidFile(dataDir), String(process.ppid));
    await expect(backup({ kind: "embedded", dataDir }, store, path.join(work, "geweigerd"))).rejects.toBeInstanceOf(BackupError);
    rmSync(pidFile(dataDir));

    const folder = path.join(work, "back-up-ingebouwd");
    expect(await backup({ kind: "embedded", dataDir }, store, folder)).toMatchObject({ files: 4, gone: 0 });
    expect(readdirSync(folder).sort()).toEqual(["database.tar.gz", "documenten", "documenten.jsonl"]);
    await expect(backup({ kind: "embedded", dataDir }, store, folder)).rejects.toThrow(/bestaat al/);

    // A file deleted between the listing and its copy (a document deleted while the app runs) is
    // skipped and counted; the rest of the backup is made.
    const vanishing: typeof store = {
      ...store,
      kind: store.kind,
      put: store.put.bind(store),
      get: store.get.bind(store),
      delete: store.delete.bind(store),
      async *list() {
        yield* store.list();
        yield { key: newStorageKey("verdwenen"), lastModified: new Date(), size: 12 };
      },
    };
    expect(await backup({ kind: "embedded", dataDir }, vanishing, path.join(work, "back-up-met-verdwenen-bestand"))).toMatchObject({ files: 4, gone: 1 });

    // Into an empty data folder and an empty store.
    const restoredDir = path.join(work, "restored", "pglite");
    const restoredStore = localFileStore(path.join(work, "restored", "documenten"));
    expect(await restore(folder, { kind: "embedded", dataDir: restoredDir }, restoredStore)).toMatchObject({ keptAside: null, files: 4 });
    const restored = createDatabase({ kind: "embedded", dataDir: restoredDir });
    expect(await contents(restored)).toEqual(before);
    expect(await expectFilesOf(restored.prisma, restoredStore)).toEqual(storedBefore);
    await expectDeliveredAfterRestore(restored, waiting);
    await restored.prisma.$disconnect();
    await restored.sql.close();

    // Restoring over an existing database keeps that one aside, and the files already in the store
    // stay: those of the backup are put back, another is not deleted.
    const other = newStorageKey("andere-gemeente");
    await restoredStore.put(other, Readable.from([Buffer.from("blijft")]), { size: 6, mediaType: "text/plain" });
    const again = await restore(folder, { kind: "embedded", dataDir: restoredDir }, restoredStore);
    expect(again.keptAside).toMatch(/pglite\.voor-herstel-/);
    expect(await keysOf(restoredStore)).toEqual([...storedBefore, other].sort());

    // A file changed in the backup is refused, and the store keeps its own.
    const changed = path.join(folder, "documenten", ...storedBefore[0]!.split("/"));
    const bytes = readFileSync(changed);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(changed, bytes);
    const third = localFileStore(path.join(work, "third", "documenten"));
    await expect(restore(folder, { kind: "embedded", dataDir: path.join(work, "third", "pglite") }, third)).rejects.toThrow(/andere sha256/);
    expect(await keysOf(third)).not.toContain(storedBefore[0]);

    // A backup of an older version (the database file alone) restores as before.
    const single = path.join(work, "zelfscan.tar.gz");
    await backupEmbedded(dataDir, single);
    expect(await restore(single, { kind: "embedded", dataDir: path.join(work, "single", "pglite") }, third)).toMatchObject({ keptAside: null, files: null });
    expect(await restoreEmbedded(single, path.join(work, "single", "pglite"))).toMatch(/pglite\.voor-herstel-/);
  });

  it("of PostgreSQL keeps everything, its files from S3 too", async () => {
    const original = await createEmptyDatabase("postgresql");
    const target = await createEmptyDatabase("postgresql");
    const s3 = await startS3Server({ bucket: "documenten" });
    // An empty bucket to restore into, on a server of its own.
    const s3Target = await startS3Server({ bucket: "documenten-hersteld" });
    try {
      const store = s3FileStore(s3.config);
      const targetStore = s3FileStore(s3Target.config);
      await applyMigrations(original.sql);
      await prepareQueue(original);
      await fill(original.prisma);
      await addDocuments(original.prisma, store);
      const waiting = await queueUndelivered(original);
      const before = await contents(original);
      expectFilled(before);
      const storedBefore = await expectFilesOf(original.prisma, store);
      const folder = path.join(work, "back-up-postgresql");
      expect(await backup(original.config, store, folder)).toMatchObject({ files: 4 });
      expect(readdirSync(folder).sort()).toEqual(["database.dump", "documenten", "documenten.jsonl"]);
      // An embedded database cannot take a PostgreSQL backup.
      await expect(restore(folder, { kind: "embedded", dataDir: path.join(work, "verkeerd") }, targetStore)).rejects.toThrow(/PostgreSQL-database/);

      expect(await restore(folder, target.config, targetStore)).toMatchObject({ files: 4 });
      expect(await contents(target)).toEqual(before);
      expect(await expectFilesOf(target.prisma, targetStore)).toEqual(storedBefore);
      await expectDeliveredAfterRestore(target, waiting);
    } finally {
      await s3.stop();
      await s3Target.stop();
      await original.drop();
      await target.drop();
    }
  });
});
