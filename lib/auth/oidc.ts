// OpenID Connect with the identity providers a beheerder configured (/beheer/identiteitsproviders).
// A login signs in only the account that is linked to that provider and subject; an e-mail address
// never identifies anyone. The user links an identity once: signed in with a password (bound to
// that server session) or with an invitation link (bound to that link). Nobody gets an account by
// signing in. Every refusal, link and unlink is audited; a link made or removed also sends a security
// notice to the account's address.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Provider } from "next-auth/providers/index";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder } from "@/lib/access/grants";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { ACCOUNT_LINK_MESSAGES } from "@/lib/beheer/account-links";
import { env } from "@/lib/config/env";
import { isUniqueViolation } from "@/lib/db/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZId } from "@/lib/shared/forms/id";
import { notFound, ok, type Result } from "@/lib/shared/result";
import { queueSecurityNotice } from "./account-mail";
import { decryptSecret } from "./crypto";
import { nextAuthProviderId, normaliseIssuer, providerMaySignIn, subjectFromClaims, type AccountGrant, type OidcClaims } from "./oidc-rules";

/** Encryption purpose of IdentityProvider.clientSecret; the provider id is the authenticated context. */
export const CLIENT_SECRET_PURPOSE = "idp-client-secret";
/** The cookie that carries a link request from the page that starts it to the OIDC callback. */
export const LINK_COOKIE = "zelfscan-koppeling";
export const LINK_COOKIE_PATH = "/api/auth/callback";
export const LINK_REQUEST_MINUTES = 10;

type ProviderRow = {
  id: string;
  label: string;
  kind: "OIDC" | "ENTRA_ID";
  issuer: string;
  tenantId: string | null;
  clientId: string;
  clientSecret: string;
  active: boolean;
  mayBeheerders: boolean;
  gemeenten: { gemeenteId: string }[];
  regios: { regioId: string }[];
};

const PROVIDER_INCLUDE = { gemeenten: { select: { gemeenteId: true } }, regios: { select: { regioId: true } } } as const;

function scopeOf(provider: ProviderRow) {
  return { gemeenteIds: provider.gemeenten.map((g) => g.gemeenteId), regioIds: provider.regios.map((r) => r.regioId), mayBeheerders: provider.mayBeheerders };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The active providers, for the login page's buttons. */
export async function loginButtons(prisma: PrismaClient): Promise<{ nextAuthId: string; label: string }[]> {
  const rows = await prisma.identityProvider.findMany({ where: { active: true }, orderBy: { label: "asc" }, select: { id: true, label: true } });
  return rows.map((row) => ({ nextAuthId: nextAuthProviderId(row.id), label: row.label }));
}

/** The client secret in plain text, or null when it cannot be decrypted (another application secret). */
function clientSecretOf(provider: { id: string; clientSecret: string }): string | null {
  try {
    return decryptSecret(provider.clientSecret, CLIENT_SECRET_PURPOSE, provider.id);
  } catch {
    return null;
  }
}

/**
 * next-auth providers for every active identity provider, read from the database per request.
 * Authorization code flow with PKCE, state and nonce; the ID token's claims are the profile.
 */
export async function nextAuthProviders(prisma: PrismaClient): Promise<Provider[]> {
  const rows = await prisma.identityProvider.findMany({ where: { active: true }, orderBy: { label: "asc" } });
  return rows.flatMap((row) => {
    const clientSecret = clientSecretOf(row);
    if (!clientSecret) return [];
    return [
      {
        id: nextAuthProviderId(row.id),
        name: row.label,
        type: "oauth",
        wellKnown: `${normaliseIssuer(row.issuer)}/.well-known/openid-configuration`,
        clientId: row.clientId,
        clientSecret,
        authorization: { params: { scope: "openid email profile" } },
        idToken: true,
        checks: ["pkce", "state", "nonce"],
        // next-auth needs an id; the real identity is derived from the claims in the signIn callback.
        profile(profile: { sub?: string; oid?: string; name?: string }) {
          return { id: String(profile.oid ?? profile.sub ?? ""), name: profile.name ?? null, email: null };
        },
      } as Provider,
    ];
  });
}

async function accountOf(prisma: PrismaClient, userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      active: true,
      roles: { select: { role: true, gemeenteId: true, regioId: true, gemeente: { select: { regioId: true } } } },
    },
  });
  if (!user) return null;
  const grants: AccountGrant[] = user.roles.map((r) => ({
    role: r.role,
    gemeenteId: r.gemeenteId,
    regioId: r.regioId,
    gemeenteRegioId: r.gemeente?.regioId ?? null,
  }));
  return { id: user.id, email: user.email, active: user.active, grants };
}

