// Several instances behind HAProxy (docs/haproxy.cfg), the set-up of `npm run bench -- instances`
// (tests/support/instances.ts), shorter: two production instances started at the same moment on an
// empty PostgreSQL database, 10 officers logged in through the proxy and autosaving, instance B
// stopped halfway with SIGTERM and started again, instance A restarted with SIGTERM at three
// quarters. Graceful stops, so that exactly-once delivery is deterministic: a SIGKILL between the
// SMTP server's 250 and recording it may send a message twice (the bench counts that).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { ScenarioOptions, ScenarioResult } from "../support/instances";

const HAPROXY = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";

test("two instances behind HAProxy: migrations once, no acknowledged save lost, sessions and rate limits shared, every message once", async () => {
  test.setTimeout(300_000);
  const dir = path.resolve("tmp", "e2e-instances");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const options: Omit<ScenarioOptions, "progress"> = {
    officers: 10,
    seconds: 20,
    pacingMs: 1000,
    ports: { proxy: 3251, a: 3252, b: 3253 },
    adminUrl: process.env.TEST_POSTGRES_URL,
    stopB: "SIGTERM",
    messages: 60,
    settleTimeoutMs: 90_000,
    drainMs: 2500,
  };
  writeFileSync(path.join(dir, "options.json"), JSON.stringify(options));
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    [
      path.resolve("node_modules", "tsx", "dist", "cli.mjs"),
      "--import",
      "./scripts/bench/server-only-hook.mjs",
      "tests/support/instances-run.ts",
      path.join(dir, "options.json"),
      path.join(dir, "result.json"),
    ],
    { env: { ...process.env, HAPROXY_PATH: HAPROXY }, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code, output.join("")).toBe(0);
  const result = JSON.parse(readFileSync(path.join(dir, "result.json"), "utf8")) as ScenarioResult;
  rmSync(dir, { recursive: true, force: true });
  const summary = JSON.stringify(result, null, 2);

  // The migrations ran once: each once in the table, and one instance applied them all.
  expect(result.migrations.rows, summary).toBe(result.migrations.files);
  expect(result.migrations.distinct, summary).toBe(result.migrations.files);
  expect(result.migrations.appliedByA + result.migrations.appliedByB, summary).toBe(result.migrations.files);
  expect(Math.min(result.migrations.appliedByA, result.migrations.appliedByB), summary).toBe(0);

  // Saves went on through both restarts, and nothing acknowledged was lost.
  expect(result.saves, summary).toBeGreaterThan(result.officers * 10);
  expect(result.lost.checked, summary).toBeGreaterThan(0);
  expect(result.lost.lost, summary).toBe(0);
  expect(result.unexpected, summary).toBe(0);
  // Graceful stops: requests in flight finish, HAProxy takes the instance out while it drains and
  // sends a refused or cut connection to the other one: the officers see no error at all.
  expect(result.errors, summary).toBe(0);

  // Sessions made by one instance work on the other; B's officers went on on A.
  expect(result.sessions.unauthorized, summary).toBe(0);
  expect(result.sessions.madeOnOneUsedOnOther, summary).toBe(result.officers);
  expect(result.sessions.servedByBBefore, summary).toBeGreaterThan(0);
  expect(result.sessions.continuedOnA, summary).toBe(result.sessions.servedByBBefore);

  // One lock-out count for both instances.
  expect(result.rateLimit.firstRefusedAttempt, summary).toBe(result.rateLimit.expectedShared);

  // Every queued message and every due reminder delivered exactly once (by Message-ID).
  expect(result.mail, summary).toEqual({ queued: options.messages, delivered: options.messages, missing: 0, duplicated: 0, failed: 0 });
  expect(result.reminders, summary).toEqual({
    expected: result.officers,
    queued: result.officers,
    delivered: result.officers,
    missing: 0,
    duplicated: 0,
  });
});
