// The second factor at login: a code from the authenticator app (TOTP), or one of the user's
// single-use recovery codes.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { waitText } from "@/lib/shared/auth/login-messages";
import { ZSecondFactorCodeSchema, ZTotpCodeSchema } from "@/lib/shared/auth/second-factor-schema";
import { conflict, invalid, invalidFromZod, locked, ok, type Result } from "@/lib/shared/result";
import { queueSecurityNotice } from "./account-mail";
import { decryptSecret, encryptSecret } from "./crypto";
import { createLoginLimiter } from "./rate-limit";
import { consumeRecoveryCode, replaceRecoveryCodes, unusedRecoveryCodeCount } from "./recovery-codes";
import { newTotpSecret, normaliseTotpCode, totpUri, verifyTotpOnce } from "./totp";

/** Encryption purpose of User.totpSecret; the user id is the authenticated context. */
const TOTP_SECRET_PURPOSE = "totp-secret";

export function encryptTotpSecretFor(userId: string, secret: string, encrypt: (plain: string, purpose: string, context: string) => string): string {
  return encrypt(secret, TOTP_SECRET_PURPOSE, userId);
}

/** The user's TOTP secret in plain text, or null when there is none or it cannot be decrypted. */
export function readTotpSecret(user: { id: string; totpSecret: string | null }): string | null {
  if (!user.totpSecret) return null;
  try {
    return decryptSecret(user.totpSecret, TOTP_SECRET_PURPOSE, user.id);
  } catch {
    // A changed application secret or a tampered value: the factor cannot be used.
    return null;
  }
}

/**
 * True when `code` is a valid second factor of a user who has one set up: six digits are checked
 * as a TOTP code (each code works once), anything else as a recovery code (used up, audited).
 */
export async function verifySecondFactor(prisma: PrismaClient, userId: string, code: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, totpEnabled: true, totpSecret: true } });
  if (!user || !user.totpEnabled) return false;

  if (normaliseTotpCode(code)) {
    const secret = readTotpSecret(user);
    return secret ? verifyTotpOnce(prisma, user.id, secret, code) : false;
  }

  if (!(await consumeRecoveryCode(prisma, user.id, code))) return false;
  await recordAudit(prisma, {
    actorId: user.id,
    action: "auth.herstelcode-gebruikt",
    targetType: "User",
    targetId: user.id,
    details: { resterend: await unusedRecoveryCodeCount(prisma, user.id) },
  });
  return true;
}

export type TotpSetup = { secret: string; uri: string };

/**
 * The secret a user is setting up. It is kept, encrypted, on the user while the factor is not yet
 * switched on, so that reloading the page shows the same QR code the app already scanned.
 */
export async function pendingTotpSetup(prisma: PrismaClient, user: { id: string; email: string }): Promise<TotpSetup | null> {
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { id: true, totpEnabled: true, totpSecret: true } });
  if (!row || row.totpEnabled) return null;
  let secret = readTotpSecret(row);
  if (!secret) {
    secret = newTotpSecret();
    await prisma.user.update({
      where: { id: row.id, totpEnabled: false },
      data: { totpSecret: encryptTotpSecretFor(row.id, secret, encryptSecret) },
    });
  }
  return { secret, uri: totpUri(secret, user.email) };
}

/** A wrong (or reused) code from the app when setting up the factor or renewing the recovery codes. */
export const WRONG_TOTP_CODE = "De code is onjuist of al gebruikt. Wacht op een nieuwe code in de app en probeer het opnieuw.";
/** A wrong code when completing a login, where a recovery code also works. */
export const WRONG_SECOND_FACTOR = "De code is onjuist of al gebruikt. Wacht op een nieuwe code in de app, of gebruik een herstelcode.";
const ALREADY_ENABLED = "Tweestapsverificatie staat al aan voor uw account.";

/**
 * Switches the second factor on once the user proves the app works with a first code (the form's
 * values, ZTotpCodeSchema): the recovery codes are made in the same transaction, and the session
 * that did it counts as having passed the second factor.
 */
