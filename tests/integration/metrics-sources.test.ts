// What the metrics read from the database on a scrape (lib/mail/queue-depth.ts, the connection
// counts of lib/db/client.ts), on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailQueueDepth } from "@/lib/mail/queue-depth";
import { queueDelivery } from "@/lib/mail/outbox";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("the metrics' sources on the %s database", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("counts the messages waiting, bundled and failed, and the delivery jobs queued, in one query", async () => {
    expect(await mailQueueDepth(db)).toEqual({ waiting: 0, bundled: 0, failed: 0, jobsQueued: 0 });
    const message = (status: "WACHTEND" | "GEBUNDELD" | "VERZONDEN" | "MISLUKT", n: number) => ({
      kind: "HERINNERING" as const,
      dedupeKey: `metrics-test:${status}:${n}`,
      to: `ontvanger${n}@gemeente.example`,
      subject: "Herinnering",
      status,
    });
    await db.prisma.message.createMany({
      data: [
        message("WACHTEND", 1),
        message("WACHTEND", 2),
        message("WACHTEND", 3),
        message("GEBUNDELD", 1),
        message("VERZONDEN", 1),
        message("MISLUKT", 1),
        message("MISLUKT", 2),
      ],
    });
    const waiting = await db.prisma.message.findMany({ where: { status: "WACHTEND" }, select: { id: true } });
    await db.prisma.$transaction(async (tx) => {
      for (const { id } of waiting.slice(0, 2)) await queueDelivery(tx, id);
    });
    expect(await mailQueueDepth(db)).toEqual({ waiting: 3, bundled: 1, failed: 2, jobsQueued: 2 });
  });

  it("reports the database's connections", async () => {
    const connections = db.connections!();
    if (kind === "embedded") {
      expect(connections).toEqual({ total: 1, idle: 1, waiting: 0 });
      // While statements are in the thread: the one connection is busy, the others wait behind it.
      const running = Promise.all([db.sql.query("SELECT pg_sleep(0.2)"), db.sql.query("SELECT 1"), db.sql.query("SELECT 2")]);
      expect(db.connections!()).toEqual({ total: 1, idle: 0, waiting: 2 });
      await running;
    } else {
      expect(connections.total).toBeGreaterThanOrEqual(1);
      expect(connections.idle).toBe(connections.total);
      expect(connections.waiting).toBe(0);
      // Eleven at once on a pool of ten: one waits for a connection.
      const running = Promise.all(Array.from({ length: 11 }, () => db.sql.query("SELECT pg_sleep(0.3)")));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(db.connections!()).toMatchObject({ total: 10, idle: 0, waiting: 1 });
      await running;
    }
  });
});
