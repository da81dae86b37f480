// Load on loopback: simulated policy officers autosaving answers against a production build
// (`npm run build` first), on the embedded database and on PostgreSQL (BENCH_POSTGRES_URL).
//
// After a warm-up of both routes that is not counted (the server loads each route's code and the JIT
// compiles on the first requests), four phases of LOAD_SECONDS (60) each:
// 1. autosave: each officer saves an answer (PUT /api/zelfscans/:id/antwoorden/:item) once every
//    LOAD_AUTOSAVE_PACING_MS (1000: autosave fires a second after typing stops, so one officer
//    cannot save one field faster), always based on the version the previous save returned;
// 2. whole steps at a set pace: all answers of one eis in one request (what a page submit is in
//    LimeSurvey), each respondent starting one every LOAD_STEP_PACING_MS (500: 100 steps/s from 50
//    respondents, more than ten times LimeSurvey 6.4.2's 9.4 pages/s), or as soon as the previous
//    one is answered when that takes longer. This is the latency at ten times LimeSurvey's throughput;
// 3. whole steps at full speed: a closed loop without think time, as LimeSurvey's 9.4 pages/s with
//    50 respondents was measured. This gives the capacity; its latency is then by Little's law the
//    number of respondents divided by the throughput, whatever the server does;
// 4. one respondent alone.
// A pace (start to start) rather than a fixed think time after each answer: with a fixed think
// time, requests that a pause delays together come back together a second later, and the
// simulated officers keep arriving in bursts that real people, who never wait exactly one second,
// do not make.
// Afterwards every acknowledged save is looked up in the database ("lost" counts those that are not
// there), and the same saves are done directly through the data layer, so that the cost of the
// HTTP path is a ratio. Each phase also reports the server process's CPU time per request (all its
// threads: with the embedded database that includes the database's own thread), which unlike
// latency hardly depends on what else the machine is doing.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { saveAnswer, saveStep } from "@/lib/zelfscan/mutations";
import { createTestCertificate, startSmtpServer } from "../../tests/support/smtp";
import { answerFor, countLost, fillFixture, framework, type Officer } from "./fixture";
import { hasProductionBuild, serverCpuMs, startServer, stopServer } from "./server";
import { percentile, type BenchResult } from "./stats";

const USERS = Number(process.env.LOAD_USERS ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const DIRECT_SECONDS = Math.min(SECONDS, Number(process.env.LOAD_DIRECT_SECONDS ?? 15));
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 5);
const AUTOSAVE_PACING_MS = Number(process.env.LOAD_AUTOSAVE_PACING_MS ?? 1000);
const STEP_PACING_MS = Number(process.env.LOAD_STEP_PACING_MS ?? 500);
const PORT = Number(process.env.LOAD_PORT ?? 3390);
const SECRET = randomBytes(32).toString("base64url");

/** pacingMs: each officer starts a request every pacingMs, or as soon as the previous one is answered when that takes longer (0: back to back). */
type Phase = {
  latencies: number[];
  errors: number;
  statuses: Map<number, number>;
  saves: number;
  items: number;
  seconds: number;
  pacingMs: number;
  serverCpuMs: number | null;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;

/** Runs `work` for every officer for `seconds` at the given pace; returns latencies and errors. */
async function runPhase(
  officers: Officer[],
  seconds: number,
  pacingMs: number,
  work: (officer: Officer, sequence: number) => Promise<{ ok: boolean; status: number; items: number }>,
  server?: ChildProcess,
): Promise<Phase> {
  const phase: Phase = { latencies: [], errors: 0, statuses: new Map(), saves: 0, items: 0, seconds, pacingMs, serverCpuMs: null };
  const cpuBefore = server ? serverCpuMs(server) : null;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    officers.map(async (officer, index) => {
      await sleep((index * Math.max(pacingMs, 100)) / officers.length); // spread the first requests
      let sequence = 0;
      while (Date.now() < end) {
        const started = performance.now();
        let outcome: { ok: boolean; status: number; items: number };
        try {
          outcome = await work(officer, sequence++);
        } catch {
          outcome = { ok: false, status: 0, items: 0 };
        }
        const latency = performance.now() - started;
        phase.latencies.push(latency);
        phase.statuses.set(outcome.status, (phase.statuses.get(outcome.status) ?? 0) + 1);
        if (outcome.ok) {
          phase.saves++;
          phase.items += outcome.items;
        } else phase.errors++;
        if (pacingMs > latency) await sleep(pacingMs - latency);
      }
    }),
  );
  const cpuAfter = server ? serverCpuMs(server) : null;
  if (cpuBefore !== null && cpuAfter !== null) phase.serverCpuMs = cpuAfter - cpuBefore;
  return phase;
}

