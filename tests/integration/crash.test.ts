// A crash during saves: a process saving whole steps is killed (SIGKILL, no chance to clean up)
// while it writes, on the embedded database (its data folder on disk, opened again afterwards, as
// after a power cut) and on PostgreSQL. Afterwards every step is there whole or not at all, every
// change has its audit entry, and every step the database acknowledged before the crash is there.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { createMeetronde, createRegio, createUser, createZelfscan, officerOf } from "../support/factories";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

/** Runs the saving child until it has acknowledged `atLeast` steps, kills it mid-run; returns what it acknowledged. */
function saveUntilKilled(args: string[], atLeast: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/save-steps-until-killed.ts", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acknowledged: number[] = [];
    let buffer = "";
    let errors = "";
    let killing = false;
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      acknowledged.push(...lines.filter(Boolean).map(Number));
      if (!killing && acknowledged.length >= atLeast) {
        killing = true;
        // Somewhere inside the next saves, not just after one.
        setTimeout(() => child.kill("SIGKILL"), 5 + Math.random() * 40);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve(acknowledged) : reject(new Error(`Het kind stopte zelf (${code}): ${errors}`))));
  });
}

/** Per answer of the scan: its version and its number of audit entries. */
async function changes(db: Database, zelfscanId: string) {
  const answers = await db.prisma.answer.findMany({ where: { zelfscanId } });
  const audits = await db.prisma.auditEntry.groupBy({
    by: ["targetId"],
    where: { action: "antwoord.opgeslagen", targetId: { in: answers.map((row) => row.id) } },
    _count: true,
  });
  const auditCount = new Map(audits.map((row) => [row.targetId, row._count]));
  return { answers, versions: new Map(answers.map((row) => [row.id, { version: row.version, audits: auditCount.get(row.id) ?? 0 }])) };
}

async function expectWholeSteps(db: Database, zelfscanId: string, acknowledged: number[], before: Awaited<ReturnType<typeof changes>>["versions"]) {
  const { answers, versions } = await changes(db, zelfscanId);
  for (const requirement of framework.requirements) {
    const rows = answers.filter((row) => requirement.onderdelen.some((onderdeel) => onderdeel.id === row.onderdeelId));
    const markers = new Set(rows.map((row) => row.toelichting));
    // Whole or absent: every answer of the eis from the same step.
    expect(
      rows.length === 0 || (rows.length === requirement.onderdelen.length && markers.size === 1),
      `eis ${requirement.number}: ${[...markers].join(", ")}`,
    ).toBe(true);
    const lastAcknowledged = Math.max(
      0,
      ...acknowledged.filter((step) => step % framework.requirements.length === framework.requirements.indexOf(requirement)),
    );
    const stored = rows.length ? Number(/^stap (\d+)$/.exec(rows[0]!.toelichting)![1]) : 0;
    expect(stored, `eis ${requirement.number}`).toBeGreaterThanOrEqual(lastAcknowledged);
  }
  // Every change of every answer has its audit entry, no more and no fewer.
  for (const row of answers) {
    const then = before.get(row.id) ?? { version: 0, audits: 0 };
    expect(versions.get(row.id)!.audits - then.audits, row.onderdeelId).toBe(row.version - then.version);
  }
}

describe.each(DATABASE_KINDS)("a crash during saves on the %s database", (kind) => {
  let cleanup = async () => {};
  afterAll(() => cleanup());

  it("leaves every step whole or absent, with its audit entries, and keeps every acknowledged step", async () => {
    let target: string;
    let reopen: () => Database;
    let db: Database;
    if (kind === "embedded") {
      const folder = mkdtempSync(path.join(os.tmpdir(), "zelfscan-crash-"));
      target = path.join(folder, "pglite");
      reopen = () => createDatabase({ kind: "embedded", dataDir: target });
      db = reopen();
      await applyMigrations(db.sql);
      cleanup = async () => rmSync(folder, { recursive: true, force: true });
    } else {
      const created: TestDatabase = await createMigratedDatabase(kind);
      if (created.config.kind !== "postgresql") throw new Error("PostgreSQL verwacht");
      target = created.config.url;
      reopen = () => createDatabase({ kind: "postgresql", url: target });
      db = created;
      cleanup = () => created.drop();
    }
    // A concept scan of an open round with its first 20 items answered (each at version 1), and the officer of its gemeente.
    const regio = await createRegio(db.prisma, { gemeenten: 1 });
    const gemeente = regio.gemeenten[0]!;
    const officer = await createUser(db.prisma, { grants: [officerOf(gemeente)] });
    const meetronde = await createMeetronde(db.prisma, { regio, status: "OPEN" });
    const scan = await createZelfscan(db.prisma, { gemeente, meetronde, status: "CONCEPT", answers: 20, editor: officer });
    const before = (await changes(db, scan.id)).versions;
    expect([...before.values()]).toEqual(Array.from({ length: 20 }, () => ({ version: 1, audits: 0 })));
    // The child needs the embedded database to itself, as the app does.
    await db.prisma.$disconnect();
    if (kind === "embedded") await db.sql.close();

    const acknowledged = await saveUntilKilled([kind, target, scan.id, officer.id], 40);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const after = reopen();
    try {
      await expectWholeSteps(after, scan.id, acknowledged, before);
    } finally {
      await after.prisma.$disconnect();
      await after.sql.close();
    }
  }, 120_000);
});
