// Deadline reminders (queue QUEUE.reminders): written by the reminders work (issue 14).
import "server-only";
import type { Database } from "@/lib/db/client";

/** Queues the reminders that are due at `now`; answers how many messages it wrote. */
export async function runReminders(db: Database, now: Date): Promise<number> {
  void db;
  void now;
  return 0;
}
