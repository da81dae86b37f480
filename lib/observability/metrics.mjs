// The Prometheus metrics of the process (GET /api/metrics). Plain ESM, because two module worlds
// use it: server.mjs imports it as it is (the HTTP metrics, lib/observability/http-metrics.mjs),
// and the Next.js bundle has its own copy of this file (the save, PDF, queue and pool metrics).
// Both must count into ONE registry, so the registry and every metric live on globalThis under
// a registered symbol: whichever copy runs first creates them, the other finds them. prom-client
// itself is loaded from node_modules by both (serverExternalPackages in next.config.mjs).
//
// Labels never carry user, gemeente, scan or path data: routes are patterns, outcomes and kinds
// are short fixed words.
import client from "prom-client";

const KEY = Symbol.for("zelfscan.metrics");

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "zelfscan_" });
  const registers = [registry];
  /**
   * Read on a scrape; set by the Next.js side (lib/observability/scrape-sources.ts), which limits
   * their time and logs their failures. When the queue's source has nothing (timed out, failed),
   * its gauges say NaN, "unknown", rather than a stale value or a reassuring 0.
   */
  const sources = { mailQueue: null, databasePool: null };

  // The queue depth and the failed messages come from one query; both gauges' collect() (which
  // prom-client runs in parallel) share the one in flight.
  let mailSnapshot = null;
  const mailQueue = () => {
    if (!sources.mailQueue) return Promise.resolve(null);
    mailSnapshot ??= sources.mailQueue().finally(() => setTimeout(() => (mailSnapshot = null), 0));
    return mailSnapshot;
  };

  return {
    registry,
    sources,
    httpRequests: new client.Counter({
      name: "zelfscan_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status.",
      labelNames: ["method", "route", "status"],
      registers,
    }),
    httpDuration: new client.Histogram({
      name: "zelfscan_http_request_duration_seconds",
      help: "Time from receiving a request to the end of its answer, by method and route pattern.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    saves: new client.Counter({
      name: "zelfscan_saves_total",
      help: "Saves of answers and steps, by outcome (saved, conflict, locked, refused).",
      labelNames: ["outcome"],
      registers,
    }),
    pdfRenders: new client.Counter({
      name: "zelfscan_pdf_renders_total",
      help: "PDF renders, by document kind and outcome (ok, error).",
      labelNames: ["kind", "outcome"],
      registers,
    }),
    pdfDuration: new client.Histogram({
      name: "zelfscan_pdf_render_duration_seconds",
      help: "Time Chromium took to print a PDF, by document kind.",
      labelNames: ["kind"],
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32],
      registers,
    }),
    // Before the queue's gauges: prom-client collects in the order of registration, and the pool is
    // read before the scrape's own query asks it for a connection.
    databasePool: new client.Gauge({
      name: "zelfscan_db_pool_connections",
      help: "Database connections: total open, idle, and requests waiting for one (embedded: the one connection of its thread).",
      labelNames: ["database", "state"],
      registers,
      collect() {
        this.reset();
        const pool = sources.databasePool?.();
        if (!pool) return;
        for (const state of ["total", "idle", "waiting"]) this.set({ database: pool.database, state }, pool[state]);
      },
    }),
    mailQueueDepth: new client.Gauge({
      name: "zelfscan_mail_queue_depth",
      help: "Messages not yet sent: waiting for delivery, bundled for a digest; delivery jobs queued in pg-boss.",
      labelNames: ["state"],
      registers,
      async collect() {
        const snapshot = await mailQueue().catch(() => null);
        this.set({ state: "waiting" }, snapshot?.waiting ?? NaN);
        this.set({ state: "bundled" }, snapshot?.bundled ?? NaN);
        this.set({ state: "jobs_queued" }, snapshot?.jobsQueued ?? NaN);
      },
    }),
    mailFailed: new client.Gauge({
      name: "zelfscan_mail_messages_failed",
      help: "Messages whose every delivery try failed (status MISLUKT), for a beheerder to retry.",
      registers,
      async collect() {
        const snapshot = await mailQueue().catch(() => null);
        this.set(snapshot?.failed ?? NaN);
      },
    }),
  };
}

/** The metrics of the process, created on first use. */
export function metrics() {
  globalThis[KEY] ??= create();
  return globalThis[KEY];
}
