// Several instances behind a proxy, proven: the set-up shared by `npm run bench -- instances`
// (scripts/bench/instances.ts, 50 officers for a minute) and tests/e2e/instances.spec.ts (fewer,
// shorter). Everything on loopback:
// - a real PostgreSQL server (adminUrl, or a throwaway cluster from scripts/pg-cluster.mjs) with a
//   new, empty database;
// - a real SMTP server (tests/support/smtp.ts);
// - two production instances (node server.mjs on the existing build, APP_ENV=production,
//   TRUST_PROXY=1), started at the same moment on the empty database;
// - HAProxy from Debian with docs/haproxy.cfg, TLS on its bind line (the certificate made for the
//   run), so that NEXTAUTH_URL is https as in production and the __Secure- cookies are honest.
// Officers log in for real through the proxy and autosave answers; halfway instance B is stopped
// (SIGKILL: a crash, or SIGTERM) and started again, at three quarters instance A gets a SIGTERM (a
// rolling restart) and is started again. Meanwhile messages are queued through the outbox and a
// deadline reminder falls due. The result holds every figure; the caller prints or asserts them.
// Needs the server-only hook (scripts/bench/server-only-hook.mjs): it uses the data layer.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { LOGIN_THROTTLE } from "@/lib/auth/rate-limit";
import { createDatabase, type Database } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrate";
import { queueMessage } from "@/lib/mail/outbox";
import { addDays, dayInAmsterdam, endOfDayInAmsterdam } from "@/lib/shared/dates";
import { createCluster } from "../../scripts/pg-cluster.mjs";
import { answerFor, countLost, fillFixture, framework, type Officer } from "../../scripts/bench/fixture";
import { percentile } from "../../scripts/bench/stats";
import { createPostgresDatabase } from "./postgres-database";
import { createTestCertificate, startSmtpServer } from "./smtp";

const HAPROXY = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";
const HAPROXY_CONFIG = path.resolve("docs", "haproxy.cfg");
const PASSWORD = "Belasting-wachtwoord-2026!";
const SMTP_FROM = "Zelfscan Werken aan Veiligheid <zelfscan@instances.example>";
const MESSAGE_ID_DOMAIN = "instances.example";

export type ScenarioOptions = {
  officers: number;
  seconds: number;
  /** Each officer starts a save every pacingMs (autosave: a second after typing stops). */
  pacingMs: number;
  ports: { proxy: number; a: number; b: number };
  /** A PostgreSQL server to create the database in; without it, a throwaway cluster. */
  adminUrl?: string;
  /** How instance B is stopped halfway: SIGKILL (a crash) or SIGTERM (graceful). */
  stopB: "SIGKILL" | "SIGTERM";
  /** Messages queued through the outbox during the run, besides the deadline reminders. */
  messages: number;
  /** How long to wait, after the run, for the queue to empty (a SIGKILLed delivery's job expires after 5 minutes). */
  settleTimeoutMs: number;
  /** How slowly the mail server answers around B's stop (default 2000 ms per message). */
  slowMailMs?: number;
  /** SHUTDOWN_DRAIN_MS for the instances (graceful shutdown: readiness 503 while still serving). */
  drainMs?: number;
  progress?: (line: string) => void;
};

type PhaseFigures = { name: string; requests: number; saves: number; errors: number; statuses: Record<string, number> };