function httpSaveOnderdeel(officer: Officer, sequence: number) {
  const onderdeel = pick(framework.onderdelen);
  const marker = `${officer.actor.userId}-${sequence}`;
  const body = { baseVersion: officer.versions.get(onderdeel.id) ?? 0, answer: answerFor(marker) };
  return fetch(`http://127.0.0.1:${PORT}/api/zelfscans/${officer.zelfscanId}/antwoorden/${onderdeel.id}`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie: officer.cookie, origin: `http://127.0.0.1:${PORT}` },
    body: JSON.stringify(body),
  }).then(async (response) => {
    const json = (await response.json()) as { status: string; data?: { version: number } };
    if (response.status !== 200 || !json.data) return { ok: false, status: response.status, items: 0 };
    officer.versions.set(onderdeel.id, json.data.version);
    officer.acked.set(onderdeel.id, { version: json.data.version, toelichting: body.answer.toelichting });
    return { ok: true, status: 200, items: 1 };
  });
}

function stepBody(officer: Officer, sequence: number) {
  const requirement = pick(framework.requirements);
  const answers = Object.fromEntries(
    requirement.onderdelen.map((onderdeel) => [
      onderdeel.id,
      { baseVersion: officer.versions.get(onderdeel.id) ?? 0, answer: answerFor(`${officer.actor.userId}-${sequence}-${onderdeel.id}`) },
    ]),
  );
  return { requirement, answers };
}

function ackStep(officer: Officer, answers: Record<string, { answer: { toelichting: string } }>, saved: { onderdeelId: string; version: number }[]) {
  for (const answer of saved) {
    officer.versions.set(answer.onderdeelId, answer.version);
    officer.acked.set(answer.onderdeelId, { version: answer.version, toelichting: answers[answer.onderdeelId]!.answer.toelichting });
  }
}

function httpSaveStep(officer: Officer, sequence: number) {
  const { requirement, answers } = stepBody(officer, sequence);
  return fetch(`http://127.0.0.1:${PORT}/api/zelfscans/${officer.zelfscanId}/stappen/${requirement.number}`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie: officer.cookie, origin: `http://127.0.0.1:${PORT}` },
    body: JSON.stringify({ answers }),
  }).then(async (response) => {
    const json = (await response.json()) as { data?: { onderdeelId: string; version: number }[] };
    if (response.status !== 200 || !json.data) return { ok: false, status: response.status, items: 0 };
    ackStep(officer, answers, json.data);
    return { ok: true, status: 200, items: json.data.length };
  });
}

