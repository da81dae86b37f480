// A signed-in user changes their own password on the account page: the current password is
// required (so that a session left open on someone else's screen does not give the account
// away), the new one follows the password policy, every other session of the user ends and
// the one in use stays; the change and each failed attempt are audited, and the account's address
// gets a security notice (written in the transaction of the change).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { DEMO_ACCOUNTS } from "@/lib/demo/data";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import "@/lib/shared/forms/zod";
import { invalid, invalidFromZod, locked, notFound, ok, type Result } from "@/lib/shared/result";
import { queueSecurityNotice } from "./account-mail";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema, PASSWORD_MESSAGES } from "./password-policy";
import { revokeSession } from "./sessions";

/** Wrong current passwords in one window after which the session ends (guessing then meets the login limit). */
export const CHANGE_FAILURES_ALLOWED = 5;
const CHANGE_FAILURE_WINDOW_MS = 15 * 60_000;

/** The session is gone (ended, or not this user's): nothing changed, the person signs in again. */
export const SIGNED_OUT_MESSAGE = "Uw sessie is beëindigd. Log opnieuw in om uw wachtwoord te wijzigen.";

function changed(otherSessionsEnded: number): string {
  if (otherSessionsEnded === 0) return "Uw wachtwoord is gewijzigd.";
  return `Uw wachtwoord is gewijzigd. U bent uitgelogd op ${otherSessionsEnded === 1 ? "uw andere apparaat of browser" : `${otherSessionsEnded} andere apparaten of browsers`}.`;
}

/**
 * ok: changed, with the number of other sessions ended; invalid: the form's errors (also a wrong
 * current password); locked: this account's password cannot be changed here; not-found: signed out.
 */
export type ChangePasswordResult = Result<{ otherSessionsEnded: number }>;

export async function changeOwnPassword(
  prisma: PrismaClient,
  session: { userId: string; sessionId: string },
  values: unknown,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { id: true, email: true, active: true, passwordHash: true } });
  if (!user || !user.active) return notFound(SIGNED_OUT_MESSAGE);
  if (!user.passwordHash) {
    return locked("Uw account heeft geen wachtwoord in deze applicatie: u logt in via uw eigen organisatie. Wijzig uw wachtwoord daar.");
  }
  // The demo accounts' password is published in the README; if one visitor could change it,
  // they would lock every later visitor out.
  if (env().APP_ENV === "demo" && DEMO_ACCOUNTS.some((account) => account.email === user.email)) {
    return locked("Op deze demo-omgeving kunt u het wachtwoord van de demo-accounts niet wijzigen, zodat iedereen kan blijven inloggen.");
  }
  const parsed = changePasswordSchema(user.email).safeParse(values);
  if (!parsed.success) return invalidFromZod(parsed.error);

  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    await recordAudit(prisma, {
      actorId: user.id,
      action: "auth.wachtwoord-wijzigen-mislukt",
      targetType: "User",
      targetId: user.id,
      details: { reden: "huidig wachtwoord onjuist" },
      ip,
    });
    const failures = await prisma.auditEntry.count({
      where: { action: "auth.wachtwoord-wijzigen-mislukt", actorId: user.id, at: { gt: new Date(now.getTime() - CHANGE_FAILURE_WINDOW_MS) } },
    });
    if (failures >= CHANGE_FAILURES_ALLOWED) {
      // Someone who keeps guessing has to log in again, where failed logins are rate-limited.
      await revokeSession(prisma, session.sessionId);
      await recordAudit(prisma, {
        actorId: user.id,
        action: "auth.sessie-beeindigd",
        targetType: "User",
        targetId: user.id,
        details: { reden: "te vaak een onjuist huidig wachtwoord" },
        ip,
      });
      return notFound(SIGNED_OUT_MESSAGE);
    }
    return invalid({ currentPassword: PASSWORD_MESSAGES.currentWrong });
  }

  const passwordHash = await hashPassword(parsed.data.password);
  return prisma.$transaction(async (tx): Promise<ChangePasswordResult> => {
    // Only while the session in use is still open: a session ended meanwhile changes nothing.
    const current = await tx.session.findFirst({ where: { id: session.sessionId, userId: user.id, revokedAt: null }, select: { id: true } });
    if (!current) return notFound(SIGNED_OUT_MESSAGE);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const { count } = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: session.sessionId } },
      data: { revokedAt: now },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.wachtwoord-gewijzigd",
      targetType: "User",
      targetId: user.id,
      details: { andereSessiesBeeindigd: count },
      ip,
    });
    await queueSecurityNotice(tx, user.id, { what: "wachtwoord-gewijzigd" }, now);
    return ok({ otherSessionsEnded: count }, changed(count));
  });
}
