import type { Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the mail queue source reads in one query (lib/mail/queue-depth.ts). */
export type MailQueueSnapshot = { waiting: number; bundled: number; jobsQueued: number; failed: number };
/** The connections of the application's database (lib/db/client.ts). */
export type DatabasePoolSnapshot = { database: "embedded" | "postgresql"; total: number; idle: number; waiting: number };

export type Metrics = {
  registry: Registry;
  sources: {
    mailQueue: (() => Promise<MailQueueSnapshot | null>) | null;
    databasePool: (() => DatabasePoolSnapshot | null) | null;
  };
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  saves: Counter<"outcome">;
  pdfRenders: Counter<"kind" | "outcome">;
  pdfDuration: Histogram<"kind">;
  mailQueueDepth: Gauge<"state">;
  mailFailed: Gauge;
  databasePool: Gauge<"database" | "state">;
};

export function metrics(): Metrics;