function report(label: string, name: string, phase: Phase, unit: "opslagen" | "stappen", targets: { rate?: string; p95?: string } = {}): BenchResult[] {
  const perSecond = phase.saves / phase.seconds;
  const statuses = [...phase.statuses]
    .filter(([status]) => status !== 200)
    .map(([status, count]) => `${status || "netwerk"}: ${count}`)
    .join(", ");
  const rhythm = phase.pacingMs > 0 ? `elk ${phase.pacingMs} ms een` : "zonder pauze";
  const requests = phase.latencies.length;
  return [
    {
      name: `[${label}] ${name}: ${unit} per seconde (${USERS} gebruikers, ${rhythm}, ${phase.seconds} s)`,
      value: perSecond,
      unit: "/s",
      ...(targets.rate ? { target: targets.rate } : {}),
    },
    { name: `[${label}] ${name}: latentie p50`, value: percentile(phase.latencies, 50), unit: "ms" },
    { name: `[${label}] ${name}: latentie p95`, value: percentile(phase.latencies, 95), unit: "ms", ...(targets.p95 ? { target: targets.p95 } : {}) },
    { name: `[${label}] ${name}: latentie p99`, value: percentile(phase.latencies, 99), unit: "ms" },
    { name: `[${label}] ${name}: fouten${statuses ? ` (${statuses})` : ""}`, value: phase.errors, unit: "", target: "0" },
    ...(phase.serverCpuMs !== null && requests > 0
      ? [
          {
            name: `[${label}] ${name}: CPU-tijd van het serverproces per verzoek (alle threads${label === "ingebouwd" ? ", ook die van de database" : ""})`,
            value: phase.serverCpuMs / requests,
            unit: "ms",
          },
        ]
      : []),
  ];
}

