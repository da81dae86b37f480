import { describe, expect, it } from "vitest";
import { identityProviderIdOf, providerMaySignIn, subjectFromClaims, type AccountGrant } from "./oidc-rules";

const TENANT = "3f0c6f4e-0000-4000-8000-000000000001";
const entra = { kind: "ENTRA_ID" as const, issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, tenantId: TENANT };
const generic = { kind: "OIDC" as const, issuer: "https://idp.example/", tenantId: null };

describe("the identity in a token", () => {
  it("is iss + sub for a generic provider, tid + oid for Entra ID", () => {
    expect(subjectFromClaims(generic, { iss: "https://idp.example", sub: "abc", email: "A@B.example" })).toEqual({
      ok: true,
      subject: "oidc:https://idp.example#abc",
      email: "a@b.example",
    });
    expect(subjectFromClaims(entra, { iss: entra.issuer, sub: "per-app-sub", tid: TENANT, oid: "00000000-0000-0000-0000-0000000000AA" })).toEqual({
      ok: true,
      subject: `entra:${TENANT}:00000000-0000-0000-0000-0000000000aa`,
      email: null,
    });
  });

  it("refuses another issuer or tenant, a missing subject, and an unverified e-mail address", () => {
    expect(subjectFromClaims(generic, { iss: "https://andere.example", sub: "abc" })).toEqual({ ok: false, reason: "ongeldig-token" });
    expect(subjectFromClaims(generic, { iss: "https://idp.example" })).toEqual({ ok: false, reason: "ongeldig-token" });
    expect(subjectFromClaims(entra, { iss: entra.issuer, tid: "andere-tenant", oid: "x" })).toEqual({ ok: false, reason: "ongeldig-token" });
    expect(subjectFromClaims(entra, { iss: entra.issuer, tid: TENANT, sub: "zonder-oid" })).toEqual({ ok: false, reason: "ongeldig-token" });
    expect(subjectFromClaims(generic, { iss: "https://idp.example", sub: "abc", email_verified: false })).toEqual({
      ok: false,
      reason: "email-niet-bevestigd",
    });
  });

  it("never takes preferred_username or upn as the identity", () => {
    expect(subjectFromClaims(generic, { iss: "https://idp.example", preferred_username: "a@b.example", upn: "a@b.example" })).toEqual({
      ok: false,
      reason: "ongeldig-token",
    });
  });

  it("reads only next-auth ids of configured providers", () => {
    expect(identityProviderIdOf("oidc-abc123")).toBe("abc123");
    expect(identityProviderIdOf("credentials")).toBeNull();
    expect(identityProviderIdOf("oidc-")).toBeNull();
    expect(identityProviderIdOf("oidc-a/b")).toBeNull();
  });
});

describe("which accounts a provider may sign in", () => {
  const scope = { gemeenteIds: ["delft"], regioIds: ["hollands-midden"], mayBeheerders: false };
  const officer = (gemeenteId: string, gemeenteRegioId: string): AccountGrant => ({ role: "BELEIDSMEDEWERKER", gemeenteId, regioId: null, gemeenteRegioId });

  it("every grant must lie within its gemeenten and regions", () => {
    expect(providerMaySignIn(scope, [officer("delft", "haaglanden")])).toBe(true);
    expect(providerMaySignIn(scope, [officer("leiden", "hollands-midden")])).toBe(true);
    expect(providerMaySignIn(scope, [{ role: "PROJECTLEIDER", gemeenteId: null, regioId: "hollands-midden", gemeenteRegioId: null }])).toBe(true);
    expect(providerMaySignIn(scope, [officer("delft", "haaglanden"), officer("rijswijk", "haaglanden")])).toBe(false);
    expect(providerMaySignIn(scope, [{ role: "PROJECTLEIDER", gemeenteId: null, regioId: "haaglanden", gemeenteRegioId: null }])).toBe(false);
    expect(providerMaySignIn(scope, [])).toBe(false);
  });

  it("a beheerder only when the provider may sign in beheerders", () => {
    const admin: AccountGrant = { role: "BEHEERDER", gemeenteId: null, regioId: null, gemeenteRegioId: null };
    expect(providerMaySignIn(scope, [admin])).toBe(false);
    expect(providerMaySignIn({ ...scope, mayBeheerders: true }, [admin])).toBe(true);
  });
});
