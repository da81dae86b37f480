// A real clamd for the tests: Debian's /usr/sbin/clamd (clamav-daemon) in the foreground on a free
// loopback TCP port, with a configuration and a signature database of its own in a temp folder.
// There is no internet here, so no freshclam and no official databases: clamd starts with whatever
// the DatabaseDirectory holds, as long as it holds at least one signature. Ours is one line of
// test.hdb, the MD5 of the EICAR test file (whole-file hash, size 68 bytes); clamd reports it as
// "Eicar-Test-Signature.UNOFFICIAL" (its suffix for signatures outside the official, signed
// databases). A second one, test.ndb, finds the EICAR string inside any file. Without a User directive clamd keeps the user it was started as (root in
// CI is accepted; the Debian package's /etc/clamav/clamd.conf, which switches to "clamav", is not
// read). Start-up with one signature takes about 60 ms here.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { EICAR } from "./document-fixtures";

const EICAR_SIGNATURE = "Eicar-Test-Signature";
/** What clamd answers for the EICAR file with our database. */
export const EICAR_FOUND = `${EICAR_SIGNATURE}.UNOFFICIAL`;
const EMBEDDED_SIGNATURE = "Eicar-In-Document";
/** What clamd answers for a file that carries the EICAR string inside (fixtures.eicarPdf). */
export const EICAR_EMBEDDED_FOUND = `${EMBEDDED_SIGNATURE}.UNOFFICIAL`;
const EICAR_MD5 = "44d88612fea8a8f36de82e1278abb02f";
const CLAMD = "/usr/sbin/clamd";

export type Clamd = { host: string; port: number; stop(): Promise<void> };

export async function startClamd(options: { timeoutMs?: number } = {}): Promise<Clamd> {
  const dir = mkdtempSync(path.join(tmpdir(), "clamd-"));
  const databases = path.join(dir, "db");
  const scratch = path.join(dir, "tmp");
  mkdirSync(databases);
  mkdirSync(scratch);
  writeFileSync(path.join(databases, "test.hdb"), `${EICAR_MD5}:68:${EICAR_SIGNATURE}\n`);
  // The EICAR string anywhere in any file (fixtures.eicarPdf: a valid PDF that must be refused).
  writeFileSync(path.join(databases, "test.ndb"), `${EMBEDDED_SIGNATURE}:0:*:${Buffer.from(EICAR, "latin1").toString("hex")}\n`);
  const port = await freePort();
  const config = path.join(dir, "clamd.conf");
  const log = path.join(dir, "clamd.log");
  writeFileSync(
    config,
    [
      "Foreground yes",
      `TCPSocket ${port}`,
      "TCPAddr 127.0.0.1",
      `DatabaseDirectory ${databases}`,
      `TemporaryDirectory ${scratch}`,
      `LogFile ${log}`,
      "LogTime yes",
      // The application's largest document is 25 MB; clamd's default StreamMaxLength is exactly
      // that, without room for the odd byte.
      "StreamMaxLength 30M",
      // No database updates to check for: the self-check would only reread test.hdb.
      "SelfCheck 0",
      "",
    ].join("\n"),
  );

  const child = spawn(CLAMD, ["-c", config], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clamd stopte bij het starten (${child.exitCode}): ${stderr}${readLog(log)}`);
    if (await ping("127.0.0.1", port)) break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`clamd antwoordde niet op PING binnen de tijd: ${stderr}${readLog(log)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  let stopped = false;
  return {
    host: "127.0.0.1",
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopChild(child, exited);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function readLog(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-10).join("\n");
  } catch {
    return "";
  }
}

/** A loopback port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("geen poort"))));
    });
  });
}

function ping(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => socket.write("zPING\0"));
    socket.on("data", (chunk) => {
      answer += chunk.toString();
      if (answer.includes("PONG")) done(true);
    });
    socket.once("error", () => done(false));
    socket.once("end", () => done(answer.includes("PONG")));
  });
}
