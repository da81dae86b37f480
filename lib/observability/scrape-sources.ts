// The values the metrics read from the database on each scrape (metrics.mjs's gauges call these):
// the mail queue, in one query limited in time so that a slow database does not hang the scrape
// (its gauges then say NaN in that scrape, and the miss is logged), and the pool's counts,
// which are in memory.
import "server-only";
import { database } from "@/lib/db/client";
import { withinTime } from "@/lib/db/within-time";
import { errorFields, log } from "@/lib/log";
import { mailQueueDepth } from "@/lib/mail/queue-depth";
import { metrics } from "./metrics.mjs";

const MAIL_QUEUE_TIMEOUT_MS = 2_000;

/** Sets the sources of the process's metrics (again: idempotent). */
export function setScrapeSources(): void {
  const { sources } = metrics();
  sources.mailQueue = async () => {
    try {
      return await withinTime(mailQueueDepth(database()), MAIL_QUEUE_TIMEOUT_MS);
    } catch (error) {
      log.warn("metrics.wachtrij-onbekend", errorFields(error));
      return null;
    }
  };
  sources.databasePool = () => {
    const db = database();
    return db.connections ? { database: db.config.kind, ...db.connections() } : null;
  };
}
