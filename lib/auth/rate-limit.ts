// Failed logins are counted per account and per client address (rate-limiter-flexible, with its
// counters in the database so that every app instance sees the same counts).
import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const ACCOUNT_LIMIT = { points: 5, durationSeconds: 15 * 60 };
export const ADDRESS_LIMIT = { points: 20, durationSeconds: 15 * 60 };

export type LoginLimiter = {
  /** Milliseconds until a new attempt is allowed, or 0 when one is allowed now. */
  waitMs(account: string, address: string | null): Promise<number>;
  recordFailure(account: string, address: string | null): Promise<void>;
  recordSuccess(account: string): Promise<void>;
};

export function createLoginLimiter(prisma: PrismaClient): LoginLimiter {
  const make = (keyPrefix: string, limit: { points: number; durationSeconds: number }) =>
    new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimit",
      keyPrefix,
      points: limit.points,
      duration: limit.durationSeconds,
      // Expired rows are removed when their key is used again; no background timer.
      clearExpiredByTimeout: false,
    });
  const byAccount = make("login-account", ACCOUNT_LIMIT);
  const byAddress = make("login-address", ADDRESS_LIMIT);
  const blockedFor = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? res.msBeforeNext : 0;

  return {
    async waitMs(account, address) {
      const [accountRes, addressRes] = await Promise.all([
        byAccount.get(account),
        address ? byAddress.get(address) : Promise.resolve(null),
      ]);
      return Math.max(blockedFor(accountRes, ACCOUNT_LIMIT.points), blockedFor(addressRes, ADDRESS_LIMIT.points));
    },
    async recordFailure(account, address) {
      // consume() rejects once the limit is passed; the count is what matters here.
      await byAccount.consume(account).catch(() => undefined);
      if (address) await byAddress.consume(address).catch(() => undefined);
    },
    async recordSuccess(account) {
      await byAccount.delete(account);
    },
  };
}

/** "over 14 minuten" / "over 1 minuut": when the next attempt is allowed, in Dutch. */
export function retryAfterText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "over 1 minuut" : `over ${minutes} minuten`;
}
