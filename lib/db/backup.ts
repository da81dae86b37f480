// Backup and restore, one command each (scripts/backup.ts, scripts/restore.ts). A backup is a
// folder with the database and every stored document file:
//   database.tar.gz | database.dump   the embedded database: PGlite's own dump of its data folder,
//                                     taken while the app is stopped, since only one process may
//                                     open the folder; PostgreSQL: pg_dump's custom format,
//                                     restored with pg_restore in one transaction
//   documenten/<key>                  each file of the file store (lib/documenten/store.ts), as is
//   documenten.jsonl                  one line per file: {"key","size","sha256"}
// A folder rather than one archive: the files are copied one by one, streamed, and a backup tool
// (restic, borg, rsync --link-dest) keeps a file that did not change only once. A backup of an
// older version is a single database file, and restores as before (without documents).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { type FileStore, localFileStore, StoredFileMissingError } from "@/lib/documenten/store";
import type { DatabaseConfig } from "./config";
import { pidFile } from "./pid-file";

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

async function backupPostgres(url: string, outFile: string): Promise<void> {
  await mkdir(path.dirname(outFile), { recursive: true });
  try {
    await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${outFile}`, `--dbname=${url}`]);
  } catch (error) {
    throw new BackupError(`pg_dump is mislukt: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
}

/** Replaces the contents of the database at url with the backup, all or nothing. */
async function restorePostgres(file: string, url: string): Promise<void> {
  try {
    await run(pgTool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${url}`, file]);
  } catch (error) {
    throw new BackupError(`pg_restore is mislukt: ${(error as { stderr?: string }).stderr?.trim() || String(error)}`);
  }
}

const DATABASE_FILE = { embedded: "database.tar.gz", postgresql: "database.dump" } as const;
const FILES_DIR = "documenten";
const MANIFEST = "documenten.jsonl";

type ManifestLine = { key: string; size: number; sha256: string };

/** source piped through transform, with source's error passed on (pipe alone would leave the transform waiting). */
function through<T extends Transform>(source: Readable, transform: T): T {
  source.once("error", (error) => transform.destroy(error));
  return source.pipe(transform);
}

/** Passes the bytes through while hashing them; `expected`: fails at the end when the hash differs. */
function sha256Pass(expected?: string): Transform & { digest: () => string } {
  const hash = createHash("sha256");
  let digest = "";
  const pass = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      digest = hash.digest("hex");
      done(expected === undefined || digest === expected ? null : new BackupError(`Het bestand heeft een andere sha256 dan de back-up vermeldt (${digest}).`));
    },
  });
  return Object.assign(pass, { digest: () => digest });
}

/** Copies every file of the store into dir/documenten, streamed, and lists them in dir/documenten.jsonl. */
async function backupFiles(store: FileStore, dir: string): Promise<{ files: number; bytes: number; gone: number }> {
  const target = localFileStore(path.join(dir, FILES_DIR));
  const manifestFile = path.join(dir, `${MANIFEST}.deel`);
  const manifest = createWriteStream(manifestFile, { flags: "wx", mode: 0o600, flush: true });
  let files = 0;
  let bytes = 0;
  let gone = 0;
  try {
    for await (const entry of store.list()) {
      const hashing = sha256Pass();
      let source;
      try {
        source = await store.get(entry.key);
      } catch (error) {
        // Deleted since it was listed (a document deleted while the app runs): its row is not in
        // the database dump either, or is swept after a restore. Counted, not fatal.
        if (!(error instanceof StoredFileMissingError)) throw error;
        gone++;
        continue;
      }
      await target.put(entry.key, through(source, hashing), { size: entry.size, mediaType: "application/octet-stream" });
      const line: ManifestLine = { key: entry.key, size: entry.size, sha256: hashing.digest() };
      if (!manifest.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((resolve) => manifest.once("drain", () => resolve()));
      files++;
      bytes += entry.size;
    }
  } finally {
    await new Promise<void>((resolve, reject) => manifest.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  // Only a complete backup has its list under the final name.
  await rename(manifestFile, path.join(dir, MANIFEST));
  return { files, bytes, gone };
}

/**
 * Puts every file of the backup into the store, each checked against its sha256 on the way. A file
 * under the same key is replaced; nothing else in the store is touched (files that the restored
 * database does not name are left to the sweep, lib/documenten/sweep.ts).
 */
async function restoreFiles(dir: string, store: FileStore): Promise<{ files: number; bytes: number }> {
  const source = localFileStore(path.join(dir, FILES_DIR));
  const lines = createInterface({ input: createReadStream(path.join(dir, MANIFEST)), crlfDelay: Infinity });
  let files = 0;
  let bytes = 0;
  for await (const text of lines) {
    if (!text.trim()) continue;
    const line = JSON.parse(text) as ManifestLine;
    await store.put(line.key, through(await source.get(line.key), sha256Pass(line.sha256)), { size: line.size, mediaType: "application/octet-stream" });
    files++;
    bytes += line.size;
  }
  return { files, bytes };
}

export type BackupSummary = { folder: string; files: number; bytes: number; gone: number };

/** A backup folder (see the top of this file) of the database and the store; dir must not exist yet or be empty. */
export async function backup(config: DatabaseConfig, store: FileStore, dir: string): Promise<BackupSummary> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new BackupError(`De map ${dir} bestaat al en is niet leeg; kies een nieuwe map voor de back-up.`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The database first: a file stored during the backup then has no row in it, and is swept after a
  // restore; the other way round a restored row could lack its file.
  if (config.kind === "embedded") await backupEmbedded(config.dataDir, path.join(dir, DATABASE_FILE.embedded));
  else await backupPostgres(config.url, path.join(dir, DATABASE_FILE.postgresql));
  return { folder: dir, ...(await backupFiles(store, dir)) };
}

export type RestoreSummary = { keptAside: string | null; files: number | null; bytes: number };

/**
 * Restores a backup: a folder made by backup(), or the single database file of an older version
 * (then no files). The database as restoreEmbedded/restorePostgres do; the files into the store.
 */
export async function restore(source: string, config: DatabaseConfig, store: FileStore): Promise<RestoreSummary> {
  if (!existsSync(source)) throw new BackupError(`De back-up ${source} bestaat niet.`);
  const folder = statSync(source).isDirectory();
  const databaseFile = folder ? path.join(source, DATABASE_FILE[config.kind]) : source;
  if (folder && !existsSync(databaseFile)) {
    const other = DATABASE_FILE[config.kind === "embedded" ? "postgresql" : "embedded"];
    throw new BackupError(
      existsSync(path.join(source, other))
        ? `Deze back-up is van een ${config.kind === "embedded" ? "PostgreSQL-" : "ingebouwde "}database (${other}); zet hem terug met dezelfde soort database.`
        : `In ${source} staat geen ${DATABASE_FILE[config.kind]}.`,
    );
  }
  if (folder && !existsSync(path.join(source, MANIFEST))) throw new BackupError(`In ${source} ontbreekt ${MANIFEST}: de back-up is niet afgemaakt.`);
  let keptAside: string | null = null;
  if (config.kind === "embedded") keptAside = await restoreEmbedded(databaseFile, config.dataDir);
  else await restorePostgres(databaseFile, config.url);
  if (!folder) return { keptAside, files: null, bytes: 0 };
  return { keptAside, ...(await restoreFiles(source, store)) };
}
