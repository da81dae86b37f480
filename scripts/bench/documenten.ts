// Evidence documents through the production server (`npm run build` first): a demo officer of Delft
// logs in (next-auth's credentials endpoint, as the login form does), uploads a 25 MB PDF through the
// real route (POST /api/zelfscans/:id/antwoorden/:onderdeel/documenten, multipart, streamed from
// disk) and downloads it again (GET /zelfscans/:id/documenten/:versie), DOCUMENTEN_ROUNDS (6)
// times. It reports upload and download throughput, and the server process's memory: its resident
// size (VmRSS from /proc/<pid>/status, sampled every 20 ms) before and at its highest during the
// transfers. A pipeline that held a file in memory would rise by about 25 MB per transfer; a
// streamed one stays flat. Each download is compared with the upload (sha256).
// "documenten" keeps the files in DATA_DIR/documenten; "documenten-s3" in S3 (s3rver on loopback,
// tests/support/s3-server.ts).
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { open } from "node:fs/promises";
import { PassThrough } from "node:stream";
import type { Actor } from "@/lib/access/actor";
import { createDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";
import { DEMO_PASSWORD } from "@/lib/demo/data";
import { findEditableOnderdeel } from "@/lib/documenten/targets";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { documentDownloadHref, MAX_DOCUMENT_BYTES, type DocumentView } from "@/lib/shared/documenten/documents";
import type { Result } from "@/lib/shared/result";
import { startS3Server } from "../../tests/support/s3-server";
import { hasProductionBuild, startServer, stopServer } from "./server";
import type { BenchResult } from "./stats";

const PORT = Number(process.env.DOCUMENTEN_PORT ?? 3393);
const ROUNDS = Number(process.env.DOCUMENTEN_ROUNDS ?? 6);
const BASE = `http://127.0.0.1:${PORT}`;
const OFFICER = "beleid@delft.example";
const MB = 1024 * 1024;
// One byte below the limit: busboy marks a file that reaches its fileSize limit exactly as truncated,
// so that the pipeline refuses a file of exactly MAX_DOCUMENT_BYTES today.
const FILE_BYTES = MAX_DOCUMENT_BYTES - 1;

/** A PDF of exactly `size` bytes: a real header and trailer around random padding (a comment line's worth of bytes that no reader needs). */
async function writePdf(file: string, size: number): Promise<string> {
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%", "latin1");
  const tail = Buffer.from("\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
  const hash = createHash("sha256").update(head);
  const handle = await open(file, "w", 0o600);
  try {
    await handle.write(head);
    let left = size - head.length - tail.length;
    while (left > 0) {
      const chunk = randomBytes(Math.min(MB, left));
      hash.update(chunk);
      await handle.write(chunk);
      left -= chunk.length;
    }
    await handle.write(tail);
  } finally {
    await handle.close();
  }
  return hash.update(tail).digest("hex");
}

/** The server process's resident size and its high-water mark so far, in bytes, from /proc. */
function memoryOf(server: ChildProcess): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

/** Samples VmRSS every 20 ms until stopped; returns the highest. */
function sampleRss(server: ChildProcess): { stop(): number } {
  let peak = memoryOf(server).rss;
  const timer = setInterval(() => (peak = Math.max(peak, memoryOf(server).rss)), 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, memoryOf(server).rss);
    },
  };
}

type Answer = { status: number; headers: IncomingMessage["headers"]; body: string };

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string | number>; body?: string | NodeJS.ReadableStream } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? "GET", headers: options.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    if (options.body && typeof options.body !== "string") options.body.pipe(request);
    else request.end(options.body);
  });
}

const cookiesOf = (answer: Answer) => ((answer.headers["set-cookie"] as string[] | undefined) ?? []).map((cookie) => cookie.split(";")[0]!);