export type ScenarioResult = {
  officers: number;
  seconds: number;
  saves: number;
  savesPerSecond: number;
  p50: number;
  p95: number;
  requests: number;
  /** Responses ≥ 500 and network errors the officers saw (each try). */
  errors: number;
  /** A retried save answered 409 with the officer's own text: the first try had been saved. */
  conflictsAfterRetry: number;
  /** 409s with someone else's text, 401s and other 4xx: none are expected. */
  unexpected: number;
  phases: PhaseFigures[];
  lost: { checked: number; lost: number };
  sessions: {
    /** Officers whose session was made by one instance and who got 200s from the other. */
    madeOnOneUsedOnOther: number;
    /** Officers with 200s from B before B was stopped. */
    servedByBBefore: number;
    /** Of those, how many got 200s from A, with the same cookie, while B was down. */
    continuedOnA: number;
    /** 401 answers during the whole run. */
    unauthorized: number;
  };
  rateLimit: { freeFailures: number; attempts: string[]; firstRefusedAttempt: number | null; expectedShared: number; expectedSeparate: number };
  migrations: { files: number; rows: number; distinct: number; appliedByA: number; appliedByB: number };
  mail: { queued: number; delivered: number; missing: number; duplicated: number; failed: number };
  reminders: { expected: number; queued: number; delivered: number; missing: number; duplicated: number };
  settleSeconds: number;
  /** Delivery jobs active (on A or B) just before B was stopped. */
  activeDeliveriesAtStop: number;
  /** Delivery jobs that ran more than once (cut off by the stop, or a failed send). */
  retriedDeliveries: number;
  timeline: string[];
};

type Instance = { name: string; server: string; port: number; process: ChildProcess; output: string[] };

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: HttpAgent | HttpsAgent; timeoutMs?: number },
): Promise<Answer> {
  const secure = url.startsWith("https:");
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: options.agent },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on("error", reject);
      },
    );
    request.setTimeout(options.timeoutMs ?? 30_000, () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(options.body);
  });
}

const cookiesOf = (answer: Answer) => (answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]!);