export async function confirmTotpSetup(
  prisma: PrismaClient,
  input: { userId: string; sessionId: string; values: unknown; ip?: string | null },
): Promise<Result<{ recoveryCodes: string[] }>> {
  const form = ZTotpCodeSchema.safeParse(input.values);
  if (!form.success) return invalidFromZod(form.error);
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, totpEnabled: true, totpSecret: true } });
  if (!user) return invalid({ code: WRONG_TOTP_CODE });
  if (user.totpEnabled) return conflict(ALREADY_ENABLED);
  const secret = readTotpSecret(user);
  if (!secret || !(await verifyTotpOnce(prisma, user.id, secret, form.data.code))) return invalid({ code: WRONG_TOTP_CODE });
  const recoveryCodes = await prisma.$transaction(async (tx) => {
    const switched = await tx.user.updateMany({ where: { id: user.id, totpEnabled: false }, data: { totpEnabled: true } });
    if (switched.count !== 1) return null;
    const codes = await replaceRecoveryCodes(tx, user.id);
    await tx.session.update({ where: { id: input.sessionId }, data: { mfaSatisfied: true } });
    await recordAudit(tx, { actorId: user.id, action: "auth.tweede-factor-ingesteld", targetType: "User", targetId: user.id, ip: input.ip ?? null });
    await queueSecurityNotice(tx, user.id, { what: "tweede-factor-ingesteld" }, new Date());
    return codes;
  });
  return recoveryCodes ? ok({ recoveryCodes }) : conflict(ALREADY_ENABLED);
}

/** New recovery codes for a user with the factor on, after a fresh code from the app (the form's values); the old ones stop working. */
export async function renewRecoveryCodes(
  prisma: PrismaClient,
  input: { userId: string; values: unknown; ip?: string | null },
): Promise<Result<{ recoveryCodes: string[] }>> {
  const form = ZTotpCodeSchema.safeParse(input.values);
  if (!form.success) return invalidFromZod(form.error);
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true, totpEnabled: true, totpSecret: true } });
  const secret = user?.totpEnabled ? readTotpSecret(user) : null;
  if (!user || !secret || !(await verifyTotpOnce(prisma, user.id, secret, form.data.code))) return invalid({ code: WRONG_TOTP_CODE });
  const recoveryCodes = await prisma.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: "auth.herstelcodes-vernieuwd", targetType: "User", targetId: user.id, ip: input.ip ?? null });
    await queueSecurityNotice(tx, user.id, { what: "herstelcodes-vernieuwd" }, new Date());
    return codes;
  });
  return ok({ recoveryCodes });
}

export { unusedRecoveryCodeCount };

/**
 * Completes a session that still lacks the second factor (after an OIDC login of a beheerder) with
 * a code from the app or a recovery code (the form's values, ZSecondFactorCodeSchema): each code
 * works once, wrong codes count against the same per-account and per-address limits as wrong
 * passwords (locked while the login waits), and every outcome is audited.
 */
export async function completeSecondFactor(
  prisma: PrismaClient,
  input: { userId: string; email: string; sessionId: string; values: unknown; ip?: string | null },
): Promise<Result> {
  const form = ZSecondFactorCodeSchema.safeParse(input.values);
  if (!form.success) return invalidFromZod(form.error);
  const code = form.data.code;
  const ip = input.ip ?? null;
  const limiter = createLoginLimiter(prisma);
  // The address this session was created from is a known one: the owner is not kept waiting by a
  // stranger guessing codes elsewhere.
  const gate = await limiter.begin(input.email, ip, async () => (ip ? (await prisma.session.count({ where: { id: input.sessionId, ip } })) > 0 : false));
  if (!gate.allowed) {
    await recordAudit(prisma, {
      actorId: input.userId,
      action: "auth.inloggen-vertraagd",
      targetType: "User",
      targetId: input.userId,
      details: { email: input.email, door: gate.scope, wachttijdSeconden: Math.ceil(gate.retryAfterMs / 1000), methode: "oidc" },
      ip,
    });
    return locked(`Er is een aantal keer een onjuiste code ingevuld. Probeer het over ${waitText(gate.retryAfterMs / 1000)} opnieuw.`);
  }
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { totpEnabled: true } });
  if (!user?.totpEnabled) {
    await gate.passed({ signedIn: false });
    return invalid({ code: WRONG_SECOND_FACTOR });
  }
  if (!(await verifySecondFactor(prisma, input.userId, code))) {
    const counts = await gate.failed();
    await recordAudit(prisma, {
      actorId: input.userId,
      action: "auth.inloggen-mislukt",
      targetType: "User",
      targetId: input.userId,
      details: {
        email: input.email,
        reden: "onjuiste code tweede factor",
        methode: "oidc",
        misluktePogingenAccount: counts.accountFailures,
        volgendePogingNaSeconden: Math.ceil(counts.nextWaitMs / 1000),
      },
      ip,
    });
    return invalid({ code: WRONG_SECOND_FACTOR });
  }
  await gate.passed({ signedIn: true });
  await prisma.$transaction(async (tx) => {
    await tx.session.update({ where: { id: input.sessionId }, data: { mfaSatisfied: true } });
    await recordAudit(tx, { actorId: input.userId, action: "auth.tweede-factor-gebruikt", targetType: "User", targetId: input.userId, ip });
  });
  return ok();
}
