// The pure rules of signing in with an identity provider: which identity a token names, and whether
// a provider may sign in an account. No I/O; lib/auth/oidc.ts applies them.

/** next-auth's id of a configured provider: "oidc-<IdentityProvider.id>". */
const NEXT_AUTH_PREFIX = "oidc-";

export function nextAuthProviderId(providerId: string): string {
  return `${NEXT_AUTH_PREFIX}${providerId}`;
}

/** The IdentityProvider id in a next-auth provider id, or null for anything else (the password login). */
export function identityProviderIdOf(nextAuthId: string | undefined | null): string | null {
  if (!nextAuthId || !nextAuthId.startsWith(NEXT_AUTH_PREFIX)) return null;
  const id = nextAuthId.slice(NEXT_AUTH_PREFIX.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

export type ProviderIdentityKind = "OIDC" | "ENTRA_ID";

/**
 * The claims of an ID token this application looks at. Nothing else identifies a person: the
 * others (preferred_username, upn, ...) are never read.
 */
export type OidcClaims = {
  [claim: string]: unknown;
  iss?: unknown;
  sub?: unknown;
  tid?: unknown;
  oid?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
};

export type SubjectResult = { ok: true; subject: string; email: string | null } | { ok: false; reason: "ongeldig-token" | "email-niet-bevestigd" };

/** Issuers compare without a trailing slash: "https://idp.example/" and "https://idp.example" are one issuer. */
export function normaliseIssuer(issuer: string): string {
  return issuer.trim().replace(/\/+$/, "");
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 && value.length <= 512 ? value : null;
}

/**
 * The stable identity in a token of this provider, bound to the provider's issuer: `oidc:<iss>#<sub>`,
 * or for Entra ID `entra:<tid>:<oid>` (the object id is the same in every app of the tenant, `sub`
 * is not). The e-mail address is kept only for the audit log and the account page: it never
 * identifies anyone. A token that says the address is not verified is refused outright.
 */
export function subjectFromClaims(provider: { kind: ProviderIdentityKind; issuer: string; tenantId: string | null }, claims: OidcClaims): SubjectResult {
  if (claims.email_verified === false || claims.email_verified === "false") return { ok: false, reason: "email-niet-bevestigd" };
  const iss = text(claims.iss);
  if (!iss || normaliseIssuer(iss) !== normaliseIssuer(provider.issuer)) return { ok: false, reason: "ongeldig-token" };
  const email = text(claims.email)?.trim().toLowerCase() ?? null;
  if (provider.kind === "ENTRA_ID") {
    const tid = text(claims.tid);
    const oid = text(claims.oid);
    if (!tid || !oid || !provider.tenantId || tid.toLowerCase() !== provider.tenantId.toLowerCase()) return { ok: false, reason: "ongeldig-token" };
    return { ok: true, subject: `entra:${tid.toLowerCase()}:${oid.toLowerCase()}`, email };
  }
  const sub = text(claims.sub);
  if (!sub) return { ok: false, reason: "ongeldig-token" };
  return { ok: true, subject: `oidc:${normaliseIssuer(iss)}#${sub}`, email };
}

export type ProviderScope = { gemeenteIds: readonly string[]; regioIds: readonly string[]; mayBeheerders: boolean };

export type AccountGrant = {
  role: "BELEIDSMEDEWERKER" | "PROJECTLEIDER" | "LANDELIJK" | "BEHEERDER";
  gemeenteId: string | null;
  regioId: string | null;
  gemeenteRegioId: string | null;
};

/**
 * A provider may sign in an account only when every grant of the account lies within the
 * provider's organisations: a gemeente it serves (or a gemeente in a region it serves), a region it
 * serves, and a beheerder grant only when the provider may sign in beheerders. An account without
 * any grant has no organisation that the provider could vouch for, so it is refused too.
 */
export function providerMaySignIn(provider: ProviderScope, grants: readonly AccountGrant[]): boolean {
  if (grants.length === 0) return false;
  return grants.every((grant) => {
    switch (grant.role) {
      // Grants for the whole application: only a provider trusted with beheerders vouches for them.
      case "BEHEERDER":
      case "LANDELIJK":
        return provider.mayBeheerders;
      case "PROJECTLEIDER":
        return grant.regioId !== null && provider.regioIds.includes(grant.regioId);
      case "BELEIDSMEDEWERKER":
        return (
          grant.gemeenteId !== null &&
          (provider.gemeenteIds.includes(grant.gemeenteId) || (grant.gemeenteRegioId !== null && provider.regioIds.includes(grant.gemeenteRegioId)))
        );
    }
  });
}
