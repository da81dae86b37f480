// The sweep (a daily job of the worker, lib/mail/worker.ts): deletes the stored files that no
// DocumentVersie names. They are left by a process that died between storing a file and writing its
// row, and by the deletion of a document or a gemeente (the rows go in the transaction, the files
// after it). Only files older than the threshold (an hour) go: an upload in progress stores its
// file before it writes the row, and must not lose it in between.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileStore } from "./store";

/** The keys checked against the database per query. */
const BATCH = 500;

export type SweepResult = { bekeken: number; verwijderd: number; teJong: number };

export async function sweepStoredFiles(
  prisma: Pick<PrismaClient, "documentVersie">,
  store: FileStore,
  { olderThanMs = 3_600_000, now = new Date() }: { olderThanMs?: number; now?: Date } = {},
): Promise<SweepResult> {
  const result: SweepResult = { bekeken: 0, verwijderd: 0, teJong: 0 };
  const cutoff = now.getTime() - olderThanMs;
  let batch: string[] = [];

  async function sweep(keys: string[]) {
    const named = await prisma.documentVersie.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } });
    const kept = new Set(named.map((versie) => versie.storageKey));
    for (const key of keys) {
      if (kept.has(key)) continue;
      await store.delete(key);
      result.verwijderd++;
    }
  }

  for await (const entry of store.list()) {
    result.bekeken++;
    if (entry.lastModified.getTime() > cutoff) {
      result.teJong++;
      continue;
    }
    batch.push(entry.key);
    if (batch.length === BATCH) {
      await sweep(batch);
      batch = [];
    }
  }
  if (batch.length) await sweep(batch);
  return result;
}