export async function runInstancesScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const progress = options.progress ?? (() => undefined);
  const started = Date.now();
  const timeline: string[] = [];
  const mark = (event: string) => {
    const line = `${((Date.now() - started) / 1000).toFixed(1)} s: ${event}`;
    timeline.push(line);
    progress(line);
  };
  const cleanups: (() => Promise<void> | void)[] = [];
  const instances: Instance[] = [];
  try {
    // The database server and an empty database.
    let adminUrl = options.adminUrl;
    if (!adminUrl) {
      const cluster = await createCluster();
      cleanups.push(() => cluster.destroy());
      adminUrl = cluster.url;
    }
    const database = await createPostgresDatabase(adminUrl, "zelfscan_instances");
    cleanups.push(() => database.drop());

    // One certificate for the SMTP server's STARTTLS and HAProxy's TLS (CN localhost, SAN 127.0.0.1),
    // which the instances (NODE_EXTRA_CA_CERTS) and the simulated browsers (the agents' ca) trust.
    const runDir = path.resolve("tmp", `instances-${options.ports.proxy}`);
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true });
    cleanups.push(() => rmSync(runDir, { recursive: true, force: true }));
    const certificate = createTestCertificate(path.join(runDir, "cert"));
    const haproxyPem = path.join(runDir, "haproxy.pem");
    writeFileSync(haproxyPem, certificate.cert + certificate.key, { mode: 0o600 });
    const smtp = await startSmtpServer({ certificate });
    cleanups.push(() => smtp.close());

    const proxyUrl = `https://127.0.0.1:${options.ports.proxy}`;
    const secret = randomBytes(32).toString("base64url");
    const sharedEnv: Record<string, string> = {
      DATABASE_URL: database.url,
      APP_ENV: "production",
      NEXTAUTH_URL: proxyUrl,
      NEXTAUTH_SECRET: secret,
      TRUST_PROXY: "1",
      SMTP_URL: smtp.url,
      SMTP_FROM,
      NODE_EXTRA_CA_CERTS: certificate.certFile,
      DATA_DIR: path.join(runDir, "data"),
      SHUTDOWN_DRAIN_MS: String(options.drainMs ?? 3000),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // The data layer in this process queues messages as the app does: the same settings.
    Object.assign(process.env, { NEXTAUTH_URL: proxyUrl, NEXTAUTH_SECRET: secret, SMTP_URL: smtp.url, SMTP_FROM, APP_ENV: "production" });

    const startInstance = (name: string, server: string, port: number): Instance => {
      const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
        env: { ...process.env, ...sharedEnv, NODE_ENV: "production" },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      const instance: Instance = { name, server, port, process: child, output: [] };
      const collect = (chunk: Buffer) => instance.output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      child.stdout!.on("data", collect);
      child.stderr!.on("data", collect);
      instances.push(instance);
      return instance;
    };
    const ready = async (instance: Instance, timeoutMs = 180_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (instance.process.exitCode !== null) throw new Error(`Instantie ${instance.name} stopte:\n${instance.output.slice(-20).join("\n")}`);
        const status = await send(`http://127.0.0.1:${instance.port}/api/health/ready`, { timeoutMs: 5000 }).then(
          (answer) => answer.status,
          () => 0,
        );
        if (status === 200) return;
        await sleep(250);
      }
      throw new Error(`Instantie ${instance.name} werd niet gereed:\n${instance.output.slice(-20).join("\n")}`);
    };
    const stopInstance = async (instance: Instance, signal: "SIGKILL" | "SIGTERM") => {
      if (instance.process.exitCode !== null || instance.process.signalCode !== null) return;
      const exited = new Promise((resolve) => instance.process.once("exit", resolve));
      process.kill(-instance.process.pid!, signal);
      await exited;
    };
    cleanups.push(async () => {
      for (const instance of instances) await stopInstance(instance, "SIGTERM");
    });

    // The proxy first: its health checks take the instances in as they become ready.
    const haproxy = spawn(HAPROXY, ["-db", "-f", HAPROXY_CONFIG], {
      env: {
        ...process.env,
        ZELFSCAN_BIND: `127.0.0.1:${options.ports.proxy}`,
        ZELFSCAN_CERT: haproxyPem,
        ZELFSCAN_APP1: `127.0.0.1:${options.ports.a}`,
        ZELFSCAN_APP2: `127.0.0.1:${options.ports.b}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const haproxyOutput: string[] = [];
    haproxy.stdout.on("data", (chunk: Buffer) => haproxyOutput.push(chunk.toString("utf8")));
    haproxy.stderr.on("data", (chunk: Buffer) => haproxyOutput.push(chunk.toString("utf8")));
    cleanups.push(async () => {
      if (haproxy.exitCode !== null) return;
      const exited = new Promise((resolve) => haproxy.once("exit", resolve));
      haproxy.kill("SIGTERM");
      await exited;
    });

    // Both instances at the same moment on the empty database: the migrations run once (the advisory lock).
    let a = startInstance("A", "app1", options.ports.a);
    let b = startInstance("B", "app2", options.ports.b);
    mark("instanties A en B tegelijk gestart op de lege database");
    await Promise.all([ready(a), ready(b)]);
    mark("A en B gereed");
    if (haproxy.exitCode !== null) throw new Error(`HAProxy stopte:\n${haproxyOutput.join("")}`);

    const db: Database = createDatabase({ kind: "postgresql", url: database.url });
    cleanups.push(async () => {
      await db.prisma.$disconnect();
      await db.sql.close();
    });
    const migrations = await countMigrations(db, a, b);

    // The world: officers with a password, a round whose deadline is 3 days ahead (its 3-day reminder
    // is due; the instances' own catch-up runs at start found nothing yet, their restarts will), and
    // an account for the lock-out.
    const passwordHash = await hashPassword(PASSWORD);
    const deadline = endOfDayInAmsterdam(addDays(dayInAmsterdam(new Date()), 3));
    const officers = await fillFixture(db, { users: options.officers, passwordHash, deadline });
    await db.prisma.user.create({ data: { email: "slot@bench.example", name: "Slot", passwordHash } });

    // The proxy must have both instances in before the officers come.
    const agents = officers.map(() => new HttpsAgent({ keepAlive: true, ca: certificate.cert, maxSockets: 2 }));
    await waitForBoth(proxyUrl, agents[0]!);
    mark("HAProxy stuurt naar beide instanties");

    // Real logins through the proxy (next-auth's credentials endpoint, as the login form does).
    const sessionMadeBy = new Map<Officer, string>();
    for (let index = 0; index < officers.length; index += 5) {
      await Promise.all(
        officers.slice(index, index + 5).map(async (officer, offset) => {
          const { cookie, servedBy } = await login(proxyUrl, officer.actor.email, PASSWORD, agents[index + offset]!);
          officer.cookie = cookie;
          sessionMadeBy.set(officer, servedBy);
        }),
      );
    }
    mark(`${officers.length} medewerkers ingelogd via HAProxy`);

    // Rate limits are shared: wrong passwords for one account, alternately straight to A and to B.
    const rateLimit = await checkSharedRateLimit(a, b, proxyUrl);
    mark(`inlogbegrenzing: eerste weigering bij poging ${rateLimit.firstRefusedAttempt ?? "geen"}`);

    // The run.
    const records: { at: number; latency: number; status: number; servedBy: string; officer: number }[] = [];
    let conflictsAfterRetry = 0;
    let unexpected = 0;
    const runStart = Date.now();
    const crashAt = runStart + (options.seconds * 1000) / 2;
    let rollingAt = runStart + (options.seconds * 1000 * 3) / 4;
    let runEnd = runStart + options.seconds * 1000;
    let stopped = false;
    let eventsDone = false;

    const save = async (officer: Officer, index: number, sequence: number) => {
      const onderdeel = pick(framework.onderdelen);
      const body = JSON.stringify({ baseVersion: officer.versions.get(onderdeel.id) ?? 0, answer: answerFor(`${officer.actor.userId}-${sequence}`) });
      const toelichting = answerFor(`${officer.actor.userId}-${sequence}`).toelichting;
      // Like the wizard: an error is retried with the same base version, with back-off; a 409 that
      // then shows this officer's own text means the earlier try was saved after all.
      for (let attempt = 0; ; attempt++) {
        const at = Date.now();
        const t0 = performance.now();
        let answer: Answer | null = null;
        try {
          answer = await send(`${proxyUrl}/api/zelfscans/${officer.zelfscanId}/antwoorden/${onderdeel.id}`, {
            method: "PUT",
            headers: { "content-type": "application/json", cookie: officer.cookie, origin: proxyUrl },
            body,
            agent: agents[index],
            timeoutMs: 30_000,
          });
        } catch {
          answer = null;
        }
        const servedBy = String(answer?.headers["x-served-by"] ?? "");
        records.push({ at, latency: performance.now() - t0, status: answer?.status ?? 0, servedBy, officer: index });
        if (answer && answer.status === 200) {
          const json = JSON.parse(answer.body) as { data: { version: number } };
          officer.versions.set(onderdeel.id, json.data.version);
          officer.acked.set(onderdeel.id, { version: json.data.version, toelichting });
          return;
        }
        if (answer && answer.status === 409) {
          const json = JSON.parse(answer.body) as { current?: { version: number; toelichting: string } };
          if (json.current) officer.versions.set(onderdeel.id, json.current.version);
          if (attempt > 0 && json.current?.toelichting === toelichting) {
            conflictsAfterRetry++;
            officer.acked.set(onderdeel.id, { version: json.current.version, toelichting });
          } else unexpected++;
          return;
        }
        if (answer && answer.status < 500) {
          unexpected++;
          return;
        }
        if (stopped) return;
        await sleep(Math.min(5000, 250 * 2 ** attempt));
      }
    };

    const load = Promise.all(
      officers.map(async (officer, index) => {
        await sleep((index * options.pacingMs) / officers.length);
        let sequence = 0;
        // Until the planned end, and in any case until both restarts are done and 5 s after.
        while (Date.now() < runEnd || !eventsDone) {
          const t0 = Date.now();
          await save(officer, index, sequence++);
          const spent = Date.now() - t0;
          if (spent < options.pacingMs) await sleep(options.pacingMs - spent);
        }
      }),
    );

    // Messages through the outbox, spread over the first 80 % of the run, so that deliveries are in
    // flight when B stops.
    // Messages through the outbox, in bursts over the first 80 % of the run, one of them shortly
    // before B stops, so that deliveries are in flight then (pg-boss polls every second).
    const queueOne = (n: number) => {
      const officer = officers[n % officers.length]!;
      return db.prisma.$transaction((tx) =>
        queueMessage(tx, {
          kind: "ZELFSCAN_INGEDIEND",
          dedupeKey: `instances:${n}`,
          to: { id: officer.actor.userId, email: officer.actor.email },
          body: {
            subject: `Bericht ${n + 1} van de belastingproef`,
            context: "Regio Belasting",
            greeting: "Beste collega,",
            paragraphs: ["Dit bericht komt van de proef met twee instanties."],
            action: { label: "Open de applicatie", url: `${proxyUrl}/` },
          },
        }),
      );
    };
    const producer = (async () => {
      const burst = 25;
      const bursts = Math.ceil(options.messages / burst);
      const moments = Array.from({ length: bursts }, (_, i) => runStart + (i * options.seconds * 800) / bursts);
      // The two bursts nearest to the stop come 1.5 s and 0.7 s before it, to a mail server that is
      // slow from 3 s before the stop until B is back: each instance likely holds deliveries then.
      const nearest = moments
        .map((moment, i) => ({ i, distance: Math.abs(moment - crashAt) }))
        .sort((x, y) => x.distance - y.distance)
        .slice(0, 2);
      if (nearest[0]) moments[nearest[0].i] = crashAt - 1500;
      if (nearest[1]) moments[nearest[1].i] = crashAt - 700;
      moments.sort((x, y) => x - y);
      let n = 0;
      for (const moment of moments) {
        await sleep(moment - Date.now());
        for (let k = 0; k < burst && n < options.messages; k++) await queueOne(n++);
      }
    })();
    let activeDeliveriesAtStop = 0;

    // Halfway: B stops (a crash) and starts again; then A gets a SIGTERM (a rolling restart).
    const events = (async () => {
      await sleep(crashAt - 3000 - Date.now());
      smtp.delay(options.slowMailMs ?? 2000);
      await sleep(crashAt - Date.now());
      const [active] = await db.sql.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'bericht-bezorgen' AND state = 'active'`,
      );
      activeDeliveriesAtStop = active!.count;
      mark(`instantie B: ${options.stopB} (bezorgtaken actief, op A of B: ${activeDeliveriesAtStop})`);
      await stopInstance(b, options.stopB);
      mark("instantie B is weg");
      await sleep(2000);
      b = startInstance("B (opnieuw)", "app2", options.ports.b);
      await ready(b);
      mark("instantie B weer gereed");
      smtp.delay(0);
      // HAProxy needs two good checks (rise 2, inter 1s) before it sends to B again.
      await sleep(3000);
      rollingAt = Math.max(rollingAt, Date.now());
      await sleep(rollingAt - Date.now());
      mark("instantie A: SIGTERM (rollende herstart)");
      await stopInstance(a, "SIGTERM");
      mark("instantie A is gestopt");
      a = startInstance("A (opnieuw)", "app1", options.ports.a);
      await ready(a);
      mark("instantie A weer gereed");
      // Some seconds with both again, however long the restarts took.
      runEnd = Math.max(runEnd, Date.now() + 5000);
    })().finally(() => (eventsDone = true));
    await Promise.all([events, producer]);
    await load;
    stopped = true;
    const loadSeconds = (Date.now() - runStart) / 1000;
    mark("belasting klaar");

    // Every message and reminder delivered (or failed): the queue empties.
    const settleStart = Date.now();
    await waitUntilSettled(db, options.settleTimeoutMs);
    const settleSeconds = (Date.now() - settleStart) / 1000;
    mark(`wachtrij leeg na ${settleSeconds.toFixed(0)} s`);
    await sleep(2000);

    const lost = await countLost(db, officers);
    // A delivery cut off by B's stop stays active until its job expires (5 minutes), then runs again.
    const [retried] = await db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'bericht-bezorgen' AND retry_count > 0`,
    );
    const mail = await compareMail(db, smtp.messages, options.officers);

    // Per phase (by when the request started).
    const phaseOf = (at: number) => (at < crashAt ? 0 : at < rollingAt ? 1 : 2);
    const phases: PhaseFigures[] = [
      `voor het stoppen van B (${options.stopB})`,
      `na het stoppen van B (${options.stopB})`,
      "na de rollende herstart van A (SIGTERM)",
    ].map((name) => ({
      name,
      requests: 0,
      saves: 0,
      errors: 0,
      statuses: {},
    }));
    for (const record of records) {
      const phase = phases[phaseOf(record.at)]!;
      phase.requests++;
      if (record.status === 200) phase.saves++;
      if (record.status === 0 || record.status >= 500) phase.errors++;
      if (record.status !== 200) phase.statuses[record.status || "netwerk"] = (phase.statuses[record.status || "netwerk"] ?? 0) + 1;
    }

    // Sessions: made by one instance, used on both; B's officers went on on A while B was down.
    const servedOk = (officer: number, from: number, to: number) =>
      new Set(records.filter((r) => r.officer === officer && r.status === 200 && r.at >= from && r.at < to).map((r) => r.servedBy));
    let madeOnOneUsedOnOther = 0;
    let servedByBBefore = 0;
    let continuedOnA = 0;
    officers.forEach((officer, index) => {
      const all = servedOk(index, 0, Infinity);
      const madeBy = sessionMadeBy.get(officer);
      if ([...all].some((server) => server && server !== madeBy)) madeOnOneUsedOnOther++;
      if (servedOk(index, 0, crashAt).has("app2")) {
        servedByBBefore++;
        // While B was down and starting again (until it was ready and taken in): only A could answer.
        if (servedOk(index, crashAt, rollingAt).has("app1")) continuedOnA++;
      }
    });

    const latencies = records.map((record) => record.latency);
    const saves = records.filter((record) => record.status === 200).length;
    return {
      officers: options.officers,
      seconds: Math.round(loadSeconds),
      saves,
      savesPerSecond: saves / loadSeconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      requests: records.length,
      errors: records.filter((record) => record.status === 0 || record.status >= 500).length,
      conflictsAfterRetry,
      unexpected,
      phases,
      lost,
      sessions: { madeOnOneUsedOnOther, servedByBBefore, continuedOnA, unauthorized: records.filter((record) => record.status === 401).length },
      rateLimit,
      migrations,
      mail: mail.other,
      reminders: mail.reminders,
      settleSeconds,
      activeDeliveriesAtStop,
      retriedDeliveries: retried!.count,
      timeline,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
}

/** Each migration once in _schema_migrations, and how many each instance logged as applied (database.ready). */
async function countMigrations(db: Database, a: Instance, b: Instance) {
  const files = (await readMigrations()).length;
  const rows = await db.sql.query<{ name: string }>(`SELECT "name" FROM "_schema_migrations"`);
  const appliedBy = (instance: Instance) =>
    instance.output
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { event?: string; migrationsApplied?: string[] })
      .filter((entry) => entry.event === "database.ready")
      .reduce((sum, entry) => sum + (entry.migrationsApplied?.length ?? 0), 0);
  return { files, rows: rows.length, distinct: new Set(rows.map((row) => row.name)).size, appliedByA: appliedBy(a), appliedByB: appliedBy(b) };
}

async function waitForBoth(proxyUrl: string, agent: HttpsAgent) {
  const seen = new Set<string>();
  const deadline = Date.now() + 60_000;
  while (seen.size < 2) {
    if (Date.now() > deadline) throw new Error(`HAProxy stuurde niet naar beide instanties (gezien: ${[...seen].join(", ")})`);
    const answer = await send(`${proxyUrl}/api/health`, { agent }).catch(() => null);
    if (answer?.status === 200 && answer.headers["x-served-by"]) seen.add(String(answer.headers["x-served-by"]));
    await sleep(200);
  }
}

async function login(base: string, email: string, password: string, agent?: HttpsAgent): Promise<{ cookie: string; servedBy: string; answer: Answer }> {
  const csrf = await send(`${base}/api/auth/csrf`, { agent });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    agent,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
  });
  const session = cookiesOf(answer).find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="));
  if (!session && password === PASSWORD) throw new Error(`Inloggen als ${email} mislukte: ${answer.status} ${answer.body}`);
  return { cookie: session ?? "", servedBy: String(answer.headers["x-served-by"] ?? ""), answer };
}

/**
 * Wrong passwords for one account, alternately straight to instance A's and B's own ports. With one
 * count in the database, the first attempt refused (not checked: "rate-limited") is the one after
 * the free failures and the first slowed-down one; with a count per instance it would be twice as far.
 */
async function checkSharedRateLimit(a: Instance, b: Instance, origin: string) {
  const free = LOGIN_THROTTLE.account.freeFailures;
  const attempts: string[] = [];
  let firstRefusedAttempt: number | null = null;
  for (let n = 1; n <= 2 * free + 4; n++) {
    const instance = n % 2 ? a : b;
    const base = `http://127.0.0.1:${instance.port}`;
    const csrf = await send(`${base}/api/auth/csrf`, {});
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const answer = await send(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie: cookiesOf(csrf).join("; ") },
      body: new URLSearchParams({ email: "slot@bench.example", password: "fout-wachtwoord", csrfToken, json: "true" }).toString(),
    });
    const where = `${answer.body} ${answer.headers.location ?? ""}`;
    const refused = /rate-limited/.test(decodeURIComponent(where));
    attempts.push(`${n}:${instance.name}:${refused ? "geweigerd" : answer.status === 200 || answer.status === 401 ? "fout wachtwoord" : answer.status}`);
    if (refused && firstRefusedAttempt === null) firstRefusedAttempt = n;
  }
  // The free failures are checked, the next one claims the slot (checked too), the one after is refused.
  return { freeFailures: free, attempts, firstRefusedAttempt, expectedShared: free + 2, expectedSeparate: 2 * (free + 2) - 1 };
}

