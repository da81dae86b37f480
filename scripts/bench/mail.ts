// E-mail: how fast the outbox empties, and what one message adds to a step save. No build needed.
//
// (a) Throughput. MAIL_BENCH_MESSAGES (1000) messages are queued with queueMessage, each in a
//     transaction of its own as an event would (MAIL_BENCH_PRODUCERS, 4, at a time), while the
//     application's own worker (startMailWorker, with the app's polling interval) delivers them:
//     over SMTP to a real server on loopback (tests/support/smtp.ts: STARTTLS, authentication, every
//     message parsed, in this same process), and once more to the in-app mailbox (POSTVAK). Measured
//     from the first queueMessage to the last message's sentAt; every Message-ID the SMTP server
//     received is counted, so a message delivered twice or not at all shows.
// (b) Latency of a step save. The save path does not use a Prisma transaction: a step is one SQL
//     statement sent straight to the driver (lib/zelfscan/answer-write.ts, docs/decisions/003-save-path.md),
//     atomic by itself. queueMessage needs the Prisma transaction it writes in, so a save that
//     queued a message would have to run its statement inside one. Three variants of the real
//     saveStep mutation (parsing, scope, versions, audit entries), interleaved, one officer saving
//     one whole step after another on one scan, without the worker running:
//       1. "zoals nu": saveStep on the driver, as the app does it;
//       2. "in een Prisma-transactie": the same saveStep inside prisma.$transaction, its statement
//          sent through the transaction ($queryRawUnsafe), nothing else: the cost of the transaction;
//       3. "met een bericht": as 2, plus one queueMessage (the recipient's preference, the message
//          row and its pg-boss job) in the same transaction.
//     The difference at p50 between 3 and 1 is what a message adds to a save (target < 2 ms);
//     between 3 and 2 the message's own statements.
// On the embedded database (a data folder under tmp/) and, with BENCH_POSTGRES_URL, on a new
// PostgreSQL database that is dropped afterwards.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Actor } from "@/lib/access/actor";
import { createDatabase, type Database } from "@/lib/db/client";
import type { SqlDriver } from "@/lib/db/driver";
import { applyMigrations } from "@/lib/db/migrate";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MessageBody } from "@/lib/mail/layout";
import { queueMessage } from "@/lib/mail/outbox";
import { prepareQueue } from "@/lib/mail/queue";
import { smtpTransport, type Transport } from "@/lib/mail/transport";
import { startMailWorker } from "@/lib/mail/worker";
import { saveStep } from "@/lib/zelfscan/mutations";
import { createTestCertificate, startSmtpServer, type TestSmtpServer } from "../../tests/support/smtp";
import { percentile, type BenchResult } from "./stats";

const MESSAGES = Number(process.env.MAIL_BENCH_MESSAGES ?? 1000);
const PRODUCERS = Number(process.env.MAIL_BENCH_PRODUCERS ?? 4);
const SAVES = Number(process.env.MAIL_BENCH_SAVES ?? 300);
const WARMUP_SAVES = Number(process.env.MAIL_BENCH_WARMUP_SAVES ?? 30);
const FROM = "Zelfscan Werken aan Veiligheid <zelfscan@bench.example>";
const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

// The in-app mailbox as lib/mail/transport.ts has it (used there when SMTP_URL is empty): the
// message stays readable at Beheer › Berichten; delivering it is only the row's update.
const MAILBOX: Transport = { kind: "POSTVAK", send: async () => undefined };

// The link as a shorthand property: the audit catalogue's test (lib/audit/actions.test.ts) reads
// every string after "action" and a colon as an audit action name.
const action = { label: "Open de zelfscan", url: "http://127.0.0.1:3000/dashboard" };

const body = (index: number): MessageBody => ({
  subject: `Meetronde geopend (${index + 1})`,
  context: "Gemeente Belasting · regio Belasting",
  greeting: "Beste collega,",
  paragraphs: ["De meetronde Belastingronde is geopend. U kunt de zelfscan van uw gemeente invullen tot 31 januari 2027."],
  action,
});

export type Throughput = {
  /** Messages queued and delivered. */
  messages: number;
  /** Why queueing failed, one entry per message that could not be queued. */
  refused: string[];
  /** From the first queueMessage to the last sentAt. */
  seconds: number;
  /** From the first queueMessage to the last commit of one. */
  queueSeconds: number;
  /** The ids of the messages, in the order they were queued. */
  ids: string[];
};

/**
 * Queues `messages` messages (kind MEETRONDE_GEOPEND, to accounts: preference lookup,
 * unsubscribe footer and List-Unsubscribe header as in the app) and waits until the application's
 * worker has delivered them all through `via`.
 */
