// One-time links for an invitation or a password reset. There is no mail server yet: the beheerder
// copies the link and passes it on (project leaders never see a token, see uitnodigingen.ts). The token (32 random bytes) is shown once; only its SHA-256 hash is
// stored. A link works once, for 72 hours, and a newer link for the same user replaces older ones.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { setPasswordSchema } from "@/lib/auth/password-policy";
import { revokeAllSessions } from "@/lib/auth/sessions";
import type { AccountLinkPurpose } from "@/lib/generated/prisma/enums";
import { mayMakeLinkFor, mayUseBeheer, refuse, usersInRegionWhere, type DbClient } from "./access";
import { isBeheerder } from "@/lib/access/actor";
import { BeheerError, errorsFromZod, notFound } from "./errors";
import type { FieldErrors } from "@/lib/shared/forms/action-result";

export const ACCOUNT_LINK_VALID_HOURS = 72;
const VALID_MS = ACCOUNT_LINK_VALID_HOURS * 3_600_000;
// 32 bytes in base64url: 43 characters of [A-Za-z0-9_-].
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The path of the page where the link is used; the caller puts the public origin in front. */
export function accountLinkPath(token: string): string {
  return `/account/link/${token}`;
}

export type CreatedAccountLink = {
  /** Shown once to the person who made the link; never stored, logged or shown again. */
  token: string;
  purpose: AccountLinkPurpose;
  expiresAt: Date;
  email: string;
  name: string;
};

/**
 * Makes an invitation (UITNODIGING) or password-reset (WACHTWOORD_HERSTEL) link. A beheerder may for
 * anyone; a project leader only an invitation for someone in their region who never set a password
 * (see mayMakeLinkFor), never a reset: every refusal is audited and answers "niet gevonden", as if
 * the account did not exist. Older unused links of that user stop working at once.
 */
export async function createAccountLink(
  prisma: DbClient,
  actor: Actor,
  userId: string,
  purpose: AccountLinkPurpose,
  now = new Date(),
): Promise<CreatedAccountLink> {
  const handeling = purpose === "UITNODIGING" ? "uitnodigingslink maken" : "wachtwoordherstellink maken";
  if (!mayUseBeheer(actor)) throw await refuse(prisma, actor, handeling, { type: "User", id: userId });
  // A reset is the beheerder's (or, with the e-mail issue, the user's own): refused before looking anything up.
  if (purpose === "WACHTWOORD_HERSTEL" && !isBeheerder(actor)) throw await refuse(prisma, actor, handeling, { type: "User", id: userId });
  const user = await prisma.user.findFirst({
    where: { AND: [{ id: userId }, usersInRegionWhere(actor)] },
    include: { roles: { include: { gemeente: { select: { regioId: true } } } }, _count: { select: { identityLinks: true } } },
  });
  if (!user) {
    await auditRefusal(prisma, actor, { type: "User", id: userId });
    throw notFound();
  }
  if (!mayMakeLinkFor(actor, user, purpose)) {
    throw await refuse(prisma, actor, user.passwordHash || user.lastLoginAt || user._count.identityLinks ? `${handeling} (account is al in gebruik)` : handeling, { type: "User", id: userId });
  }
  if (!user.active) throw new BeheerError("ongeldig", "Dit account is gedeactiveerd. Activeer het eerst.");

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + VALID_MS);
  await prisma.$transaction(async (tx) => {
    // Serialises link creation per user, so that of two simultaneous new links only the last stays valid.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const replaced = await tx.accountLink.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const link = await tx.accountLink.create({
      data: { tokenHash: hashToken(token), purpose, userId, createdById: actor.userId, createdAt: now, expiresAt },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: purpose === "UITNODIGING" ? "account.uitnodiging-gemaakt" : "account.herstellink-gemaakt",
      targetType: "User",
      targetId: userId,
      details: { email: user.email, linkId: link.id, geldigTot: expiresAt.toISOString(), vervangen: replaced.count },
    });
  });
  return { token, purpose, expiresAt, email: user.email, name: user.name };
}

export type AccountLinkDescription =
  | { status: "geldig"; purpose: AccountLinkPurpose; email: string; expiresAt: Date }
  | { status: "verlopen" | "gebruikt" | "onbekend" };

/**
 * What the link page may show. Only a valid link reveals the e-mail address; an expired, used or
 * unknown link says nothing about the account.
 */
export async function describeAccountLink(prisma: DbClient, token: string, now = new Date()): Promise<AccountLinkDescription> {
  if (!TOKEN_PATTERN.test(token)) return { status: "onbekend" };
  const link = await prisma.accountLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { email: true, active: true } } },
  });
  if (!link || !link.user.active) return { status: "onbekend" };
  if (link.usedAt) return { status: "gebruikt" };
  if (link.expiresAt <= now) return { status: "verlopen" };
  return { status: "geldig", purpose: link.purpose, email: link.user.email, expiresAt: link.expiresAt };
}

export type RedeemResult =
  | { ok: true; email: string; purpose: AccountLinkPurpose }
  | { ok: false; reason: "verlopen" | "gebruikt" | "onbekend" }
  | { ok: false; reason: "wachtwoord"; message: string; fieldErrors: FieldErrors };

/**
 * Uses a link: checks the new password against the policy, sets it (argon2id), marks the link used
 * and ends every session of the user. Two simultaneous uses cannot both succeed: the link is claimed
 * by one conditional update (unused and unexpired) inside the transaction that sets the password.
 */
export async function redeemAccountLink(prisma: DbClient, token: string, input: unknown, now = new Date()): Promise<RedeemResult> {
  const described = await describeAccountLink(prisma, token, now);
  if (described.status !== "geldig") return { ok: false, reason: described.status };
  const parsed = setPasswordSchema(described.email).safeParse(input);
  if (!parsed.success) return { ok: false, reason: "wachtwoord", ...errorsFromZod(parsed.error) };
  const passwordHash = await hashPassword(parsed.data.password);

  const tokenHash = hashToken(token);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.accountLink.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      const link = await tx.accountLink.findUnique({ where: { tokenHash } });
      return { ok: false as const, reason: link?.usedAt ? ("gebruikt" as const) : ("verlopen" as const) };
    }
    const link = await tx.accountLink.findUniqueOrThrow({ where: { tokenHash }, include: { user: true } });
    const maker = link.createdById ? await tx.user.findUnique({ where: { id: link.createdById }, select: { email: true } }) : null;
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
    // Other open links of this user are no longer needed.
    await tx.accountLink.updateMany({ where: { userId: link.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const sessions = await tx.session.count({ where: { userId: link.userId, revokedAt: null } });
    await revokeAllSessions(tx, link.userId);
    await recordAudit(tx, {
      actorId: link.userId,
      action: link.purpose === "UITNODIGING" ? "account.uitnodiging-gebruikt" : "account.wachtwoord-hersteld",
      targetType: "User",
      targetId: link.userId,
      // Who made the link: whoever set this password did so with that person's link.
      details: { email: link.user.email, linkId: link.id, gemaaktDoor: link.createdById, gemaaktDoorEmail: maker?.email ?? null, sessiesBeeindigd: sessions },
    });
    return { ok: true as const, email: link.user.email, purpose: link.purpose };
  });
}