type OidcLoginRefusal = "onbekende-provider" | "ongeldig-token" | "email-niet-bevestigd" | "niet-gekoppeld" | "gedeactiveerd" | "andere-organisatie";

export type OidcLoginResult = { ok: true; userId: string; mfaSatisfied: boolean } | { ok: false; reason: OidcLoginRefusal };

/**
 * The account an OIDC login signs in: only the one linked to this provider and subject, when it is
 * active and every grant lies within the provider's organisations. Refusals are audited.
 */
export async function resolveOidcLogin(
  prisma: PrismaClient,
  input: { providerId: string; claims: OidcClaims; ip?: string | null; now?: Date },
): Promise<OidcLoginResult> {
  const now = input.now ?? new Date();
  const provider = await prisma.identityProvider.findFirst({ where: { id: input.providerId, active: true }, include: PROVIDER_INCLUDE });
  let userId: string | null = null;
  const refuse = async (reason: OidcLoginRefusal, email: string | null = null): Promise<OidcLoginResult> => {
    await recordAudit(prisma, {
      actorId: null,
      action: "auth.inloggen-mislukt",
      targetType: userId ? "User" : "Account",
      targetId: userId,
      details: { methode: "oidc", provider: input.providerId, reden: reason, email },
      ip: input.ip ?? null,
    });
    return { ok: false, reason };
  };
  if (!provider) return refuse("onbekende-provider");
  const identity = subjectFromClaims(provider, input.claims);
  if (!identity.ok) return refuse(identity.reason, typeof input.claims.email === "string" ? input.claims.email.slice(0, 320) : null);
  const link = await prisma.identityLink.findUnique({ where: { providerId_subject: { providerId: provider.id, subject: identity.subject } } });
  if (!link) return refuse("niet-gekoppeld", identity.email);
  userId = link.userId;
  const account = await accountOf(prisma, link.userId);
  if (!account || !account.active) return refuse("gedeactiveerd", identity.email);
  if (!providerMaySignIn(scopeOf(provider), account.grants)) return refuse("andere-organisatie", identity.email);
  await prisma.identityLink.update({ where: { id: link.id }, data: { lastUsedAt: now } });
  await prisma.user.update({ where: { id: account.id }, data: { lastLoginAt: now } });
  // The identity provider's own second factor is not enough for a beheerder (or for anyone when
  // the deployment says so): the session must still pass this application's second factor.
  const mfaSatisfied = !(isBeheerder(account) || env().MFA_REQUIRED_FOR_ALL);
  return { ok: true, userId: account.id, mfaSatisfied };
}

// ---------------------------------------------------------------------------------------------
// Linking

export type LinkableProvider = { id: string; nextAuthId: string; label: string };

/** Active providers that may sign this user in and that the user has not linked yet. */
export async function linkableProviders(prisma: PrismaClient, userId: string): Promise<LinkableProvider[]> {
  const account = await accountOf(prisma, userId);
  if (!account?.active) return [];
  const providers = await prisma.identityProvider.findMany({
    where: { active: true, links: { none: { userId } } },
    include: PROVIDER_INCLUDE,
    orderBy: { label: "asc" },
  });
  return providers
    .filter((provider) => providerMaySignIn(scopeOf(provider), account.grants))
    .map((provider) => ({ id: provider.id, nextAuthId: nextAuthProviderId(provider.id), label: provider.label }));
}

export type IdentityLinkRow = { id: string; providerLabel: string; createdAt: Date; lastUsedAt: Date | null };

/** The actor's own links: nobody sees another person's. */
export async function listOwnIdentityLinks(prisma: PrismaClient, actor: Pick<Actor, "userId">): Promise<IdentityLinkRow[]> {
  const links = await prisma.identityLink.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, lastUsedAt: true, provider: { select: { label: true } } },
  });
  return links.map((link) => ({ id: link.id, providerLabel: link.provider.label, createdAt: link.createdAt, lastUsedAt: link.lastUsedAt }));
}

/**
 * Removes one of the actor's own links; another person's link is "not found" (and audited, as
 * everywhere); an id that names no link tells nothing and leaves nothing behind.
 */
