// Rate limits counted in the database (rate-limiter-flexible's RateLimiterPrisma on the RateLimit
// table), so that every app instance sees the same count: failed logins, password resets, PDFs,
// a coordinator's invitations. One way to make such a limiter and to consume a point of it.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type RateLimitPolicy = { points: number; durationSeconds: number };

export function databaseRateLimiter(prisma: PrismaClient, keyPrefix: string, policy: RateLimitPolicy): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimit",
    keyPrefix,
    points: policy.points,
    duration: policy.durationSeconds,
    // Expired rows are removed when their key is used again; no background timer.
    clearExpiredByTimeout: false,
  });
}

/** Counts one point for key: 0 when it may go ahead now, otherwise the milliseconds to wait. */
export async function consumePoint(limiter: RateLimiterPrisma, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    // consume() rejects with a RateLimiterRes when the limit is reached, with an Error when the
    // database fails (the caller's route or action turns that into its usual answer).
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    throw rejection;
  }
}
