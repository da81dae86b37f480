// Daily digests (queue QUEUE.digest): written by the digest work (issue 14).
import "server-only";
import type { Database } from "@/lib/db/client";

/** Queues the digests that are due at `now`; answers how many it wrote. */
export async function runDigests(db: Database, now: Date): Promise<number> {
  void db;
  void now;
  return 0;
}
