import { afterEach, describe, expect, it, vi } from "vitest";

// A database that never answers the queue's query, and a pool in some state.
vi.mock("@/lib/db/client", () => ({
  database: () => ({ config: { kind: "postgresql" }, connections: () => ({ total: 4, idle: 1, waiting: 2 }) }),
}));
vi.mock("@/lib/mail/queue-depth", () => ({ mailQueueDepth: () => new Promise(() => undefined) }));

const { metrics } = await import("./metrics.mjs");
const { setScrapeSources } = await import("./scrape-sources");

afterEach(() => vi.restoreAllMocks());

describe("a scrape while the database does not answer", () => {
  it("ends within the time limit, with the queue's gauges unknown (NaN) and the pool's, and logs the miss", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    setScrapeSources();
    const started = performance.now();
    const body = await metrics().registry.metrics();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(1_900);
    expect(elapsed).toBeLessThan(4_000);
    // Unknown, not a reassuring 0 (prom-client writes NaN as "Nan"; Prometheus reads either).
    expect(body).toMatch(/^zelfscan_mail_queue_depth\{state="waiting"\} nan$/im);
    expect(body).toMatch(/^zelfscan_mail_queue_depth\{state="jobs_queued"\} nan$/im);
    expect(body).toMatch(/^zelfscan_mail_messages_failed nan$/im);
    expect(body).toContain('zelfscan_db_pool_connections{database="postgresql",state="total"} 4');
    expect(body).toContain('zelfscan_db_pool_connections{database="postgresql",state="waiting"} 2');
    // One query for both gauges: one miss.
    expect(lines.filter((line) => line.includes('"metrics.wachtrij-onbekend"'))).toHaveLength(1);
  });
});
