// One-time links for an invitation or a password reset. There is no mail server yet: the beheerder
// copies the link and passes it on (project leaders never see a token, see uitnodigingen.ts). The token (32 random bytes) is shown once; only its SHA-256 hash is
// stored. A link works once, for 72 hours, and a newer link for the same user replaces older ones.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import * as z from "zod/mini";
import { isBeheerder } from "@/lib/access/grants";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { setPasswordSchema } from "@/lib/auth/password-policy";
import { revokeAllSessions } from "@/lib/auth/sessions";
import type { AccountLinkPurpose } from "@/lib/generated/prisma/enums";
import { mayMakeLinkFor, mayUseBeheer, usersInRegionWhere, type DbClient } from "./access";
import { ZId } from "@/lib/shared/forms/id";
import { invalidFromZod, locked, notFound, ok, type Result } from "@/lib/shared/result";

const ACCOUNT_LINK_VALID_HOURS = 72;
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

type CreatedAccountLink = {
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
export const createAccountLink = mutation({
  handeling: "link maken",
  schema: z.strictObject({ userId: ZId, purpose: z.enum(["UITNODIGING", "WACHTWOORD_HERSTEL"]), now: z.optional(z.date()) }),
  form: false,
  async run(prisma, actor, { userId, purpose, now = new Date() }) {
    const handeling = purpose === "UITNODIGING" ? "uitnodigingslink maken" : "wachtwoordherstellink maken";
    if (!mayUseBeheer(actor)) return refused({ type: "User", id: userId, byRole: true }, { handeling });
    // A reset is the beheerder's (or, with the e-mail issue, the user's own): refused before looking anything up.
    if (purpose === "WACHTWOORD_HERSTEL" && !isBeheerder(actor)) return refused({ type: "User", id: userId, byRole: true }, { handeling });
    const user = await prisma.user.findFirst({
      where: { AND: [{ id: userId }, usersInRegionWhere(actor)] },
      include: { roles: { include: { gemeente: { select: { regioId: true } } } }, _count: { select: { identityLinks: true } } },
    });
    if (!user) return refused({ type: "User", id: userId }, { handeling });
    if (!mayMakeLinkFor(actor, user, purpose)) {
      const inUse = user.passwordHash || user.lastLoginAt || user._count.identityLinks;
      return refused({ type: "User", id: userId, byRole: true }, { handeling: inUse ? `${handeling} (account is al in gebruik)` : handeling });
    }
    if (!user.active) return locked("Dit account is gedeactiveerd. Activeer het eerst.");

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
    const created: CreatedAccountLink = { token, purpose, expiresAt, email: user.email, name: user.name };
    return ok(created);
  },
});

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

/** What the person who opened a link that cannot be used is told (its page says it in its own words first). */
export const ACCOUNT_LINK_MESSAGES = {
  gebruikt: "Deze link is al gebruikt. Vraag uw projectleider of de beheerder om een nieuwe link.",
  verlopen: "Deze link is verlopen of vervangen door een nieuwere link. Vraag uw projectleider of de beheerder om een nieuwe link.",
  onbekend: "Deze link werkt niet. Controleer of u de hele link heeft gekopieerd, of vraag om een nieuwe link.",
} as const;

/**
 * Uses a link: checks the new password against the policy, sets it (argon2id), marks the link used
 * and ends every session of the user. Two simultaneous uses cannot both succeed: the link is claimed
 * by one conditional update (unused and unexpired) inside the transaction that sets the password.
 * The link is the authorisation (nobody is signed in); a link that cannot be used is not found.
 */
export async function redeemAccountLink(
  prisma: DbClient,
  token: string,
  input: unknown,
  now = new Date(),
): Promise<Result<{ email: string; purpose: AccountLinkPurpose }>> {
  const described = await describeAccountLink(prisma, token, now);
  if (described.status !== "geldig") return notFound(ACCOUNT_LINK_MESSAGES[described.status]);
  const parsed = setPasswordSchema(described.email).safeParse(input);
  if (!parsed.success) return invalidFromZod(parsed.error);
  const passwordHash = await hashPassword(parsed.data.password);

  const tokenHash = hashToken(token);
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.accountLink.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) {
      const link = await tx.accountLink.findUnique({ where: { tokenHash } });
      return notFound(ACCOUNT_LINK_MESSAGES[link?.usedAt ? "gebruikt" : "verlopen"]);
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
    return ok({ email: link.user.email, purpose: link.purpose });
  });
}
