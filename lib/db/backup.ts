// Backup and restore, one command each (scripts/backup.ts, scripts/restore.ts):
// - the embedded database: PGlite's own dump of its data folder (a .tar.gz), taken while the app
//   is stopped, since only one process may open the folder;
// - PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";

const run = promisify(execFile);

export class BackupError extends Error {}

/** The folder with Debian's PostgreSQL client tools of the newest version, or PATH. */
function pgTool(name: "pg_dump" | "pg_restore"): string {
  if (process.env.PG_BIN_DIR) return path.join(process.env.PG_BIN_DIR, name);
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const dir = readdirSync(base)
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => path.join(base, version, "bin", name))
      .find((candidate) => existsSync(candidate));
    if (dir) return dir;
  }
  return name;
}

const PID_FILE = "app.pid";

/** Written by the running app beside its embedded database, so that a backup can refuse to run. */
export function pidFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), PID_FILE);
}

function assertAppStopped(dataDir: string) {
  const file = pidFile(dataDir);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, "utf8").trim());
  try {
    if (pid && pid !== process.pid) {
      process.kill(pid, 0);
      throw new BackupError(`De applicatie draait nog (proces ${pid}) en gebruikt de ingebouwde database. Stop de applicatie eerst.`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // No such process: a stale pid file from an app that did not stop cleanly.
  }
}

export async function backupEmbedded(dataDir: string, outFile: string): Promise<void> {
  if (!existsSync(dataDir)) throw new BackupError(`Er is geen ingebouwde database in ${dataDir}.`);
  assertAppStopped(dataDir);
  const db = await PGlite.create(dataDir);
  try {
    const dump = await db.dumpDataDir("gzip");
    await mkdir(path.dirname(outFile), { recursive: true });
    await writeFile(outFile, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  } finally {
    await db.close();
  }
}

/** Restores into dataDir; an existing database there is kept aside, never deleted. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<string | null> {
  assertAppStopped(dataDir);
  const dump = await readFile(file);
  let keptAside: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    keptAside = `${dataDir}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dataDir, keptAside);
  }
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { loadDataDir: new Blob([new Uint8Array(dump)]) });
  await db.query("SELECT 1");
  await db.close();
  return keptAside;
}

export async function backupPostgres(url: string, outFile: string): Promise<void> {
  await mkdir(path.dirname(outFile), { recursive: true });
  try {
    await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${outFile}`, `--dbname=${url}`]);
  } catch (error) {
    throw new BackupError(`pg_dump is mislukt: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
}

/** Replaces the contents of the database at url with the backup, all or nothing. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  try {
    await run(pgTool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${url}`, file]);
  } catch (error) {
    throw new BackupError(`pg_restore is mislukt: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
}
