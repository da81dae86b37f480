// PDF generation is the costliest request of the application (a Chromium page per document, about
// 0.7 s of CPU): each user may start a limited number per minute, counted in the database
// (rate-limiter-flexible, as the login limits) so that every app instance sees the same count.
// Every PDF route handler calls pdfRateLimit() once, after the access check and just before it has
// the PDF made: an address that finds nothing (404) costs nothing and counts for nothing.
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "@/lib/access/actor";
import { prisma as appPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NO_STORE } from "@/lib/http/responses";

export const PDF_LIMIT = { points: 10, durationSeconds: 60 };

/** Counts one PDF for this user; 0 when it may be made now, otherwise the milliseconds to wait. */
export async function consumePdfPoint(prisma: PrismaClient, userId: string, limit = PDF_LIMIT): Promise<number> {
  const limiter = new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimit",
    keyPrefix: "pdf-user",
    points: limit.points,
    duration: limit.durationSeconds,
    // Expired rows are removed when their key is used again; no background timer.
    clearExpiredByTimeout: false,
  });
  try {
    await limiter.consume(userId);
    return 0;
  } catch (rejection) {
    // consume() rejects with a RateLimiterRes when the limit is reached, with an Error when the
    // database fails (route() turns that into its usual answer).
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    throw rejection;
  }
}

function pdfLimitMessage(seconds: number): string {
  return `U heeft in korte tijd veel PDF's laten maken. Probeer het over ${seconds === 1 ? "1 seconde" : `${seconds} seconden`} opnieuw.`;
}

/** Null when this user may have a PDF made now; otherwise the answer: 429 with Retry-After, in Dutch. */
export async function pdfRateLimit(actor: Pick<Actor, "userId">, prisma: PrismaClient = appPrisma()): Promise<Response | null> {
  const waitMs = await consumePdfPoint(prisma, actor.userId);
  if (waitMs === 0) return null;
  const seconds = Math.ceil(waitMs / 1000);
  return Response.json({ fout: pdfLimitMessage(seconds) }, { status: 429, headers: { ...NO_STORE, "Retry-After": String(seconds) } });
}