async function waitUntilSettled(db: Database, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [open] = await db.sql.query<{ jobs: number; waiting: number }>(
      `SELECT (SELECT count(*)::int FROM pgboss.job WHERE name IN ('bericht-bezorgen', 'herinneringen') AND state NOT IN ('completed', 'failed', 'cancelled')) AS jobs,
              (SELECT count(*)::int FROM "Message" WHERE status = 'WACHTEND') AS waiting`,
    );
    if (open!.jobs === 0 && open!.waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`De wachtrij werd niet leeg: ${open!.jobs} taken, ${open!.waiting} berichten wachtend`);
    await sleep(1000);
  }
}

/** The Message rows against what the SMTP server received, by Message-ID. */
async function compareMail(db: Database, received: { parsed: { messageId?: string } }[], officers: number) {
  const rows = await db.prisma.message.findMany({ select: { id: true, kind: true, status: true } });
  const counts = new Map<string, number>();
  for (const mail of received) {
    const id = mail.parsed.messageId ?? "";
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const figures = (selected: typeof rows) => {
    let delivered = 0;
    let missing = 0;
    let duplicated = 0;
    for (const row of selected) {
      const count = counts.get(`<${row.id}@${MESSAGE_ID_DOMAIN}>`) ?? 0;
      if (count === 0) missing++;
      else delivered++;
      if (count > 1) duplicated++;
    }
    return { queued: selected.length, delivered, missing, duplicated, failed: selected.filter((row) => row.status === "MISLUKT").length };
  };
  const reminderRows = rows.filter((row) => row.kind === "HERINNERING");
  const { failed: _failed, ...reminders } = figures(reminderRows);
  return { other: figures(rows.filter((row) => row.kind !== "HERINNERING")), reminders: { expected: officers, ...reminders } };
}

/** Whether HAProxy is installed (the spec skips with a clear message, the bench says so). */
export function hasHaproxy(): boolean {
  return existsSync(HAPROXY) && spawnSync(HAPROXY, ["-v"], { stdio: "ignore" }).status === 0;
}