/** A password login through next-auth's credentials endpoint; the session's cookies. */
async function login(email: string): Promise<string> {
  const csrf = await send(`${BASE}/api/auth/csrf`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, json: "true" }).toString(),
  });
  const cookies = [...cookiesOf(csrf), ...cookiesOf(answer)];
  if (!cookies.some((cookie) => /session-token=/.test(cookie))) throw new Error(`Inloggen als ${email} mislukte: ${answer.status} ${answer.body}`);
  return cookies.join("; ");
}

/** The upload as the browser sends it: multipart/form-data, the file streamed from disk. */
async function upload(cookie: string, target: { zelfscanId: string; onderdeelId: string }, file: string, title: string) {
  const boundary = `----bench${randomBytes(12).toString("hex")}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    `${field("title", title)}${field("ingangsdatum", "2024-01-01")}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = statSync(file).size;
  const body = new PassThrough();
  body.write(head);
  createReadStream(file)
    .on("end", () => body.end(tail))
    .pipe(body, { end: false });
  const started = performance.now();
  const answer = await send(`${BASE}/api/zelfscans/${target.zelfscanId}/antwoorden/${target.onderdeelId}/documenten`, {
    method: "POST",
    headers: { cookie, origin: BASE, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": head.length + size + tail.length },
    body,
  });
  const seconds = (performance.now() - started) / 1000;
  if (answer.status !== 200) throw new Error(`Upload geweigerd: ${answer.status} ${answer.body.slice(0, 300)}`);
  const result = JSON.parse(answer.body) as Result<DocumentView>;
  if (result.status !== "ok") throw new Error(`Upload geweigerd: ${answer.body.slice(0, 300)}`);
  return { seconds, document: result.data };
}

/** Downloads the version, hashing it as it arrives; the time and the sha256. */
function download(cookie: string, href: string): Promise<{ seconds: number; sha256: string; size: number; headers: IncomingMessage["headers"] }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    httpRequest(`${BASE}${href}`, { headers: { cookie } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`Download: ${response.statusCode}`));
        response.resume();
        return;
      }
      const hash = createHash("sha256");
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
      });
      response.on("end", () => resolve({ seconds: (performance.now() - started) / 1000, sha256: hash.digest("hex"), size, headers: response.headers }));
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

/** The demo data in the server's data folder, and an onderdeel of Delft's open scan that the officer may edit. */
async function prepare(dataDir: string): Promise<{ zelfscanId: string; onderdeelId: string }> {
  const db = createDatabase({ kind: "embedded", dataDir: path.join(dataDir, "pglite") });
  try {
    await applyMigrations(db.sql);
    await seedDemoData(db.prisma);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: OFFICER }, include: { roles: true } });
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: "bench",
      grants: user.roles.map((role) => ({ role: role.role, gemeenteId: role.gemeenteId, regioId: role.regioId })),
    };
    const scans = await db.prisma.zelfscan.findMany({ where: { gemeente: { slug: "delft" }, status: "CONCEPT" }, select: { id: true } });
    for (const scan of scans) {
      for (const onderdeel of getFramework(CURRENT_FRAMEWORK_VERSION).onderdelen) {
        const target = await findEditableOnderdeel(db.prisma, actor, scan.id, onderdeel.id);
        if (typeof target === "object" && "zelfscanId" in target) return { zelfscanId: scan.id, onderdeelId: onderdeel.id };
      }
    }
    throw new Error(`Geen onderdeel dat ${OFFICER} mag bewerken.`);
  } finally {
    await db.prisma.$disconnect();
    await db.sql.close();
  }
}

const mbPerSecond = (bytes: number, seconds: number) => bytes / MB / seconds;

