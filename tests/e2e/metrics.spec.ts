// GET /api/metrics on a production server (node server.mjs on the build) with METRICS_TOKEN set:
// refused without the token and with another one; with it, after a real save, a conflicting save,
// a refused save and a PDF export, an exposition that Prometheus's own checker (promtool, Debian's
// prometheus package) accepts, in which the counts moved, the save's route is its pattern and
// not its address, and the HTTP metrics (counted in server.mjs) and the save metrics (counted in
// the Next.js bundle) come from one registry. On the embedded database, and on PostgreSQL when
// TEST_POSTGRES_URL is set (there the pool's connections are a real pool's).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { createPostgresDatabase } from "../support/postgres-database";
import { login, scanIdOf } from "./support/login";

const TOKEN = randomBytes(24).toString("hex");
const SAVE_ROUTE = "/api/zelfscans/[id]/antwoorden/[onderdeelId]";
const validAnswer = {
  score: 2,
  weetIkNiet: false,
  toelichting: "Gemeten door de metrics-test",
  vastgelegdIn: [],
  vastgelegdAnders: "",
  evidence: [],
  doelniveau: 3,
};

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The samples of a text exposition, read without prom-client (its own format, by the letter of the format). */
function samples(exposition: string): Sample[] {
  return exposition
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
      if (!match) throw new Error(`Geen geldige regel: ${line}`);
      const labels: Record<string, string> = {};
      for (const label of (match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[label[1]!] = label[2]!;
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

const valueOf = (all: Sample[], name: string, labels: Record<string, string> = {}) =>
  all
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);

async function startServer(port: number, env: Record<string, string>): Promise<{ child: ChildProcess; baseURL: string; output: string[] }> {
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, APP_ENV: "demo", NEXTAUTH_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1", METRICS_TOKEN: TOKEN, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  child.stderr!.on("data", (chunk: Buffer) => output.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  await expect
    .poll(
      () =>
        fetch(`${baseURL}/api/health`).then(
          (response) => response.status,
          () => 0,
        ),
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(200);
  return { child, baseURL, output };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

async function scrapeAfterSaves(browser: Browser, baseURL: string, output: string[]) {
  const metricsURL = `${baseURL}/api/metrics`;
  const missing = await fetch(metricsURL);
  expect(missing.status).toBe(401);
  expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  const wrong = await fetch(metricsURL, { headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}0` } });
  expect(wrong.status).toBe(401);
  expect(output.filter((line) => line.includes('"metrics.geweigerd"'))).toHaveLength(2);
  expect(output.join("\n")).not.toContain(TOKEN);

  const context = await browser.newContext({ baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  const exported = await page.request.get(`/zelfscans/${scanId}/antwoorden.json`);
  const item = ((await exported.json()) as { antwoorden: { item: string; versie: number }[] }).antwoorden[0]!;
  const put = (data: object) => page.request.put(`/api/zelfscans/${scanId}/antwoorden/${item.item}`, { data, headers: { origin: baseURL } });
  expect((await put({ baseVersion: item.versie, answer: validAnswer })).status()).toBe(200);
  expect((await put({ baseVersion: item.versie, answer: { ...validAnswer, toelichting: "Te laat" } })).status()).toBe(409);
  expect((await put({ baseVersion: item.versie + 1, answer: { ...validAnswer, score: 7 } })).status()).toBe(422);
  expect((await page.request.get(`/zelfscans/${scanId}/verbeterplan.pdf`)).status()).toBe(200);
  await context.close();

  const scraped = await fetch(metricsURL, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(scraped.status).toBe(200);
  expect(scraped.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  const body = await scraped.text();
  writeFileSync(test.info().outputPath("metrics.txt"), body);

  // Prometheus's own parser and linter of the text format: exit 1 is a parse error, 3 lint
  // findings. The only findings allowed are about three of prom-client's default metrics, gauges
  // whose names it ends in _total; the app's own metrics are clean.
  const promtool = spawnSync("promtool", ["check", "metrics"], { input: body, encoding: "utf8" });
  expect(promtool.error, "promtool ontbreekt: apt-get install -y prometheus").toBeUndefined();
  const findings = `${promtool.stdout}${promtool.stderr}`.split("\n").filter(Boolean);
  expect(
    findings.filter((line) => !/^zelfscan_nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/.test(line)),
  ).toEqual([]);
  expect([0, 3]).toContain(promtool.status);

  const all = samples(body);
  expect(valueOf(all, "zelfscan_saves_total", { outcome: "saved" })).toBeGreaterThanOrEqual(1);
  expect(valueOf(all, "zelfscan_saves_total", { outcome: "conflict" })).toBeGreaterThanOrEqual(1);
  expect(valueOf(all, "zelfscan_saves_total", { outcome: "refused" })).toBeGreaterThanOrEqual(1);
  expect(valueOf(all, "zelfscan_pdf_renders_total", { kind: "verbeterplan", outcome: "ok" })).toBeGreaterThanOrEqual(1);
  expect(valueOf(all, "zelfscan_pdf_render_duration_seconds_count", { kind: "verbeterplan" })).toBeGreaterThanOrEqual(1);
  for (const status of ["200", "409", "422"]) {
    expect(valueOf(all, "zelfscan_http_requests_total", { method: "PUT", route: SAVE_ROUTE, status }), status).toBeGreaterThanOrEqual(1);
  }
  expect(valueOf(all, "zelfscan_http_request_duration_seconds_count", { method: "PUT", route: SAVE_ROUTE })).toBeGreaterThanOrEqual(3);
  expect(valueOf(all, "zelfscan_http_requests_total", { method: "GET", route: "/zelfscans/[id]/verbeterplan.pdf", status: "200" })).toBeGreaterThanOrEqual(1);
  expect(valueOf(all, "zelfscan_http_requests_total", { route: "/api/metrics", status: "401" })).toBeGreaterThanOrEqual(2);
  // No address, id or person in any label.
  expect(body).not.toContain(scanId);
  expect(body).not.toContain("delft");
  const routes = [...new Set(all.flatMap((sample) => (sample.labels.route ? [sample.labels.route] : [])))];
  const manifest = JSON.parse(readFileSync(".next/routes-manifest.json", "utf8")) as { staticRoutes: { page: string }[]; dynamicRoutes: { page: string }[] };
  const patterns = new Set(["other", "/_next/static", ...[...manifest.staticRoutes, ...manifest.dynamicRoutes].map((entry) => entry.page)]);
  expect(routes.filter((route) => !patterns.has(route))).toEqual([]);
  expect(routes).toContain("/login");
  // The queue and the failed messages, read on the scrape; the process's own metrics.
  for (const state of ["waiting", "bundled", "jobs_queued"])
    expect(
      all.filter((sample) => sample.name === "zelfscan_mail_queue_depth" && sample.labels.state === state).map((sample) => Number.isFinite(sample.value)),
    ).toEqual([true]);
  expect(all.filter((sample) => sample.name === "zelfscan_mail_messages_failed").map((sample) => sample.value)).toEqual([0]);
  expect(valueOf(all, "zelfscan_process_resident_memory_bytes")).toBeGreaterThan(0);
  return all;
}

test("the metrics endpoint on the embedded database: token required, Prometheus text format, counts that moved", async ({ browser }) => {
  test.setTimeout(240_000);
  const dataDir = `tmp/e2e-metrics-embedded-${process.pid}`;
  rmSync(dataDir, { recursive: true, force: true });
  const server = await startServer(3232, { DATA_DIR: dataDir });
  try {
    const all = await scrapeAfterSaves(browser, server.baseURL, server.output);
    expect(valueOf(all, "zelfscan_db_pool_connections", { database: "embedded", state: "total" })).toBe(1);
    expect(
      all
        .filter((sample) => sample.name === "zelfscan_db_pool_connections")
        .map((sample) => sample.labels.state)
        .sort(),
    ).toEqual(["idle", "total", "waiting"]);
  } finally {
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("the metrics endpoint on PostgreSQL: the pool's connections too", async ({ browser }) => {
  test.skip(!process.env.TEST_POSTGRES_URL, "TEST_POSTGRES_URL is not set");
  test.setTimeout(240_000);
  const database = await createPostgresDatabase(process.env.TEST_POSTGRES_URL!, "zelfscan_e2e_metrics");
  const dataDir = `tmp/e2e-metrics-postgresql-${process.pid}`;
  const server = await startServer(3233, { DATABASE_URL: database.url, SEED_DEMO_DATA: "true", DATA_DIR: dataDir });
  try {
    const all = await scrapeAfterSaves(browser, server.baseURL, server.output);
    const total = valueOf(all, "zelfscan_db_pool_connections", { database: "postgresql", state: "total" });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(total).toBeLessThanOrEqual(10);
    expect(valueOf(all, "zelfscan_db_pool_connections", { database: "postgresql", state: "idle" })).toBeLessThanOrEqual(total);
    // Nothing else is running: no request waits for a connection (the scrape's own query is not counted).
    expect(valueOf(all, "zelfscan_db_pool_connections", { database: "postgresql", state: "waiting" })).toBe(0);
  } finally {
    await stopServer(server.child);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
