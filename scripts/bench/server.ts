// A production server (server.mjs, as npm start, on the existing build) for a benchmark, on loopback, with its
// own environment; stopped with its whole process group.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export function hasProductionBuild(): boolean {
  return existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
}

export async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  // No proxy watches a benchmark's server: it need not keep serving after SIGTERM (server.mjs's drain).
  const serverEnv: NodeJS.ProcessEnv = { SHUTDOWN_DRAIN_MS: "0", ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (!env.DATABASE_URL) delete serverEnv.DATABASE_URL;
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof", profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, "server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: serverEnv,
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  server.stderr!.on("data", (chunk) => (stderr += chunk));
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error(`De server stopte: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`De server startte niet: ${stderr}`);
}

export async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid!, "SIGTERM");
  await exited;
}

/**
 * CPU time the server process has used so far (user + system), in milliseconds, from
 * /proc/<pid>/stat; null where there is no /proc. Busy time per request, unlike latency, does not
 * depend on what else the machine is doing.
 */
export function serverCpuMs(server: ChildProcess): number | null {
  try {
    const stat = readFileSync(`/proc/${server.pid}/stat`, "utf8");
    // The fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

// USER_HZ: 100 on every Linux architecture Node.js runs on.
const CLOCK_TICKS_PER_SECOND = 100;