export async function measureThroughput(
  db: Database,
  options: { messages: number; via: Transport; producers?: number; pollingIntervalSeconds?: number; timeoutMs?: number },
): Promise<Throughput> {
  const run = randomBytes(4).toString("hex");
  const recipients = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      db.prisma.user.create({
        data: { email: `ontvanger-${run}-${index + 1}@bench.example`, name: `Ontvanger ${index + 1}` },
        select: { id: true, email: true },
      }),
    ),
  );
  const worker = await startMailWorker(db, {
    via: options.via,
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
  });
  try {
    const ids: string[] = [];
    const refused: string[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: options.producers ?? PRODUCERS }, async () => {
        for (let index = next++; index < options.messages; index = next++) {
          // A transaction that cannot start in time (Prisma's maxWait, 2 s) is what an event would
          // meet too: counted, not retried.
          try {
            const id = await db.prisma.$transaction((tx) =>
              queueMessage(tx, {
                kind: "MEETRONDE_GEOPEND",
                dedupeKey: `bench:${run}:${index}`,
                to: recipients[index % recipients.length]!,
                body: body(index),
              }),
            );
            if (!id) throw new Error(`Bericht ${index} is niet in de wachtrij gezet.`);
            ids.push(id);
          } catch (error) {
            refused.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
          }
        }
      }),
    );
    const queueSeconds = (Date.now() - started) / 1000;
    const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
    const where = { dedupeKey: { startsWith: `bench:${run}:` } };
    for (;;) {
      const waiting = await db.prisma.message.count({ where: { ...where, status: { not: "VERZONDEN" } } });
      if (waiting === 0) break;
      if (Date.now() > deadline) throw new Error(`${waiting} van de ${ids.length} berichten zijn niet bezorgd.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const last = await db.prisma.message.aggregate({ where, _max: { sentAt: true } });
    return { messages: ids.length, seconds: (last._max.sentAt!.getTime() - started) / 1000, queueSeconds, ids, refused };
  } finally {
    await worker.stop();
  }
}

/** How often the SMTP server received each of the messages: none missing, none twice. */
export function deliveryCounts(smtp: TestSmtpServer, ids: readonly string[]): { missing: number; duplicates: number } {
  const received = new Map<string, number>();
  for (const mail of smtp.messages) {
    const id = /^<([^@>]+)@/.exec(String(mail.headers.get("message-id") ?? ""))?.[1];
    if (id) received.set(id, (received.get(id) ?? 0) + 1);
  }
  return {
    missing: ids.filter((id) => !received.has(id)).length,
    duplicates: ids.reduce((sum, id) => sum + Math.max(0, (received.get(id) ?? 0) - 1), 0),
  };
}

/**
 * The database as saveStep sees it, inside a Prisma transaction: its statement goes through the
 * transaction. saveStep uses `sql.query` for its statement and `prisma` only to read an answer
 * that conflicts; nothing else of a client is needed inside a transaction.
 */
function databaseIn(db: Database, tx: Prisma.TransactionClient): Database {
  const query = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values);
  const sql: SqlDriver = {
    kind: db.sql.kind,
    query,
    exec: (text) => query(text),
    transaction: () => Promise.reject(new Error("Al binnen een transactie.")),
    close: async () => undefined,
  };
  return { config: db.config, sql, prisma: tx as unknown as PrismaClient };
}

export type SaveLatencies = { plain: number[]; inTransaction: number[]; withMessage: number[]; messagesWritten: number };

/** Step saves of one officer on one open scan, the three variants interleaved (see the top of this file). */
export async function measureSaveLatency(db: Database, options: { saves: number; warmup: number }): Promise<SaveLatencies> {
  const tag = randomBytes(4).toString("hex");
  const regio = await db.prisma.regio.create({ data: { name: `Regio Opslaan ${tag}`, slug: `opslaan-${tag}` } });
  const gemeente = await db.prisma.gemeente.create({ data: { name: `Gemeente Opslaan ${tag}`, slug: `opslaan-${tag}`, regioId: regio.id } });
  const officer = await db.prisma.user.create({ data: { email: `beleid-${tag}@bench.example`, name: "Medewerker Opslaan" } });
  const leader = await db.prisma.user.create({ data: { email: `leider-${tag}@bench.example`, name: "Leider Opslaan" } });
  await db.prisma.roleGrant.create({ data: { userId: officer.id, role: "BELEIDSMEDEWERKER", gemeenteId: gemeente.id } });
  await db.prisma.roleGrant.create({ data: { userId: leader.id, role: "PROJECTLEIDER", regioId: regio.id } });
  const meetronde = await db.prisma.meetronde.create({
    data: {
      regioId: regio.id,
      name: "Opslaanronde",
      startsOn: new Date(),
      deadline: new Date(Date.now() + 30 * 86_400_000),
      status: "OPEN",
      frameworkId: framework.id,
      frameworkVersion: framework.version,
    },
  });
  const scan = await db.prisma.zelfscan.create({
    data: { gemeenteId: gemeente.id, meetrondeId: meetronde.id, frameworkId: framework.id, frameworkVersion: framework.version },
  });
  const actor: Actor = {
    userId: officer.id,
    email: officer.email,
    name: officer.name,
    sessionId: "bench",
    grants: [{ role: "BELEIDSMEDEWERKER", gemeenteId: gemeente.id, regioId: null }],
  };
  const versions = new Map<string, number>();
  let sequence = 0;
  let messagesWritten = 0;

  const step = () => {
    const requirement = framework.requirements[sequence % framework.requirements.length]!;
    const marker = sequence++;
    const answers = Object.fromEntries(
      requirement.onderdelen.map((onderdeel) => [
        onderdeel.id,
        {
          baseVersion: versions.get(onderdeel.id) ?? 0,
          answer: {
            score: marker % 3,
            weetIkNiet: false,
            toelichting: `Meting ${marker}: werkafspraken met Veilig Thuis in ontwikkeling.`,
            vastgelegdIn: ["werkinstructie"],
            vastgelegdAnders: "",
            evidence: [],
            doelniveau: 3,
          },
        },
      ]),
    );
    return { zelfscanId: scan.id, requirementNumber: requirement.number, answers };
  };
  const saved = (result: Awaited<ReturnType<typeof saveStep>>) => {
    if (result.status !== "ok") throw new Error(`Opslaan gaf ${result.status}.`);
    for (const answer of result.data) versions.set(answer.onderdeelId, answer.version);
  };
  const variants = {
    plain: async () => saved(await saveStep(db, actor, step())),
    inTransaction: async () => saved(await db.prisma.$transaction((tx) => saveStep(databaseIn(db, tx), actor, step()))),
    withMessage: async () =>
      db.prisma.$transaction(async (tx) => {
        const input = step();
        saved(await saveStep(databaseIn(db, tx), actor, input));
        const link = { label: "Bekijk de zelfscan", url: `http://127.0.0.1:3000/zelfscans/${scan.id}` };
        const id = await queueMessage(tx, {
          kind: "ZELFSCAN_INGEDIEND",
          dedupeKey: `bench-opslaan:${scan.id}:${leader.id}:${sequence}`,
          to: leader,
          gemeenteId: gemeente.id,
          regioId: regio.id,
          body: {
            subject: `${gemeente.name} heeft de zelfscan ingediend`,
            context: `Gemeente ${gemeente.name} · regio ${regio.name}`,
            greeting: `Beste ${leader.name},`,
            paragraphs: [`${gemeente.name} heeft de zelfscan van ${meetronde.name} ingediend.`],
            action: link,
          },
        });
        if (id) messagesWritten++;
      }),
  } as const;
  const latencies: SaveLatencies = { plain: [], inTransaction: [], withMessage: [], messagesWritten: 0 };
  const names = Object.keys(variants) as (keyof typeof variants)[];
  for (let round = 0; round < options.warmup + options.saves; round++) {
    // A different order each round, so that no variant always follows the same one.
    for (const name of round % 2 ? [...names].reverse() : names) {
      const started = performance.now();
      await variants[name]();
      if (round >= options.warmup) latencies[name].push(performance.now() - started);
    }
  }
  return { ...latencies, messagesWritten };
}

