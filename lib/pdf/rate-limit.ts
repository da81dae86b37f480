// PDF generation is the costliest request of the application (a Chromium page per document, about
// 0.7 s of CPU): each user may start a limited number per minute, counted in the database
// (rate-limiter-flexible, as the login limits) so that every app instance sees the same count.
// Every PDF route handler calls pdfRateLimit() once, after the access check and just before it has
// the PDF made: an address that finds nothing (404) costs nothing and counts for nothing.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { prisma as appPrisma } from "@/lib/db/client";
import { consumePoint, databaseRateLimiter } from "@/lib/db/rate-limiter";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NO_STORE } from "@/lib/http/responses";

export const PDF_LIMIT = { points: 10, durationSeconds: 60 };

/** Counts one PDF for this user; 0 when it may be made now, otherwise the milliseconds to wait. */
export async function consumePdfPoint(prisma: PrismaClient, userId: string, limit = PDF_LIMIT): Promise<number> {
  return consumePoint(databaseRateLimiter(prisma, "pdf-user", limit), userId);
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
