import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { checkHealth } from "@/lib/db/health";
import { beginShutdown } from "@/lib/observability/lifecycle.mjs";
import { createMigratedDatabase, DATABASE_KINDS } from "../support/databases";

describe("health check", () => {
  it.each(DATABASE_KINDS)("reports ok with the database kind and framework version on %s", async (kind) => {
    const db = await createMigratedDatabase(kind);
    try {
      expect(await checkHealth(db)).toEqual({
        status: "ok",
        database: kind,
        framework: { id: "vng-werken-aan-veiligheid", version: "2019" },
      });
    } finally {
      await db.drop();
    }
  });

  it("reports unavailable when the PostgreSQL server cannot be reached", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const db = createDatabase({ kind: "postgresql", url: "postgresql://zelfscan:x@127.0.0.1:1/zelfscan" });
    const health = await checkHealth(db);
    expect(health.status).toBe("unavailable");
    expect(health.database).toBe("postgresql");
    await db.prisma.$disconnect();
  });

  it("reports shutting-down once the shutdown has begun, while the database still answers", async () => {
    const db = await createMigratedDatabase("embedded");
    try {
      beginShutdown();
      expect((await checkHealth(db)).status).toBe("shutting-down");
    } finally {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for("zelfscan.lifecycle")];
      await db.drop();
    }
  });
});