/** A new, prepared database: a data folder under tmp/, or a database on the server at adminUrl; dropped by cleanup. */
async function benchDatabase(kind: "embedded" | "postgresql", adminUrl?: string): Promise<{ db: Database; cleanup(): Promise<void> }> {
  let db: Database;
  let cleanup: () => Promise<void>;
  if (kind === "embedded") {
    const dataDir = path.resolve("tmp", `bench-mail-${Date.now()}`);
    mkdirSync(dataDir, { recursive: true });
    db = createDatabase({ kind: "embedded", dataDir: path.join(dataDir, "pglite") });
    cleanup = async () => {
      await db.prisma.$disconnect();
      await db.sql.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } else {
    const name = `zelfscan_mail_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    db = createDatabase({ kind: "postgresql", url: url.toString() });
    cleanup = async () => {
      await db.prisma.$disconnect();
      await db.sql.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await again.end();
    };
  }
  await applyMigrations(db.sql);
  await prepareQueue(db);
  return { db, cleanup };
}

/** The distinct reasons, for the line that counts them. */
const refusals = (...runs: Throughput[]) => {
  const reasons = [...new Set(runs.flatMap((run) => run.refused))];
  return reasons.length ? ` (${reasons.join("; ")})` : "";
};

async function benchOn(kind: "embedded" | "postgresql", adminUrl: string | undefined, smtp: TestSmtpServer, via: Transport): Promise<BenchResult[]> {
  const label = kind === "postgresql" ? "PostgreSQL" : "ingebouwd";
  const { db, cleanup } = await benchDatabase(kind, adminUrl);
  try {
    const overSmtp = await measureThroughput(db, { messages: MESSAGES, via });
    const { missing, duplicates } = deliveryCounts(smtp, overSmtp.ids);
    const toMailbox = await measureThroughput(db, { messages: MESSAGES, via: MAILBOX });
    const saves = await measureSaveLatency(db, { saves: SAVES, warmup: WARMUP_SAVES });
    const p50 = (values: number[]) => percentile(values, 50);
    return [
      {
        name: `[${label}] uitgaande post via SMTP (loopback, STARTTLS): ${overSmtp.messages} berichten, eerste in de wachtrij tot laatste verzonden`,
        value: overSmtp.seconds,
        unit: "s",
      },
      { name: `[${label}] uitgaande post via SMTP: doorvoer`, value: overSmtp.messages / overSmtp.seconds, unit: "berichten/s" },
      {
        name: `[${label}] niet in de wachtrij gezet (beide runs)${refusals(overSmtp, toMailbox)}`,
        value: overSmtp.refused.length + toMailbox.refused.length,
        unit: "",
        target: "0",
      },
      {
        name: `[${label}] uitgaande post via SMTP: niet ontvangen / dubbel ontvangen`,
        value: missing + duplicates,
        unit: `(${missing} / ${duplicates})`,
        target: "0",
      },
      {
        name: `[${label}] in de wachtrij zetten (queueMessage, ${PRODUCERS} tegelijk, elk een eigen transactie)`,
        value: (overSmtp.messages + overSmtp.refused.length) / overSmtp.queueSeconds,
        unit: "berichten/s",
      },
      { name: `[${label}] postvak in de app: doorvoer`, value: toMailbox.messages / toMailbox.seconds, unit: "berichten/s" },
      { name: `[${label}] hele stap opslaan zoals nu (één SQL-opdracht via de driver): p50`, value: p50(saves.plain), unit: "ms" },
      { name: `[${label}] hele stap opslaan zoals nu: p95`, value: percentile(saves.plain, 95), unit: "ms" },
      { name: `[${label}] dezelfde stap in een Prisma-transactie, zonder bericht: p50`, value: p50(saves.inTransaction), unit: "ms" },
      { name: `[${label}] dezelfde stap in een Prisma-transactie, zonder bericht: p95`, value: percentile(saves.inTransaction, 95), unit: "ms" },
      { name: `[${label}] dezelfde stap met één queueMessage in die transactie: p50`, value: p50(saves.withMessage), unit: "ms" },
      { name: `[${label}] dezelfde stap met één queueMessage in die transactie: p95`, value: percentile(saves.withMessage, 95), unit: "ms" },
      {
        name: `[${label}] extra latentie van een bericht bij het opslaan, p50 (met bericht − zoals nu)`,
        value: p50(saves.withMessage) - p50(saves.plain),
        unit: "ms",
        target: "< 2 ms",
      },
      {
        name: `[${label}] waarvan het bericht zelf, p50 (met bericht − transactie zonder bericht)`,
        value: p50(saves.withMessage) - p50(saves.inTransaction),
        unit: "ms",
      },
    ];
  } finally {
    await cleanup();
  }
}

export async function benchMail(): Promise<BenchResult[]> {
  // Links in the messages and their unsubscribe tokens; never the secret of a demo in ./data.
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.NEXTAUTH_URL ??= "http://127.0.0.1:3000";
  const certificate = createTestCertificate(path.join("tmp", "bench-smtp"));
  const smtp = await startSmtpServer({ certificate });
  const via = smtpTransport(smtp.url, FROM, { ca: certificate.cert });
  try {
    const results = await benchOn("embedded", undefined, smtp, via);
    if (process.env.BENCH_POSTGRES_URL) results.push(...(await benchOn("postgresql", process.env.BENCH_POSTGRES_URL, smtp, via)));
    else console.log("BENCH_POSTGRES_URL is niet gezet: e-mail op PostgreSQL overgeslagen.");
    return results;
  } finally {
    via.close();
    await smtp.close();
  }
}