export const removeOwnIdentityLink = mutation({
  handeling: "koppeling verwijderen",
  schema: z.strictObject({ linkId: ZId, ip: z.optional(z.nullable(z.string())) }),
  form: false,
  async run(prisma, actor, { linkId, ip = null }) {
    const link = await prisma.identityLink.findFirst({ where: { id: linkId, userId: actor.userId }, include: { provider: { select: { label: true } } } });
    if (!link) return refused({ type: "IdentityLink", id: linkId }, { ip });
    await prisma.$transaction(async (tx) => {
      await tx.identityLink.delete({ where: { id: link.id } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "account.identiteit-ontkoppeld",
        targetType: "User",
        targetId: actor.userId,
        details: { provider: link.providerId, label: link.provider.label, koppeling: link.id },
        ip,
      });
      await queueSecurityNotice(tx, actor.userId, { what: "koppeling-verwijderd", provider: link.provider.label }, new Date());
    });
    return ok(null, "De koppeling is verwijderd.");
  },
});

/** A link request, handed to the browser in a cookie (lib/auth/link-cookie.ts) on its way to the provider. */
export type StartedLink = { token: string; nextAuthId: string; expiresAt: Date };

/** Why linking from the account page did not start (the provider may not sign this account in, or the session is not a full password session). */
export const LINK_NOT_ALLOWED = "Koppelen kan alleen als u met uw e-mailadres en wachtwoord bent ingelogd, met deze organisatie die uw account mag aanmelden.";

async function createLinkRequest(
  prisma: PrismaClient,
  input: { userId: string; providerId: string; sessionId?: string; accountLinkId?: string; actorId: string | null; ip: string | null; now: Date },
  refusal: string,
): Promise<Result<StartedLink>> {
  const allowed = (await linkableProviders(prisma, input.userId)).find((provider) => provider.id === input.providerId);
  if (!allowed) {
    await recordAudit(prisma, {
      actorId: input.actorId,
      action: "toegang.geweigerd",
      targetType: "IdentityProvider",
      targetId: input.providerId || null,
      details: { handeling: "koppeling starten", gebruiker: input.userId },
      ip: input.ip,
    });
    return notFound(refusal);
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + LINK_REQUEST_MINUTES * 60_000);
  await prisma.identityLinkRequest.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      providerId: input.providerId,
      sessionId: input.sessionId ?? null,
      accountLinkId: input.accountLinkId ?? null,
      createdAt: input.now,
      expiresAt,
    },
  });
  return ok({ token, nextAuthId: allowed.nextAuthId, expiresAt });
}

/**
 * Starts linking from the account page. Only a password session that passed every factor may do
 * this; the request is bound to that session and works once, for a few minutes.
 */