export async function benchDocumenten(storage: "lokaal" | "s3"): Promise<BenchResult[]> {
  if (!hasProductionBuild()) {
    console.log("Geen productiebuild: voer eerst `npm run build` uit. Documentenbench overgeslagen.");
    return [];
  }
  const work = path.resolve("tmp", `bench-documenten-${Date.now()}`);
  const dataDir = path.join(work, "data");
  mkdirSync(dataDir, { recursive: true });
  const s3 = storage === "s3" ? await startS3Server() : null;
  const label = s3 ? "S3 (s3rver)" : "map in DATA_DIR";
  let server: ChildProcess | undefined;
  try {
    const target = await prepare(dataDir);
    const file = path.join(work, "regiovisie-25mb.pdf");
    const sha256 = await writePdf(file, FILE_BYTES);
    const warmupFile = path.join(work, "warming-up.pdf");
    await writePdf(warmupFile, MB);

    server = await startServer(PORT, {
      DATA_DIR: dataDir,
      APP_ENV: "demo",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: BASE,
      ...(s3?.env ?? {}),
    });
    const cookie = await login(OFFICER);

    // The first request of each route loads its code: not counted, nor in the baseline.
    const warm = await upload(cookie, target, warmupFile, "Opwarmen");
    await download(cookie, documentDownloadHref(target.zelfscanId, warm.document.versies[0]!.id));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = memoryOf(server);

    const uploads: number[] = [];
    const downloads: number[] = [];
    /** The highest VmRSS of each round (an upload and its download). */
    const peaks: number[] = [];
    let mismatches = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const sampler = sampleRss(server);
      const sent = await upload(cookie, target, file, `Regiovisie ${round + 1}`);
      uploads.push(sent.seconds);
      const got = await download(cookie, documentDownloadHref(target.zelfscanId, sent.document.versies[0]!.id));
      downloads.push(got.seconds);
      if (got.sha256 !== sha256 || got.size !== FILE_BYTES) mismatches++;
      peaks.push(sampler.stop());
    }
    const peak = Math.max(...peaks);
    const after = memoryOf(server);
    console.log(`[${label}] VmRSS ervoor ${Math.round(before.rss / MB)} MB; hoogste per ronde: ${peaks.map((value) => Math.round(value / MB)).join(", ")} MB`);

    const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
    const bytes = ROUNDS * FILE_BYTES;
    const size = `${Math.round(FILE_BYTES / MB)} MB`;
    return [
      { name: `[${label}] upload van ${size} via de route (${ROUNDS}×): doorvoer`, value: mbPerSecond(bytes, total(uploads)), unit: "MB/s" },
      { name: `[${label}] upload van ${size}: langzaamste`, value: Math.max(...uploads) * 1000, unit: "ms" },
      { name: `[${label}] download van ${size} via de route (${ROUNDS}×): doorvoer`, value: mbPerSecond(bytes, total(downloads)), unit: "MB/s" },
      { name: `[${label}] download van ${size}: langzaamste`, value: Math.max(...downloads) * 1000, unit: "ms" },
      { name: `[${label}] downloads die niet gelijk zijn aan de upload (sha256)`, value: mismatches, unit: "", target: "0" },
      { name: `[${label}] geheugen van de server (VmRSS) ervoor`, value: before.rss / MB, unit: "MB" },
      { name: `[${label}] geheugen van de server (VmRSS) hoogste tijdens ${ROUNDS} uploads en downloads`, value: peak / MB, unit: "MB" },
      {
        name: `[${label}] stijging van het geheugen tijdens de overdrachten (${ROUNDS} × 2 × ${size} verstuurd)`,
        value: (peak - before.rss) / MB,
        unit: "MB",
        target: `≪ ${Math.round((2 * bytes) / MB)} MB`,
      },
      {
        name: `[${label}] groei van het hoogste geheugen van de eerste tot de laatste ronde`,
        value: (peaks.at(-1)! - peaks[0]!) / MB,
        unit: "MB",
        target: "≈ 0: vlak, niet 25 MB per ronde",
      },
      { name: `[${label}] hoogste geheugen ooit van de server (VmHWM), ervoor → erna`, value: (after.hwm - before.hwm) / MB, unit: "MB erbij" },
    ];
  } finally {
    if (server) await stopServer(server);
    await s3?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
