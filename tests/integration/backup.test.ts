// A backup restored elsewhere holds every scan, answer, action and audit entry.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupEmbedded, backupPostgres, BackupError, pidFile, restoreEmbedded, restorePostgres } from "@/lib/db/backup";
import { createDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";
import { createEmptyDatabase } from "../support/databases";

const work = mkdtempSync(path.join(os.tmpdir(), "zelfscan-backup-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function contents(db: Database) {
  const p = db.prisma;
  const [zelfscans, answers, acties, audit] = await Promise.all([
    p.zelfscan.findMany({ orderBy: { id: "asc" } }),
    p.answer.findMany({ orderBy: { id: "asc" } }),
    p.verbeteractie.findMany({ orderBy: { id: "asc" } }),
    p.auditEntry.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { zelfscans, answers, acties, audit };
}

describe("backup and restore", () => {
  it("of the embedded database keeps everything, and refuses while the app runs", async () => {
    const dataDir = path.join(work, "embedded", "pglite");
    const original = createDatabase({ kind: "embedded", dataDir });
    await applyMigrations(original.sql);
    await seedDemoData(original.prisma);
    await original.prisma.auditEntry.create({ data: { action: "test.na-seed", targetType: "Test", details: { tekst: "casuïstiek" } } });
    const before = await contents(original);
    expect(before.answers.length).toBeGreaterThan(300);
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
      await seedDemoData(original.prisma);
      const before = await contents(original);
      const file = path.join(work, "zelfscan.dump");
      await backupPostgres((original.config as { url: string }).url, file);
      await restorePostgres(file, (target.config as { url: string }).url);
      expect(await contents(target)).toEqual(before);
    } finally {
      await original.drop();
      await target.drop();
    }
  });
});
