// One-time links for an invitation or a password reset, sent by e-mail to the account's own address
// (lib/mail/outbox.ts, in the transaction that makes the link): nobody but the addressee ever holds
// a link, not the beheerder and not the project leader (see uitnodigingen.ts). Only the first
// beheerder, made on the server with `npm run beheerder`, gets theirs printed (createBootstrapLink),
// because mail may not be set up yet. The token (32 random bytes) is in the mail only; the database
// keeps its SHA-256 hash. A link works once; an invitation for 72 hours, a reset link for 30
// minutes; a newer link for the same user makes the older ones stop working.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import * as z from "zod/mini";
import { isBeheerder } from "@/lib/access/grants";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { accountRecipient, queueSecurityNotice } from "@/lib/auth/account-mail";
import { hashPassword } from "@/lib/auth/password";
import { setPasswordSchema } from "@/lib/auth/password-policy";
import { revokeAllSessions } from "@/lib/auth/sessions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountLinkPurpose } from "@/lib/generated/prisma/enums";
import { queueMessage } from "@/lib/mail/outbox";
import { appUrl } from "@/lib/mail/links";
import { invitationMessage, passwordResetMessage } from "@/lib/mail/templates/account";
import { mayMakeLinkFor, mayUseBeheer, usersInRegionWhere, type DbClient } from "./access";
import { ZId } from "@/lib/shared/forms/id";
import { formatDateTime } from "@/lib/shared/format";
import { invalidFromZod, locked, notFound, ok, type Result } from "@/lib/shared/result";

/** How long a link works: an invitation may wait a weekend, a reset link is used at once. */
const ACCOUNT_LINK_VALID_MS: Record<AccountLinkPurpose, number> = {
  UITNODIGING: 72 * 3_600_000,
  WACHTWOORD_HERSTEL: 30 * 60_000,
};
// 32 bytes in base64url: 43 characters of [A-Za-z0-9_-].
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The path of the page where the link is used; the caller puts the public origin in front. */
export function accountLinkPath(token: string): string {
  return `/account/link/${token}`;
}

type IssuedLink = { token: string; linkId: string; expiresAt: Date; replaced: number };

/**
 * Makes a link inside `tx`: older unused links of the user stop working at once. The token is
 * answered to be put in the mail (or, for the first beheerder, printed); it is never stored.
 */
