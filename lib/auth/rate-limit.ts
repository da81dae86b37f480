// Failed logins slow down progressively, per account and per client address, instead of blocking an
// account: a stranger who types wrong passwords for someone else's e-mail address cannot keep its
// owner out. The counters live in the database (rate-limiter-flexible), so every app instance sees
// the same counts.
//
// How it works, per scope (account = the e-mail address typed, adres = the client address, IPv6 by
// its /64 network):
// - every attempt whose password is checked counts as a failure until it turns out right (it is
//   counted before the check, so that parallel requests cannot slip past the count);
// - after `freeFailures` failures within the window, an attempt has to claim the scope's one
//   "slot", which stays taken for backoffDelayMs(failures): 5 s, 10 s, 20 s ... up to the cap. While
//   the slot is taken, further attempts are not checked at all, only told how long to wait;
// - the owner gets in anyway while their account is slowed down when they come from an address
//   that has no failures itself and either signed this account in before or has no failures at all
//   (a limited number of such fresh addresses per account and window, so that guessing from many
//   addresses stays bounded too). From any other address the owner waits like everyone else: each
//   wait is at most the account's cap, but a stranger who keeps guessing may take the slot first.
// Guessing one account therefore costs at most about one attempt per cap (5 minutes) plus a few
// fresh addresses per day; one address, whatever accounts it tries, at most one per 30 minutes.
import "server-only";
import { isIP } from "node:net";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { databaseRateLimiter } from "@/lib/db/rate-limiter";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type BackoffPolicy = {
  /** Failures within the window that cost no waiting. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  baseMs: number;
  /** The longest wait between two attempts. */
  capMs: number;
  /** Failures are counted for this long after the first one. */
  windowSeconds: number;
};

export type LoginThrottlePolicy = {
  account: BackoffPolicy;
  address: BackoffPolicy;
  /** Fresh addresses (no failures) whose attempt is checked while the account is slowed down, per account and window. */
  freshAddressesPerAccount: number;
};

export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  account: { freeFailures: 4, baseMs: 5_000, capMs: 5 * 60_000, windowSeconds: 24 * 3600 },
  // Stricter: the wait grows to half an hour. More free failures, because many colleagues may share
  // one address (a town hall's network).
  address: { freeFailures: 20, baseMs: 5_000, capMs: 30 * 60_000, windowSeconds: 24 * 3600 },
  freshAddressesPerAccount: 10,
};

/** The wait after `failures` failures (this one included): none for the free ones, then exponential up to the cap. */
export function backoffDelayMs(failures: number, policy: Pick<BackoffPolicy, "freeFailures" | "baseMs" | "capMs">): number {
  if (!Number.isFinite(failures) || failures <= policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures - 1, 40);
  return Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
}

/** The key an address is counted under: IPv4 as is, IPv6 by its /64 network (one subscriber has a whole /64). */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address.toLowerCase();
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::")
    ? [...headParts, ...Array<string>(Math.max(0, 8 - headParts.length - tailParts.length)).fill("0"), ...tailParts]
    : headParts;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

export type ThrottleScope = "account" | "adres";

type LoginGate =
  | { allowed: false; scope: ThrottleScope; retryAfterMs: number; failures: number }
  | {
      allowed: true;
      /** Checked while the account is slowed down, because it comes from a fresh or known address. */
      duringSlowDown: boolean;
      accountFailures: number;
      /** The attempt failed: it stays counted; the waits the slots hold apply. */
      failed(): Promise<{ accountFailures: number; addressFailures: number | null; nextWaitMs: number }>;
      /** The password was right (a code may still be asked for): the attempt does not count. */
      passed(options: { signedIn: boolean }): Promise<void>;
    };

export type LoginLimiter = {
  /** Decides whether an attempt may be checked now; `knownAddress` tells whether this address signed the account in before. */
  begin(account: string, address: string | null, knownAddress: () => Promise<boolean>): Promise<LoginGate>;
};

const COUNT_POINTS = 1_000_000_000;

