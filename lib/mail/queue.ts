// The job queue: pg-boss, on the application's own database (the embedded one and PostgreSQL
// alike; its tables live in the schema "pgboss"). pg-boss talks to the database through the
// application's SQL driver (lib/db/driver.ts), so that on the embedded database it shares the one
// connection, and a job can be written inside a Prisma transaction (transactionDb) so that it
// commits, or not, together with the change that causes it.
//
// Queues: QUEUE.deliver (one job per message of the outbox, lib/mail/deliver.ts), QUEUE.reminders
// (deadline reminders, lib/mail/reminders.ts) and QUEUE.digest (daily digests, lib/mail/digest.ts);
// the last two run on a schedule in Europe/Amsterdam time (lib/mail/worker.ts), as does
// QUEUE.documentSweep (stored files that no document version names, lib/documenten/sweep.ts).
import "server-only";
import PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import type { SqlDriver } from "@/lib/db/driver";
import type { Prisma } from "@/lib/generated/prisma/client";

export const QUEUE_SCHEMA = "pgboss";

export const QUEUE = {
  deliver: "bericht-bezorgen",
  reminders: "herinneringen",
  digest: "samenvatting",
  documentSweep: "documenten-opruimen",
} as const;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/**
 * Retries of a delivery: 6 tries in all, with exponential back-off from 30 seconds (about 30 s,
 * 1, 2, 4 and 8 minutes, with jitter). After the last one the message is MISLUKT for a beheerder.
 */
const DELIVERY_RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

const QUEUES: PgBoss.Queue[] = [
  { name: QUEUE.deliver, policy: "standard", ...DELIVERY_RETRY, expireInSeconds: 5 * 60, retentionMinutes: 14 * 24 * 60 },
  // A scheduled run is one at a time: "singleton" keeps a second one from starting while one is active.
  { name: QUEUE.reminders, policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  { name: QUEUE.digest, policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  { name: QUEUE.documentSweep, policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 60 * 60 },
];

/** pg-boss's statements over the SQL driver: with parameters one statement, without them a script. */
function driverDb(sql: Pick<SqlDriver, "exec" | "query">): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({ rows: values?.length ? await sql.query(text, values) : await sql.exec(text) }),
  };
}

/** pg-boss's statements inside a Prisma transaction: the job commits with the change that queues it. */
function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text, values = []) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((value: unknown) => (value === undefined ? null : value))),
    }),
  };
}

const BOSS_DEFAULTS = { schema: QUEUE_SCHEMA, application_name: "zelfscan" } as const;

/**
 * pg-boss reports errors of its own loops (maintenance, polling) as events; without a listener
 * Node would crash on them. The worker logs them (lib/mail/worker.ts).
 */
export function createBoss(db: Database, options: PgBoss.ConstructorOptions = {}, onError: (error: Error) => void = () => undefined): PgBoss {
  const boss = new PgBoss({ ...BOSS_DEFAULTS, ...options, db: driverDb(db.sql) });
  boss.on("error", onError);
  return boss;
}

/**
 * Installs or upgrades pg-boss's schema and creates the queues; safe to run from several
 * instances at once (pg-boss takes an advisory lock). Part of preparing a database, after the
 * application's own migrations.
 */
export async function prepareQueue(db: Database): Promise<void> {
  const boss = createBoss(db, { supervise: false, schedule: false });
  await boss.start();
  for (const queue of QUEUES) {
    const existing = await boss.getQueue(queue.name);
    if (existing) await boss.updateQueue(queue.name, queue);
    else await boss.createQueue(queue.name, queue);
  }
  await boss.stop({ graceful: false, close: false, wait: true });
}

// A pg-boss instance that is never started: it only writes jobs, each time through the
// transaction it is given (send's `db` option), never over a connection of its own.
let sender: PgBoss | undefined;

function jobWriter(): PgBoss {
  sender ??= new PgBoss({
    ...BOSS_DEFAULTS,
    db: {
      executeSql: () => Promise.reject(new Error("Een taak wordt altijd binnen een transactie in de wachtrij gezet (transactionDb).")),
    },
  });
  return sender;
}

/** Queues a job inside the transaction `tx`; it exists once the transaction commits. */
export async function sendJob(tx: Prisma.TransactionClient, name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return jobWriter().send(name, data, { ...options, db: transactionDb(tx) });
}