export async function startSessionLink(
  prisma: PrismaClient,
  session: { sessionId: string; userId: string; method: string; mfaSatisfied: boolean },
  providerId: string,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<Result<StartedLink>> {
  if (session.method !== "password" || !session.mfaSatisfied) {
    await recordAudit(prisma, {
      actorId: session.userId,
      action: "toegang.geweigerd",
      targetType: "IdentityProvider",
      targetId: providerId || null,
      details: { handeling: "koppeling starten", reden: "geen volledige wachtwoordsessie" },
      ip,
    });
    return notFound(LINK_NOT_ALLOWED);
  }
  return createLinkRequest(prisma, { userId: session.userId, providerId, sessionId: session.sessionId, actorId: session.userId, ip, now }, LINK_NOT_ALLOWED);
}

/** Starts linking from a valid, unused invitation link; the link is used up when the identity is linked. */
export async function startInvitationLink(
  prisma: PrismaClient,
  invitationToken: string,
  providerId: string,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<Result<StartedLink>> {
  const link = await findUsableInvitation(prisma, invitationToken, now);
  if (!link) return notFound(ACCOUNT_LINK_MESSAGES.verlopen);
  return createLinkRequest(prisma, { userId: link.userId, providerId, accountLinkId: link.id, actorId: null, ip, now }, ACCOUNT_LINK_MESSAGES.verlopen);
}

async function findUsableInvitation(prisma: PrismaClient, invitationToken: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(invitationToken)) return null;
  const link = await prisma.accountLink.findUnique({ where: { tokenHash: hashToken(invitationToken) }, include: { user: { select: { active: true } } } });
  if (!link || link.purpose !== "UITNODIGING" || link.usedAt || link.expiresAt <= now || !link.user.active) return null;
  return link;
}

/** The providers an invitation's account may link, or null when the invitation cannot be used. */
export async function invitationProviders(prisma: PrismaClient, invitationToken: string, now = new Date()): Promise<LinkableProvider[] | null> {
  const link = await findUsableInvitation(prisma, invitationToken, now);
  return link ? linkableProviders(prisma, link.userId) : null;
}

type LinkRefusal = "verlopen" | "andere-sessie" | "ongeldig-token" | "email-niet-bevestigd" | "al-gekoppeld" | "andere-organisatie";

export type CompleteLinkResult = { ok: true; via: "sessie" | "uitnodiging"; label: string } | { ok: false; via: "sessie" | "uitnodiging"; reason: LinkRefusal };

/**
 * Finishes a link in the OIDC callback: the request must be unused, unexpired, for this provider
 * and, when it was started from the account page, made by the session of this very browser. The
 * subject must not be linked to anyone yet. No session is created here.
 */
export async function completeIdentityLink(
  prisma: PrismaClient,
  input: { token: string; providerId: string; claims: OidcClaims; currentSessionId: string | null; ip?: string | null; now?: Date },
): Promise<CompleteLinkResult> {
  const now = input.now ?? new Date();
  const ip = input.ip ?? null;
  const request = await prisma.identityLinkRequest.findUnique({
    where: { tokenHash: hashToken(input.token) },
    include: { provider: { include: PROVIDER_INCLUDE } },
  });
  const via = request?.accountLinkId ? "uitnodiging" : "sessie";
  const refuse = async (reason: LinkRefusal): Promise<CompleteLinkResult> => {
    await recordAudit(prisma, {
      actorId: via === "sessie" ? (request?.userId ?? null) : null,
      action: "account.koppeling-geweigerd",
      targetType: "User",
      targetId: request?.userId ?? null,
      details: { provider: input.providerId, reden: reason, via },
      ip,
    });
    return { ok: false, via, reason };
  };
  if (!request || request.usedAt || request.expiresAt <= now || request.providerId !== input.providerId || !request.provider.active) return refuse("verlopen");
  if (request.sessionId) {
    const session = input.currentSessionId
      ? await prisma.session.findFirst({
          where: { id: input.currentSessionId, userId: request.userId, revokedAt: null, expiresAt: { gt: now }, mfaSatisfied: true, method: "password" },
        })
      : null;
    if (!session || session.id !== request.sessionId) return refuse("andere-sessie");
  }
  const identity = subjectFromClaims(request.provider, input.claims);
  if (!identity.ok) return refuse(identity.reason);
  const account = await accountOf(prisma, request.userId);
  if (!account?.active) return refuse("verlopen");
  if (!providerMaySignIn(scopeOf(request.provider), account.grants)) return refuse("andere-organisatie");

  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const claimed = await tx.identityLinkRequest.updateMany({ where: { id: request.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) return "verlopen" as const;
      if (request.accountLinkId) {
        const invitation = await tx.accountLink.updateMany({
          where: { id: request.accountLinkId, usedAt: null, expiresAt: { gt: now }, purpose: "UITNODIGING" },
          data: { usedAt: now },
        });
        if (invitation.count !== 1) return "verlopen" as const;
      }
      const existing = await tx.identityLink.findFirst({
        where: { providerId: request.providerId, OR: [{ subject: identity.subject }, { userId: request.userId }] },
      });
      if (existing) return "al-gekoppeld" as const;
      const link = await tx.identityLink.create({
        data: { userId: request.userId, providerId: request.providerId, subject: identity.subject, createdAt: now },
      });
      await recordAudit(tx, {
        actorId: request.userId,
        action: "account.identiteit-gekoppeld",
        targetType: "User",
        targetId: request.userId,
        details: { provider: request.providerId, label: request.provider.label, koppeling: link.id, via, email: identity.email },
        ip,
      });
      await queueSecurityNotice(tx, request.userId, { what: "koppeling-toegevoegd", provider: request.provider.label }, now);
      if (request.accountLinkId) {
        // As when the invitation sets a password: other open links of this user stop working, and the
        // entry names who made the link.
        await tx.accountLink.updateMany({ where: { userId: request.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
        const made = await tx.accountLink.findUnique({ where: { id: request.accountLinkId }, select: { createdById: true } });
        const maker = made?.createdById ? await tx.user.findUnique({ where: { id: made.createdById }, select: { email: true } }) : null;
        await recordAudit(tx, {
          actorId: request.userId,
          action: "account.uitnodiging-gebruikt",
          targetType: "User",
          targetId: request.userId,
          details: {
            email: account.email,
            linkId: request.accountLinkId,
            methode: "koppeling",
            gemaaktDoor: made?.createdById ?? null,
            gemaaktDoorEmail: maker?.email ?? null,
          },
          ip,
        });
      }
      return "ok" as const;
    });
    if (outcome !== "ok") {
      // The claim of the request is undone with the transaction; spend it now so that it cannot be retried.
      await prisma.identityLinkRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: now } });
      return refuse(outcome);
    }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await prisma.identityLinkRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: now } });
    return refuse("al-gekoppeld");
  }
  return { ok: true, via, label: request.provider.label };
}
