// OpenID Connect for municipalities that sign in with their own identity provider (Entra ID or
// similar). A person is matched by e-mail to an account created beforehand; nobody gets an
// account by signing in.
import "server-only";
import type { Provider } from "next-auth/providers/index";
import type { Env } from "@/lib/config/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type OidcProfile = {
  sub?: string;
  email?: string;
  preferred_username?: string;
  upn?: string;
  name?: string;
  tid?: string;
};

export function oidcProvider(settings: Env): Provider | null {
  if (!settings.OIDC_ISSUER || !settings.OIDC_CLIENT_ID || !settings.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: settings.OIDC_LABEL,
    type: "oauth",
    wellKnown: `${settings.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: settings.OIDC_CLIENT_ID,
    clientSecret: settings.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(profile: OidcProfile) {
      return { id: profile.sub ?? "", email: oidcEmail(profile), name: profile.name ?? null };
    },
  } as Provider;
}

export function oidcEmail(profile: OidcProfile | undefined): string | null {
  const value = profile?.email ?? profile?.preferred_username ?? profile?.upn;
  return value && value.includes("@") ? value.trim().toLowerCase() : null;
}

export type OidcMatch =
  | { ok: true; userId: string }
  | { ok: false; reason: "geen-email" | "andere-organisatie" | "onbekend" | "gedeactiveerd"; email: string | null };

export async function findOidcAccount(prisma: PrismaClient, settings: Env, profile: unknown): Promise<OidcMatch> {
  const claims = (profile ?? {}) as OidcProfile;
  const email = oidcEmail(claims);
  if (!email) return { ok: false, reason: "geen-email", email: null };
  if (settings.OIDC_ALLOWED_TENANT && claims.tid !== settings.OIDC_ALLOWED_TENANT) {
    return { ok: false, reason: "andere-organisatie", email };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) return { ok: false, reason: "onbekend", email };
  if (!user.active) return { ok: false, reason: "gedeactiveerd", email };
  return { ok: true, userId: user.id };
}
