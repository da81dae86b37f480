// The queue's workers, started once per server process after the database is prepared
// (instrumentation.ts). Every instance runs them; pg-boss hands each job to one of them
// (SELECT ... FOR UPDATE SKIP LOCKED), and its cron schedule is kept in the database, so that a
// scheduled run starts once however many instances there are. The scheduled runs are in
// Europe/Amsterdam time. A run that was due while the application was down is caught up at
// start-up: each start queues one reminders run and one digest run, and both only write what is
// due and not yet written (their dedupe keys). The nightly sweep of stored files is not caught up:
// what it would delete waits a day without harm.
import "server-only";
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { type FileStore, fileStore } from "@/lib/documenten/store";
import { sweepStoredFiles } from "@/lib/documenten/sweep";
import { errorFields, log } from "@/lib/log";
import { deliverMessage } from "./deliver";
import { runDigests } from "./digest";
import { createBoss, QUEUE } from "./queue";
import { runAssignmentReminders, runReminders } from "./reminders";
import type { Transport } from "./transport";

const SCHEDULE = {
  /** Every day at 08:00 in the Netherlands. */
  reminders: "0 8 * * *",
  /** Every day at 07:30 in the Netherlands, before the working day. */
  digest: "30 7 * * *",
  /** Every night at 03:15, when no one uploads. */
  documentSweep: "15 3 * * *",
  timeZone: "Europe/Amsterdam",
} as const;

const DELIVERERS = 2;
const BATCH = 50;

/**
 * `pause()`: fetch no new jobs (at the shutdown signal: the queue is in the database, another
 * instance or the next start delivers the rest), the deliveries in progress go on.
 * `stop(timeLeftMs)`: wait for them up to timeLeftMs (ten seconds when not given), then stop.
 */
export type MailWorker = { boss: PgBoss; pause(): Promise<void>; stop(timeLeftMs?: number): Promise<void> };

/**
 * `via`: another transport than the configured one (the tests' SMTP server with its own CA);
 * `store`: another file store than the configured one (a test's own folder or bucket).
 */
export async function startMailWorker(
  db: Database,
  options: { pollingIntervalSeconds?: number; via?: Transport; store?: FileStore } = {},
): Promise<MailWorker> {
  const boss = createBoss(db, {}, (error) => log.error("wachtrij.fout", errorFields(error)));
  await boss.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };

  // pg-boss's worker fetches a batch, hands it over, and waits out the rest of its polling interval
  // before the next fetch; DELIVERERS workers of BATCH jobs each keep a full outbox moving at up
  // to DELIVERERS × BATCH messages per interval per instance, and an empty one costs a query per
  // worker per interval.
  for (let worker = 0; worker < DELIVERERS; worker++) {
    await boss.work<{ messageId: string }>(QUEUE.deliver, { ...polling, batchSize: BATCH, includeMetadata: true }, async (jobs) => {
      // Each job of the batch on its own: a failed one goes back for a retry (boss.fail), the others
      // are completed by pg-boss when this returns.
      const results = await Promise.allSettled(
        jobs.map((job) => deliverMessage(db, job.data.messageId, { lastTry: job.retryCount >= job.retryLimit, via: options.via })),
      );
      const failed = jobs.filter((_, index) => results[index]!.status === "rejected").map((job) => job.id);
      if (failed.length) await boss.fail(QUEUE.deliver, failed);
    });
  }
  await boss.work(QUEUE.reminders, polling, async () => {
    const now = new Date();
    const written = await runReminders(db, now);
    const assignments = await runAssignmentReminders(db, now);
    log.info("herinneringen.gepland", { berichten: written, toewijzingen: assignments });
  });
  await boss.work(QUEUE.digest, polling, async () => {
    const written = await runDigests(db, new Date());
    log.info("samenvattingen.gepland", { berichten: written });
  });
  await boss.work(QUEUE.documentSweep, polling, async () => {
    const swept = await sweepStoredFiles(db.prisma, options.store ?? fileStore());
    log.info("documenten.opgeruimd", swept);
  });

  await boss.schedule(QUEUE.reminders, SCHEDULE.reminders, {}, { tz: SCHEDULE.timeZone });
  await boss.schedule(QUEUE.digest, SCHEDULE.digest, {}, { tz: SCHEDULE.timeZone });
  await boss.schedule(QUEUE.documentSweep, SCHEDULE.documentSweep, {}, { tz: SCHEDULE.timeZone });
  // Catch up on what was due while no instance ran.
  await boss.send(QUEUE.reminders, {});
  await boss.send(QUEUE.digest, {});

  const queues = [QUEUE.deliver, QUEUE.reminders, QUEUE.digest, QUEUE.documentSweep];
  let paused: Promise<void> | undefined;
  const pause = () => {
    // pg-boss's offWork: each worker finishes the batch it has (and completes or fails its jobs),
    // then fetches no more.
    paused ??= Promise.all(queues.map((queue) => boss.offWork(queue))).then(() => log.info("mail.worker-gepauzeerd", {}));
    return paused;
  };
  // Graceful: pg-boss waits up to the time left for the deliveries in progress to finish and be
  // recorded; what is still running then is marked failed and goes back to the queue for a retry.
  // The last quarter second is for that marking (pg-boss takes at least one second).
  const stop = async (timeLeftMs = 10_000) => {
    const started = Date.now();
    await pause();
    await boss.stop({ graceful: true, close: false, wait: true, timeout: Math.max(0, timeLeftMs - 250) });
    log.info("mail.worker-gestopt", { ms: Date.now() - started });
  };
  return { boss, pause, stop };
}
