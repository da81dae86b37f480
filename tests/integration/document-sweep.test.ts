// The sweep of stored files on both databases: a file that no DocumentVersie names is deleted once
// it is older than an hour, a named one is kept however old, a young one (an upload between storing
// and its row) is kept; and the worker's nightly job runs it.
import { mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FileStore, localFileStore, newStorageKey } from "@/lib/documenten/store";
import { sweepStoredFiles } from "@/lib/documenten/sweep";
import { QUEUE } from "@/lib/mail/queue";
import { startMailWorker } from "@/lib/mail/worker";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { createRegio } from "../support/factories";

const HOUR = 3_600_000;

async function keysOf(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const entry of store.list()) keys.push(entry.key);
  return keys.sort();
}

describe.each(DATABASE_KINDS)("the sweep of stored files on the %s database", (kind) => {
  let db: TestDatabase;
  let folder: string;
  let store: FileStore;
  let gemeenteId: string;

  async function storeFile(content = "%PDF-1.7\nbewijs") {
    const key = newStorageKey(gemeenteId);
    await store.put(key, Readable.from([Buffer.from(content)]), { size: Buffer.byteLength(content), mediaType: "application/pdf" });
    return key;
  }

  async function createDocumentWith(keys: string[]) {
    return db.prisma.document.create({
      data: {
        gemeenteId,
        title: "Regiovisie 2023-2026",
        ingangsdatum: new Date("2023-01-01"),
        versies: {
          create: keys.map((storageKey, index) => ({
            nummer: index + 1,
            fileName: `regiovisie-${index + 1}.pdf`,
            mediaType: "application/pdf",
            size: 15,
            sha256: "0".repeat(64),
            storageKey,
          })),
        },
      },
    });
  }

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    const regio = await createRegio(db.prisma, { gemeenten: 1 });
    gemeenteId = regio.gemeenten[0]!.id;
  });

  afterAll(async () => {
    await db?.drop();
  });

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), "documenten-sweep-"));
    store = localFileStore(folder);
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it("deletes the files no version names once they are older than an hour, and keeps the rest", async () => {
    const named = [await storeFile(), await storeFile()];
    await createDocumentWith(named);
    const orphans = [await storeFile(), await storeFile(), await storeFile()];

    // Just stored: an upload may still be writing its row.
    expect(await sweepStoredFiles(db.prisma, store)).toEqual({ bekeken: 5, verwijderd: 0, teJong: 5, vreemd: 0 });
    expect(await keysOf(store)).toEqual([...named, ...orphans].sort());

    // Two hours later.
    const later = new Date(Date.now() + 2 * HOUR);
    expect(await sweepStoredFiles(db.prisma, store, { now: later })).toEqual({ bekeken: 5, verwijderd: 3, teJong: 0, vreemd: 0 });
    expect(await keysOf(store)).toEqual([...named].sort());

    // A threshold of its own.
    const young = await storeFile();
    expect(await sweepStoredFiles(db.prisma, store, { olderThanMs: 10 * HOUR, now: later })).toEqual({ bekeken: 3, verwijderd: 0, teJong: 3, vreemd: 0 });
    expect(await sweepStoredFiles(db.prisma, store, { olderThanMs: 0, now: later })).toEqual({ bekeken: 3, verwijderd: 1, teJong: 0, vreemd: 0 });
    expect(await keysOf(store)).not.toContain(young);
  });

  it("deletes a document's files after the document is deleted, and keeps another document's", async () => {
    const kept = await createDocumentWith([await storeFile()]);
    const deleted = await createDocumentWith([await storeFile(), await storeFile()]);
    const keptKeys = (await db.prisma.documentVersie.findMany({ where: { documentId: kept.id } })).map((versie) => versie.storageKey);
    await db.prisma.document.delete({ where: { id: deleted.id } });

    expect(await sweepStoredFiles(db.prisma, store, { now: new Date(Date.now() + 2 * HOUR) })).toEqual({ bekeken: 3, verwijderd: 2, teJong: 0, vreemd: 0 });
    expect(await keysOf(store)).toEqual(keptKeys);
  });

  it("leaves alone what the app did not store: keys of another shape, however old", async () => {
    const foreign = ["backups/2026-12-01.tar", "andere-app/logo.png", `${gemeenteId}/niet-een-uuid`];
    for (const key of foreign) await store.put(key, Readable.from([Buffer.from("ander")]), { size: 5, mediaType: "application/octet-stream" });
    const orphan = await storeFile();
    expect(await sweepStoredFiles(db.prisma, store, { olderThanMs: 0, now: new Date(Date.now() + 2 * HOUR) })).toEqual({
      bekeken: 4,
      verwijderd: 1,
      teJong: 0,
      vreemd: 3,
    });
    expect(await keysOf(store)).toEqual([...foreign].sort());
    expect(await keysOf(store)).not.toContain(orphan);
  });

  it("checks the keys in batches: more files than one query takes", async () => {
    const keys: string[] = [];
    for (let index = 0; index < 1_100; index++) keys.push(await storeFile(`bestand ${index}`));
    await createDocumentWith(keys.filter((_, index) => index % 2 === 0));
    expect(await sweepStoredFiles(db.prisma, store, { olderThanMs: 0 })).toEqual({ bekeken: 1_100, verwijderd: 550, teJong: 0, vreemd: 0 });
    expect(await keysOf(store)).toEqual(keys.filter((_, index) => index % 2 === 0).sort());
  });

  it("runs as the worker's job", async () => {
    const orphan = await storeFile();
    const named = await storeFile();
    await createDocumentWith([named]);
    // Both stored two hours ago.
    const past = new Date(Date.now() - 2 * HOUR);
    for (const key of [orphan, named]) utimesSync(path.join(folder, ...key.split("/")), past, past);

    const worker = await startMailWorker(db, { pollingIntervalSeconds: 0.5, store });
    try {
      await worker.boss.send(QUEUE.documentSweep, {});
      const until = Date.now() + 30_000;
      while ((await keysOf(store)).includes(orphan)) {
        if (Date.now() > until) throw new Error("De opruimtaak heeft het verweesde bestand niet verwijderd.");
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await keysOf(store)).toEqual([named]);
    } finally {
      await worker.stop();
    }
  });
});