async function consumeAllowingRejection(limiter: RateLimiterPrisma, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    // Over the limit: rate-limiter-flexible rejects with the result itself.
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

export function createLoginLimiter(prisma: PrismaClient, policy: LoginThrottlePolicy = LOGIN_THROTTLE): LoginLimiter {
  const make = (keyPrefix: string, points: number, durationSeconds: number) => databaseRateLimiter(prisma, keyPrefix, { points, durationSeconds });
  const accountCount = make("login-account", COUNT_POINTS, policy.account.windowSeconds);
  const addressCount = make("login-address", COUNT_POINTS, policy.address.windowSeconds);
  const freshAddresses = make("login-fresh-address", policy.freshAddressesPerAccount, policy.account.windowSeconds);
  // A slot is a limiter of one point whose duration is the wait: the first to consume it may try,
  // everyone else is told how long it is still taken. Consuming is one atomic database upsert.
  const slot = (scope: ThrottleScope, ms: number) =>
    make(scope === "account" ? "login-account-slot" : "login-address-slot", 1, Math.max(1, Math.ceil(ms / 1000)));
  const claim = async (scope: ThrottleScope, key: string, ms: number) => {
    const res = await consumeAllowingRejection(slot(scope, ms), key);
    return res.consumedPoints <= 1 ? { claimed: true as const } : { claimed: false as const, retryAfterMs: Math.max(1, res.msBeforeNext) };
  };
  const release = (scope: ThrottleScope, key: string) => slot(scope, 1000).delete(key);

  return {
    async begin(account, rawAddress, knownAddress) {
      const address = rawAddress ? addressKey(rawAddress) : null;
      const accountFailures = (await consumeAllowingRejection(accountCount, account)).consumedPoints;
      const addressFailures = address ? (await consumeAllowingRejection(addressCount, address)).consumedPoints : null;
      const uncount = async () => {
        await accountCount.reward(account, 1);
        if (address) await addressCount.reward(address, 1);
      };

      let addressSlot = false;
      if (address && addressFailures !== null && addressFailures > policy.address.freeFailures) {
        const claimed = await claim("adres", address, backoffDelayMs(addressFailures, policy.address));
        if (!claimed.claimed) {
          await uncount();
          return { allowed: false, scope: "adres", retryAfterMs: claimed.retryAfterMs, failures: addressFailures - 1 };
        }
        addressSlot = true;
      }

      let accountSlot = false;
      let duringSlowDown = false;
      if (accountFailures > policy.account.freeFailures) {
        const claimed = await claim("account", account, backoffDelayMs(accountFailures, policy.account));
        if (claimed.claimed) {
          accountSlot = true;
        } else {
          // The account is slowed down. Its owner may still come in from an address without failures
          // of its own that signed this account in before, or from a fresh one (a few per window).
          const addressClean = address !== null && addressFailures !== null && addressFailures <= policy.address.freeFailures;
          const known = addressClean && (await knownAddress());
          const fresh =
            !known && addressFailures === 1 && (await consumeAllowingRejection(freshAddresses, account)).consumedPoints <= policy.freshAddressesPerAccount;
          if (!known && !fresh) {
            await uncount();
            if (addressSlot) await release("adres", address!);
            return { allowed: false, scope: "account", retryAfterMs: claimed.retryAfterMs, failures: accountFailures - 1 };
          }
          duringSlowDown = true;
        }
      }

      return {
        allowed: true,
        duringSlowDown,
        accountFailures: accountFailures - 1,
        async failed() {
          const waits = [
            accountSlot ? backoffDelayMs(accountFailures, policy.account) : 0,
            addressSlot ? backoffDelayMs(addressFailures ?? 0, policy.address) : 0,
          ];
          return { accountFailures, addressFailures, nextWaitMs: Math.max(...waits) };
        },
        async passed({ signedIn }) {
          if (address) await addressCount.reward(address, 1);
          if (addressSlot) await release("adres", address!);
          if (signedIn && accountFailures - 1 <= policy.account.freeFailures) {
            // The owner's own few typing errors do not follow them. Once the account is slowed down,
            // its count stays until the window ends, so that the owner signing in gives a guesser
            // no fresh free attempts.
            await accountCount.delete(account);
          } else {
            await accountCount.reward(account, 1);
          }
          if (accountSlot) await release("account", account);
        },
      };
    },
  };
}