export async function issueAccountLink(
  tx: Prisma.TransactionClient,
  input: { userId: string; purpose: AccountLinkPurpose; createdById: string | null; now: Date },
): Promise<IssuedLink> {
  // Serialises link creation per user, so that of two simultaneous new links only the last stays valid.
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${input.userId} FOR UPDATE`;
  const replaced = await tx.accountLink.updateMany({
    where: { userId: input.userId, usedAt: null, expiresAt: { gt: input.now } },
    data: { expiresAt: input.now },
  });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + ACCOUNT_LINK_VALID_MS[input.purpose]);
  const link = await tx.accountLink.create({
    data: { tokenHash: hashToken(token), purpose: input.purpose, userId: input.userId, createdById: input.createdById, createdAt: input.now, expiresAt },
  });
  return { token, linkId: link.id, expiresAt, replaced: replaced.count };
}

/** Queues the mail that carries a link to its account's address, in the transaction that made the link. */
export async function queueAccountLinkMail(
  tx: Prisma.TransactionClient,
  input: { userId: string; purpose: AccountLinkPurpose; link: IssuedLink; madeBy: { name: string; beheerder: boolean } | null },
): Promise<void> {
  const to = await accountRecipient(tx, input.userId);
  const url = appUrl(accountLinkPath(input.link.token));
  await queueMessage(tx, {
    kind: input.purpose,
    dedupeKey: `${input.purpose === "UITNODIGING" ? "uitnodiging" : "herstel"}:${input.link.linkId}`,
    to,
    gemeenteId: to.gemeenteId,
    regioId: to.regioId,
    secret: true,
    body:
      input.purpose === "UITNODIGING"
        ? invitationMessage({ ...to, url, expiresAt: input.link.expiresAt, invitedBy: input.madeBy?.name ?? null })
        : passwordResetMessage({ ...to, url, expiresAt: input.link.expiresAt, byBeheerder: Boolean(input.madeBy?.beheerder) }),
  });
}

/** What the person who sent a link sees: to which address, until when; never the link. */
type SentAccountLink = { purpose: AccountLinkPurpose; email: string; expiresAt: Date };

function sentMessage(sent: SentAccountLink): string {
  const what = sent.purpose === "UITNODIGING" ? "De uitnodiging" : "De link om een nieuw wachtwoord in te stellen";
  return `${what} is per e-mail verstuurd naar ${sent.email}. De link erin werkt één keer en is geldig tot ${formatDateTime(sent.expiresAt)}; een eerdere link voor dit account werkt niet meer.`;
}

/**
 * Sends an invitation (UITNODIGING) or password-reset (WACHTWOORD_HERSTEL) link by e-mail. A
 * beheerder may for anyone; a project leader only an invitation for someone in their region who
 * never set a password (see mayMakeLinkFor), never a reset: every refusal is audited and answers
 * "niet gevonden", as if the account did not exist. Older unused links of that user stop working at once.
 */
export const createAccountLink = mutation({
  handeling: "link maken",
  schema: z.strictObject({ userId: ZId, purpose: z.enum(["UITNODIGING", "WACHTWOORD_HERSTEL"]), now: z.optional(z.date()) }),
  form: false,
  async run(prisma, actor, { userId, purpose, now = new Date() }) {
    const handeling = purpose === "UITNODIGING" ? "uitnodigingslink maken" : "wachtwoordherstellink maken";
    if (!mayUseBeheer(actor)) return refused({ type: "User", id: userId, byRole: true }, { handeling });
    // A reset is the beheerder's (or the user's own, "Wachtwoord vergeten?"): refused before looking anything up.
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

    const expiresAt = await prisma.$transaction(async (tx) => {
      const link = await issueAccountLink(tx, { userId, purpose, createdById: actor.userId, now });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: purpose === "UITNODIGING" ? "account.uitnodiging-gemaakt" : "account.herstellink-gemaakt",
        targetType: "User",
        targetId: userId,
        details: { email: user.email, linkId: link.linkId, geldigTot: link.expiresAt.toISOString(), vervangen: link.replaced, verstuurd: "e-mail" },
      });
      await queueAccountLinkMail(tx, { userId, purpose, link, madeBy: { name: actor.name, beheerder: isBeheerder(actor) } });
      return link.expiresAt;
    });
    const sent: SentAccountLink = { purpose, email: user.email, expiresAt };
    return ok(sent, sentMessage(sent));
  },
});

/**
 * The link of `npm run beheerder` (scripts/beheerder.ts): for the beheerder on the server, printed
 * there, because mail may not be set up yet. Audited like any link, as made by the account itself.
 */
export async function createBootstrapLink(
  prisma: DbClient,
  user: { id: string; email: string; hasPassword: boolean },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const purpose = user.hasPassword ? "WACHTWOORD_HERSTEL" : "UITNODIGING";
  return prisma.$transaction(async (tx) => {
    const link = await issueAccountLink(tx, { userId: user.id, purpose, createdById: user.id, now });
    await recordAudit(tx, {
      actorId: user.id,
      action: purpose === "UITNODIGING" ? "account.uitnodiging-gemaakt" : "account.herstellink-gemaakt",
      targetType: "User",
      targetId: user.id,
      details: { email: user.email, linkId: link.linkId, geldigTot: link.expiresAt.toISOString(), vervangen: link.replaced, verstuurd: "opdrachtregel" },
    });
    return { token: link.token, expiresAt: link.expiresAt };
  });
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

/** What the person who opened a link that cannot be used is told (its page says it in its own words first). */
export const ACCOUNT_LINK_MESSAGES = {
  gebruikt: 'Deze link is al gebruikt. Vraag een nieuwe link aan via "Wachtwoord vergeten?" op de inlogpagina, of vraag uw projectleider of de beheerder.',
  verlopen:
    'Deze link is verlopen of vervangen door een nieuwere link. Vraag een nieuwe link aan via "Wachtwoord vergeten?" op de inlogpagina, of vraag uw projectleider of de beheerder.',
  onbekend: "Deze link werkt niet. Controleer of u de hele link heeft gekopieerd, of vraag om een nieuwe link.",
} as const;

export type RedeemedLink = { email: string; purpose: AccountLinkPurpose; sessionsEnded: number };

function redeemedMessage(purpose: AccountLinkPurpose, sessionsEnded: number): string {
  if (purpose === "UITNODIGING") return "Uw wachtwoord is ingesteld. U kunt nu inloggen met uw e-mailadres en het nieuwe wachtwoord.";
  const where =
    sessionsEnded === 0
      ? "Er was nergens een sessie open."
      : sessionsEnded === 1
        ? "Uw sessie op een ander apparaat of in een andere browser is beëindigd."
        : `Uw ${sessionsEnded} sessies op andere apparaten of in andere browsers zijn beëindigd.`;
  return `Uw nieuwe wachtwoord is ingesteld en u bent overal uitgelogd. ${where} Log opnieuw in met het nieuwe wachtwoord.`;
}

/**
 * Uses a link: checks the new password against the policy, sets it (argon2id), marks the link used
 * and ends every session of the user; a reset also sends the security notice to the account's address. Two simultaneous uses cannot both succeed: the link is claimed
 * by one conditional update (unused and unexpired) inside the transaction that sets the password.
 * The link is the authorisation (nobody is signed in); a link that cannot be used is not found.
 */
export async function redeemAccountLink(prisma: DbClient, token: string, input: unknown, now = new Date()): Promise<Result<RedeemedLink>> {
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
    const sessions = await tx.session.count({ where: { userId: link.userId, revokedAt: null, expiresAt: { gt: now } } });
    await revokeAllSessions(tx, link.userId);
    await recordAudit(tx, {
      actorId: link.userId,
      action: link.purpose === "UITNODIGING" ? "account.uitnodiging-gebruikt" : "account.wachtwoord-hersteld",
      targetType: "User",
      targetId: link.userId,
      // Who made the link: whoever set this password did so with that person's link.
      details: { email: link.user.email, linkId: link.id, gemaaktDoor: link.createdById, gemaaktDoorEmail: maker?.email ?? null, sessiesBeeindigd: sessions },
    });
    if (link.purpose === "WACHTWOORD_HERSTEL") await queueSecurityNotice(tx, link.userId, { what: "wachtwoord-hersteld" }, now);
    return ok({ email: link.user.email, purpose: link.purpose, sessionsEnded: sessions }, redeemedMessage(link.purpose, sessions));
  });
}
