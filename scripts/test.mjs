#!/usr/bin/env node
// npm test: the whole suite, as CI runs it. Type check and lint, unit tests, integration tests on
// the embedded database and on a real PostgreSQL server, a production build and the end-to-end
// tests in Debian's Chromium. Without TEST_POSTGRES_URL it starts a throwaway PostgreSQL server
// of its own (Debian's postgresql package) and removes it afterwards.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createCluster, postgresBinDir } from "./pg-cluster.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const INSTALL_HINT =
  "Installeer wat ontbreekt met: sudo apt-get install -y chromium postgresql poppler-utils fonts-dejavu-core openssl clamav-daemon haproxy prometheus";

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}

function which(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).stdout.trim();
}

// --- What the machine must have -------------------------------------------------------------
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const missing = [];
if (!existsSync(chromium)) missing.push(`Chromium (${chromium}; of zet CHROMIUM_PATH)`);
if (!which("pdfinfo")) missing.push("poppler-utils (pdfinfo, pdftotext, pdffonts)");
// The tests' SMTP server speaks STARTTLS with a certificate made for the run.
if (!which("openssl")) missing.push("openssl");
// The virus-scan tests start Debian's clamd on loopback with a signature file of their own.
if (!existsSync(env.CLAMD_PATH ?? "/usr/sbin/clamd")) missing.push("clamd (clamav-daemon; of zet CLAMD_PATH)");
// tests/e2e/instances.spec.ts puts HAProxy (docs/haproxy.cfg) in front of two instances.
if (!existsSync(env.HAPROXY_PATH ?? "/usr/sbin/haproxy")) missing.push("HAProxy (haproxy; of zet HAPROXY_PATH)");
// tests/e2e/metrics.spec.ts checks the metrics with Prometheus's own promtool.
if (!which("promtool")) missing.push("promtool (prometheus)");
const pgBin = postgresBinDir();
if (!env.TEST_POSTGRES_URL && !pgBin) missing.push("PostgreSQL (of zet TEST_POSTGRES_URL naar een bestaande server)");
if (missing.length) fail(`De tests hebben nog nodig:\n- ${missing.join("\n- ")}\n${INSTALL_HINT}`);
if (!existsSync("node_modules")) fail("Voer eerst `npm install` uit.");

// --- A throwaway PostgreSQL server ------------------------------------------------------------
let stopPostgres = () => {};
async function startPostgres() {
  try {
    const cluster = await createCluster();
    stopPostgres = () => {
      cluster.destroy();
      stopPostgres = () => {};
    };
    console.log(`PostgreSQL-testserver gestart op poort ${cluster.port}.`);
    return cluster.url;
  } catch (error) {
    fail(error.message);
  }
}

// --- Steps ------------------------------------------------------------------------------------
mkdirSync("tmp/test-reports", { recursive: true });

function step(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function countVitest(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
}

function countPlaywright(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats?.expected ?? 0, failed: (stats?.unexpected ?? 0) + (stats?.flaky ?? 0) };
}

const cleanup = () => stopPostgres();
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

let failed = false;
try {
  if (!env.TEST_POSTGRES_URL) env.TEST_POSTGRES_URL = await startPostgres();
  for (const file of ["unit.json", "integration.json", "e2e.json"]) rmSync(path.join("tmp/test-reports", file), { force: true });

  const steps = [
    ["Typecheck", "npx", ["tsc", "--noEmit", "-p", "."]],
    ["Lint (eslint, Prettier, dead exports)", "npm", ["run", "--silent", "lint"]],
    ["Unittests", "npx", ["vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile=tmp/test-reports/unit.json"]],
    [
      "Integratietests (ingebouwde database en PostgreSQL)",
      "npx",
      ["vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=tmp/test-reports/integration.json"],
    ],
    ["Productiebuild", "npx", ["next", "build"]],
    ["End-to-endtests (Chromium)", "npx", ["playwright", "test"]],
  ];
  for (const [title, command, args] of steps) {
    const code = await step(title, command, args);
    if (code !== 0) {
      console.error(`\n${title}: mislukt (exitcode ${code}).`);
      failed = true;
      // Keep going after a test failure so that one run shows every failing part; a failing
      // build makes the end-to-end tests meaningless, so stop there.
      if (title === "Productiebuild") break;
    }
  }
} finally {
  cleanup();
}

const totals = [
  countVitest("tmp/test-reports/unit.json"),
  countVitest("tmp/test-reports/integration.json"),
  countPlaywright("tmp/test-reports/e2e.json"),
].reduce((sum, part) => ({ passed: sum.passed + part.passed, failed: sum.failed + part.failed }), { passed: 0, failed: 0 });
if (failed && totals.failed === 0) totals.failed = 1; // a failing typecheck, lint or build counts too
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed ? 1 : 0);
