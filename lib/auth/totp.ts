// Time-based one-time passwords (RFC 6238) with otplib: SHA-1, 6 digits, 30-second steps, the
// settings every authenticator app supports. A code is accepted one step before or after the
// current one (clock drift), and each time step is accepted at most once per user.
import { generate, generateSecret, generateURI, verify } from "otplib";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const TOTP_ISSUER = "Zelfscan Werken aan Veiligheid";
const TOTP_PERIOD_SECONDS = 30;
/** One step either side of the current one. */
const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

const CODE_PATTERN = /^\d{6}$/;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32-encoded. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The secret in groups of four characters, for typing it into an app by hand. */
export function formatSecretForDisplay(secret: string): string {
  return (secret.replace(/[\s=]/g, "").match(/.{1,4}/g) ?? []).join(" ");
}

/** Spaces are allowed in what a person types ("123 456"); anything else must be six digits. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return CODE_PATTERN.test(code) ? code : null;
}

export function unixSeconds(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000);
}

export function timeStepAt(epochSeconds: number): number {
  return Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);
}

/** The code for a moment (for tests and the e2e helper, which play the authenticator app). */
export function totpCodeAt(secret: string, epochSeconds: number): Promise<string> {
  return generate({ secret, epoch: epochSeconds });
}

/**
 * Checks a code against a secret at `epochSeconds`, with one step of tolerance either side.
 * Returns the time step the code belongs to, or null. Codes of steps <= `afterTimeStep`
 * (already used) are rejected.
 */
export async function matchTotpStep(
  secret: string,
  input: string,
  options: { epochSeconds?: number; afterTimeStep?: number | null } = {},
): Promise<number | null> {
  const token = normaliseTotpCode(input);
  if (!token) return null;
  const epoch = options.epochSeconds ?? unixSeconds();
  const afterTimeStep = options.afterTimeStep ?? undefined;
  // otplib refuses an afterTimeStep beyond the window; then no code can be new anyway.
  if (afterTimeStep !== undefined && afterTimeStep >= timeStepAt(epoch + TOTP_TOLERANCE_SECONDS)) return null;
  try {
    const result = await verify({ secret, token, epoch, epochTolerance: TOTP_TOLERANCE_SECONDS, afterTimeStep });
    // The functional verify is typed for TOTP and HOTP alike; only a TOTP result has a time step.
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // A malformed or too short secret: nothing can match it.
    return null;
  }
}

// Replay protection. A TOTP code stays valid for up to 90 seconds (three steps); somebody who saw
// it (over a shoulder, through a phishing proxy) could use it a second time. The last accepted
// time step per user is kept in the database, so that every app instance sees it, and advanced
// with a compare-and-set, so that two parallel requests with the same code cannot both pass.
//
// The schema has no column for it on User; the RateLimit table (key, points, expire) is a
// shared, atomic key-value store that fits: key "totp-step:<userId>", points = last step.
// `expire` is set to the end of that step's acceptance window: once it has passed, the row no
// longer protects anything and may be cleaned up.
const REPLAY_PREFIX = "totp-step:";

function replayKey(userId: string): string {
  return `${REPLAY_PREFIX}${userId}`;
}

type ReplayStore = Pick<PrismaClient, "rateLimit">;

async function lastUsedTimeStep(prisma: ReplayStore, userId: string): Promise<number | null> {
  const row = await prisma.rateLimit.findUnique({ where: { key: replayKey(userId) } });
  return row ? row.points : null;
}

/** Records `step` as used, unless it or a later step already was. True when this call recorded it. */
async function claimTimeStep(prisma: ReplayStore, userId: string, step: number): Promise<boolean> {
  const key = replayKey(userId);
  const expire = new Date((step + 2) * TOTP_PERIOD_SECONDS * 1000 + 60_000);
  for (let attempt = 0; attempt < 2; attempt++) {
    const updated = await prisma.rateLimit.updateMany({ where: { key, points: { lt: step } }, data: { points: step, expire } });
    if (updated.count === 1) return true;
    const existing = await prisma.rateLimit.findUnique({ where: { key } });
    if (existing) {
      if (existing.points >= step) return false;
      // Changed between our two queries: try the compare-and-set again.
      continue;
    }
    try {
      await prisma.rateLimit.create({ data: { key, points: step, expire } });
      return true;
    } catch {
      // Another request created the row first (unique key): compare again.
    }
  }
  return false;
}

/**
 * Verifies a code for a user's secret and uses it up: the same code (or an older one) is not
 * accepted again for this user.
 */
export async function verifyTotpOnce(prisma: ReplayStore, userId: string, secret: string, input: string, now: Date = new Date()): Promise<boolean> {
  const afterTimeStep = await lastUsedTimeStep(prisma, userId);
  const step = await matchTotpStep(secret, input, { epochSeconds: unixSeconds(now), afterTimeStep });
  if (step === null) return false;
  return claimTimeStep(prisma, userId, step);
}

/** Forgets the used steps of a user (when the second factor is turned off or set up again). */
export async function forgetUsedTimeSteps(prisma: ReplayStore, userId: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: replayKey(userId) } });
}
