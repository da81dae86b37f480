// A throwaway PostgreSQL server from Debian's binaries, for the tests (scripts/test.mjs) and for
// the e2e test that stops and starts the database under a running app. As root, the server runs
// as the postgres system user, because PostgreSQL refuses to run as root.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** The newest PostgreSQL bin folder with initdb, or undefined. */
export function postgresBinDir() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(base, v, "bin")).find((dir) => existsSync(path.join(dir, "initdb")));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Creates and starts a cluster in a new temporary folder.
 * @returns {Promise<{ url: string, port: number, stop(): void, start(): void, destroy(): void }>}
 */
export async function createCluster() {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is niet geïnstalleerd (apt-get install postgresql).");
  const dir = mkdtempSync(path.join(os.tmpdir(), "zelfscan-pg-"));
  const asRoot = process.getuid?.() === 0;
  /** @param {string[]} args */
  const run = (args) =>
    spawnSync(asRoot ? "runuser" : args[0], asRoot ? ["-u", "postgres", "--", ...args] : args.slice(1), {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  if (asRoot) {
    chmodSync(dir, 0o700);
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(uid.stdout), Number(gid.stdout));
  }
  const data = path.join(dir, "data");
  const init = run([path.join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);
  if (init.status !== 0) throw new Error(`initdb is mislukt:\n${init.stderr}`);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=200 -c fsync=off`;
  const logFile = path.join(dir, "server.log");
  const start = () => {
    const result = run([path.join(bin, "pg_ctl"), "-D", data, "-o", options, "-l", logFile, "-w", "start"]);
    if (result.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
      throw new Error(`PostgreSQL start niet:\n${result.stderr}\n${log}`);
    }
  };
  const stop = () => {
    run([path.join(bin, "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"]);
  };
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy() {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
