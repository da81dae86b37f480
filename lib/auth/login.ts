// Password login: progressive slow-down (lib/auth/rate-limit.ts), password check, second factor.
// Used by the next-auth credentials provider; every outcome is audited.
import "server-only";
import { isBeheerder, type Grant } from "@/lib/access/grants";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "./password";
import { createLoginLimiter, LOGIN_THROTTLE, type LoginThrottlePolicy, type ThrottleScope } from "./rate-limit";
import { verifySecondFactor } from "./second-factor";

export type LoginInput = { email: string; password: string; code?: string | null; ip: string | null };

export type LoginResult =
  | { ok: true; userId: string; mfaSatisfied: boolean }
  | { ok: false; reason: "invalid" | "code-required" | "code-invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterMs: number; scope: ThrottleScope };

/** An address that signed the account in within this time counts as the owner's (see rate-limit.ts). */
const KNOWN_ADDRESS_DAYS = 90;

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so the login form does not reveal which e-mail addresses have an account.
let dummyHash: Promise<string> | undefined;

/** Beheerders always need a second factor for password logins; everyone when the deployment says so. */
export function mustUseSecondFactor(user: { totpEnabled: boolean }, grants: readonly Grant[]): boolean {
  return user.totpEnabled || env().MFA_REQUIRED_FOR_ALL || isBeheerder({ grants });
}

export async function loginWithPassword(prisma: PrismaClient, input: LoginInput, policy: LoginThrottlePolicy = LOGIN_THROTTLE): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const limiter = createLoginLimiter(prisma, policy);
  const gate = await limiter.begin(email, input.ip, async () =>
    input.ip
      ? (await prisma.session.count({
          where: { user: { email }, ip: input.ip, createdAt: { gt: new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000) } },
        })) > 0
      : false,
  );
  if (!gate.allowed) {
    // Nothing was checked: the password of this attempt is not even looked at.
    await recordAudit(prisma, {
      action: "auth.inloggen-vertraagd",
      targetType: "Account",
      details: { email, door: gate.scope, wachttijdSeconden: Math.ceil(gate.retryAfterMs / 1000), misluktePogingen: gate.failures },
      ip: input.ip,
    });
    return { ok: false, reason: "rate-limited", retryAfterMs: gate.retryAfterMs, scope: gate.scope };
  }

  const user = await prisma.user.findUnique({ where: { email }, include: { roles: true } });
  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword("geen-account-dummy-wachtwoord")), input.password).then(() => false);

  const failed = async (reden: string) => {
    const counts = await gate.failed();
    await recordAudit(prisma, {
      action: "auth.inloggen-mislukt",
      targetType: "User",
      targetId: user?.id ?? null,
      details: {
        email,
        reden,
        misluktePogingenAccount: counts.accountFailures,
        misluktePogingenAdres: counts.addressFailures,
        volgendePogingNaSeconden: Math.ceil(counts.nextWaitMs / 1000),
      },
      ip: input.ip,
    });
  };

  if (!user || !passwordOk || !user.active) {
    await failed(!user ? "onbekend account" : !passwordOk ? "onjuist wachtwoord" : "account gedeactiveerd");
    return { ok: false, reason: "invalid" };
  }

  if (user.totpEnabled) {
    const code = input.code?.trim();
    if (!code) {
      await gate.passed({ signedIn: false });
      return { ok: false, reason: "code-required" };
    }
    if (!(await verifySecondFactor(prisma, user.id, code))) {
      await failed("onjuiste code tweede factor");
      return { ok: false, reason: "code-invalid" };
    }
  }

  await gate.passed({ signedIn: true });
  if (gate.duringSlowDown) {
    await recordAudit(prisma, {
      actorId: user.id,
      action: "auth.ingelogd-tijdens-vertraging",
      targetType: "User",
      targetId: user.id,
      details: { email, misluktePogingenAccount: gate.accountFailures },
      ip: input.ip,
    });
  }
  // Without a second factor set up, a user who must have one gets a session that only reaches the
  // page where it is set up (see lib/auth/current.ts).
  const mfaSatisfied = user.totpEnabled || !mustUseSecondFactor(user, user.roles);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, userId: user.id, mfaSatisfied };
}
