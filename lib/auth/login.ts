// Password login: rate limit, password check, second factor. Used by the next-auth credentials
// provider; every outcome is audited.
import "server-only";
import { isBeheerder, type Grant } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "./password";
import { createLoginLimiter } from "./rate-limit";
import { verifySecondFactor } from "./second-factor";

export type LoginInput = { email: string; password: string; code?: string | null; ip: string | null };

export type LoginResult =
  | { ok: true; userId: string; mfaSatisfied: boolean }
  | { ok: false; reason: "invalid" | "code-required" | "code-invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterMs: number };

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so the login form does not reveal which e-mail addresses have an account.
let dummyHash: Promise<string> | undefined;

/** Beheerders always need a second factor for password logins; everyone when the deployment says so. */
export function mustUseSecondFactor(user: { totpEnabled: boolean }, grants: readonly Grant[]): boolean {
  return user.totpEnabled || env().MFA_REQUIRED_FOR_ALL || isBeheerder({ grants });
}

export async function loginWithPassword(prisma: PrismaClient, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const limiter = createLoginLimiter(prisma);
  const waitMs = await limiter.waitMs(email, input.ip);
  if (waitMs > 0) {
    await recordAudit(prisma, { action: "auth.inlog-geblokkeerd", targetType: "Account", details: { email }, ip: input.ip });
    return { ok: false, reason: "rate-limited", retryAfterMs: waitMs };
  }

  const user = await prisma.user.findUnique({ where: { email }, include: { roles: true } });
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword("geen-account-dummy-wachtwoord")), input.password).then(() => false);

  if (!user || !passwordOk || !user.active) {
    await limiter.recordFailure(email, input.ip);
    await recordAudit(prisma, {
      action: "auth.inloggen-mislukt",
      targetType: "User",
      targetId: user?.id ?? null,
      details: { email, reden: !user ? "onbekend account" : !passwordOk ? "onjuist wachtwoord" : "account gedeactiveerd" },
      ip: input.ip,
    });
    return { ok: false, reason: "invalid" };
  }

  if (user.totpEnabled) {
    const code = input.code?.trim();
    if (!code) return { ok: false, reason: "code-required" };
    if (!(await verifySecondFactor(prisma, user.id, code))) {
      await limiter.recordFailure(email, input.ip);
      await recordAudit(prisma, {
        action: "auth.inloggen-mislukt",
        targetType: "User",
        targetId: user.id,
        details: { email, reden: "onjuiste code tweede factor" },
        ip: input.ip,
      });
      return { ok: false, reason: "code-invalid" };
    }
  }

  await limiter.recordSuccess(email);
  // Without a second factor set up, a user who must have one gets a session that only reaches the
  // page where it is set up (see lib/auth/current.ts).
  const mfaSatisfied = user.totpEnabled || !mustUseSecondFactor(user, user.roles);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, userId: user.id, mfaSatisfied };
}