export async function benchLoad(kind: "embedded" | "postgresql"): Promise<BenchResult[]> {
  if (!hasProductionBuild()) {
    console.log("Geen productiebuild: voer eerst `npm run build` uit. Belastingtest overgeslagen.");
    return [];
  }
  const adminUrl = process.env.BENCH_POSTGRES_URL;
  if (kind === "postgresql" && !adminUrl) {
    console.log("BENCH_POSTGRES_URL is niet gezet: belastingtest op PostgreSQL overgeslagen.");
    return [];
  }
  const label = kind === "postgresql" ? "PostgreSQL" : "ingebouwd";

  // A database of its own: a data folder for the embedded database, a new database on the server.
  let serverEnv: Record<string, string>;
  let open: () => Database;
  let cleanup: () => Promise<void>;
  if (kind === "embedded") {
    const dataDir = path.resolve("tmp", `bench-load-${Date.now()}`);
    mkdirSync(dataDir, { recursive: true });
    serverEnv = { DATA_DIR: dataDir };
    open = () => createDatabase({ kind: "embedded", dataDir: path.join(dataDir, "pglite") });
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const name = `zelfscan_load_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    serverEnv = { DATABASE_URL: url.toString() };
    open = () => createDatabase({ kind: "postgresql", url: url.toString() });
    cleanup = async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await again.end();
    };
  }

  let db = open();
  await applyMigrations(db.sql);
  const officers = await fillFixture(db, { users: USERS, sessionSecret: SECRET });
  await db.prisma.$disconnect();
  await db.sql.close();

  // Production requires a mail server (SMTP_URL, SMTP_FROM): a real one on loopback, whose
  // certificate the server trusts as an internal CA would be (NODE_EXTRA_CA_CERTS). Saves send no
  // mail; it is there because a production server does not start without one.
  const certificate = createTestCertificate(path.join("tmp", "bench-smtp"));
  const smtp = await startSmtpServer({ certificate });
  const server = await startServer(PORT, {
    ...serverEnv,
    APP_ENV: "production",
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    SMTP_URL: smtp.url,
    SMTP_FROM: "Zelfscan Werken aan Veiligheid <zelfscan@bench.example>",
    NODE_EXTRA_CA_CERTS: certificate.certFile,
  }).catch(async (error: unknown) => {
    await smtp.close();
    throw error;
  });
  let items: Phase;
  let pacedSteps: Phase;
  let fullSteps: Phase;
  let alone: Phase;
  try {
    await runPhase(officers, WARMUP_SECONDS, 0, (officer, sequence) => (sequence % 2 ? httpSaveOnderdeel : httpSaveStep)(officer, sequence));
    items = await runPhase(officers, SECONDS, AUTOSAVE_PACING_MS, httpSaveOnderdeel, server);
    pacedSteps = await runPhase(officers, SECONDS, STEP_PACING_MS, httpSaveStep, server);
    fullSteps = await runPhase(officers, SECONDS, 0, httpSaveStep, server);
    alone = await runPhase(officers.slice(0, 1), Math.min(SECONDS, 10), 0, httpSaveStep);
  } finally {
    await stopServer(server);
    await smtp.close();
  }

  // The server is gone: whatever it acknowledged must be in the database.
  db = open();
  const { checked, lost } = await countLost(db, officers);

  // The same saves straight through the data layer, at the same concurrency and think time.
  const directOnderdelen = await runPhase(officers, DIRECT_SECONDS, AUTOSAVE_PACING_MS, async (officer, sequence) => {
    const onderdeel = pick(framework.onderdelen);
    const request = { baseVersion: officer.versions.get(onderdeel.id) ?? 0, answer: answerFor(`${officer.actor.userId}-d${sequence}`) };
    const result = await saveAnswer(db, officer.actor, { zelfscanId: officer.zelfscanId, onderdeelId: onderdeel.id, request });
    if (result.status !== "ok") return { ok: false, status: 409, items: 0 };
    officer.versions.set(onderdeel.id, result.data.version);
    return { ok: true, status: 200, items: 1 };
  });
  const directSteps = await runPhase(officers, DIRECT_SECONDS, STEP_PACING_MS, async (officer, sequence) => {
    const { requirement, answers } = stepBody(officer, 100_000 + sequence);
    const result = await saveStep(db, officer.actor, { zelfscanId: officer.zelfscanId, requirementNumber: requirement.number, answers });
    if (result.status !== "ok") return { ok: false, status: 409, items: 0 };
    for (const answer of result.data) officer.versions.set(answer.onderdeelId, answer.version);
    return { ok: true, status: 200, items: result.data.length };
  });
  await db.prisma.$disconnect();
  await db.sql.close();
  await cleanup();

  const ratio = (http: Phase, direct: Phase) => percentile(http.latencies, 50) / percentile(direct.latencies, 50);
  const tenTimesLimeSurvey = "≥ 94/s (10× LimeSurvey 6.4.2: 9,4 pagina's/s)";
  return [
    ...report(label, "antwoord opslaan via HTTP", items, "opslagen", { p95: "< 150 ms" }),
    ...report(label, "hele stap opslaan via HTTP, vast tempo", pacedSteps, "stappen", { rate: tenTimesLimeSurvey, p95: "< 150 ms" }),
    ...report(label, "hele stap opslaan via HTTP, zo snel als het gaat (capaciteit)", fullSteps, "stappen", { rate: tenTimesLimeSurvey }),
    { name: `[${label}] hele stap opslaan via HTTP, één gebruiker alleen: p50 (LimeSurvey 6.4.2: 155 ms)`, value: percentile(alone.latencies, 50), unit: "ms" },
    { name: `[${label}] bevestigde opslagen nagekeken in de database (${checked} onderdelen): verloren`, value: lost, unit: "", target: "0" },
    { name: `[${label}] antwoord opslaan direct via de datalaag: p50`, value: percentile(directOnderdelen.latencies, 50), unit: "ms" },
    { name: `[${label}] antwoord opslaan direct via de datalaag: p95`, value: percentile(directOnderdelen.latencies, 95), unit: "ms" },
    { name: `[${label}] hele stap direct via de datalaag, vast tempo: p50`, value: percentile(directSteps.latencies, 50), unit: "ms" },
    { name: `[${label}] verhouding HTTP / datalaag (p50), antwoord`, value: ratio(items, directOnderdelen), unit: "×" },
    { name: `[${label}] verhouding HTTP / datalaag (p50), stap in vast tempo`, value: ratio(pacedSteps, directSteps), unit: "×" },
  ];
}
