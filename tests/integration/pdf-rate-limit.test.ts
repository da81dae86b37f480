// PDF generation is limited per user, counted in the database so that every app instance sees the
// same count: the next PDF after the limit is refused with 429, a Dutch message and Retry-After;
// other users are not affected; the count starts again after the window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { consumePdfPoint, PDF_LIMIT, pdfRateLimit } from "@/lib/pdf/rate-limit";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

describe.each(DATABASE_KINDS)("PDF rate limit per user, on the %s database", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
  });
  afterAll(() => db?.drop());

  it("refuses the PDF after the limit with 429, a Dutch message and Retry-After, for that user only", async () => {
    const user = { userId: "gebruiker-a" };
    for (let i = 0; i < PDF_LIMIT.points; i++) expect(await pdfRateLimit(user, db.prisma), `PDF ${i + 1}`).toBeNull();
    const refused = await pdfRateLimit(user, db.prisma);
    expect(refused?.status).toBe(429);
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(PDF_LIMIT.durationSeconds);
    expect(refused!.headers.get("cache-control")).toBe("no-store");
    expect(((await refused!.json()) as { fout: string }).fout).toMatch(
      /^U heeft in korte tijd veel PDF's laten maken\. Probeer het over \d+ seconden? opnieuw\.$/,
    );
    expect(await pdfRateLimit({ userId: "gebruiker-b" }, db.prisma)).toBeNull();
    const row = await db.prisma.rateLimit.findUniqueOrThrow({ where: { key: "pdf-user:gebruiker-a" } });
    expect(row.points).toBe(PDF_LIMIT.points + 1);
  });

  it("counts in the database, so that a second app instance sees the same count", async () => {
    // The embedded database belongs to one process by design; PostgreSQL serves several instances.
    if (db.config.kind !== "postgresql") return;
    const other = createDatabase({ kind: "postgresql", url: db.config.url });
    try {
      const user = "gebruiker-c";
      for (let i = 0; i < PDF_LIMIT.points; i++) expect(await consumePdfPoint(i % 2 ? other.prisma : db.prisma, user)).toBe(0);
      expect(await consumePdfPoint(other.prisma, user)).toBeGreaterThan(0);
      expect(await consumePdfPoint(db.prisma, user)).toBeGreaterThan(0);
    } finally {
      await other.prisma.$disconnect();
    }
  });

  it("allows PDFs again once the window has passed", async () => {
    const limit = { points: 2, durationSeconds: 1 };
    expect(await consumePdfPoint(db.prisma, "gebruiker-d", limit)).toBe(0);
    expect(await consumePdfPoint(db.prisma, "gebruiker-d", limit)).toBe(0);
    expect(await consumePdfPoint(db.prisma, "gebruiker-d", limit)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await consumePdfPoint(db.prisma, "gebruiker-d", limit)).toBe(0);
  });
});
