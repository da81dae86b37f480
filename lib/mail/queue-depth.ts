// What the metrics show of the outbox (zelfscan_mail_queue_depth, zelfscan_mail_messages_failed):
// one query, run on each scrape. Each count is on an index: Message(status, createdAt), and
// pg-boss's partial index of jobs not yet active (job_i5: name, state < 'active').
import "server-only";
import type { Database } from "@/lib/db/client";
import { QUEUE, QUEUE_SCHEMA } from "./queue";

export type MailQueueDepth = { waiting: number; bundled: number; failed: number; jobsQueued: number };

export async function mailQueueDepth(db: Database): Promise<MailQueueDepth> {
  const [row] = await db.sql.query<MailQueueDepth>(
    `SELECT (SELECT count(*) FROM "Message" WHERE status = 'WACHTEND')::int AS waiting,
            (SELECT count(*) FROM "Message" WHERE status = 'GEBUNDELD')::int AS bundled,
            (SELECT count(*) FROM "Message" WHERE status = 'MISLUKT')::int AS failed,
            (SELECT count(*) FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state < 'active')::int AS "jobsQueued"`,
    [QUEUE.deliver],
  );
  return row!;
}
