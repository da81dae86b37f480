// Signing in through the municipality's identity provider: a person is matched by e-mail to an
// account made beforehand, only from the allowed tenant; nobody gets an account by signing in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOidcAccount, oidcProvider } from "@/lib/auth/oidc";
import { parseEnv } from "@/lib/config/env";
import { seedDemoData } from "@/lib/demo/seed";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";

const TENANT = "3f0c6f4e-0000-4000-8000-000000000001";
const settings = parseEnv({
  APP_ENV: "demo",
  OIDC_ISSUER: "https://login.example/tenant/v2.0",
  OIDC_CLIENT_ID: "zelfscan",
  OIDC_CLIENT_SECRET: "geheim",
  OIDC_ALLOWED_TENANT: TENANT,
});

describe.each(DATABASE_KINDS)("OIDC accounts on the %s database", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
  });
  afterAll(() => db?.drop());

  it("matches an existing account by e-mail, whatever its case, or by the user name Entra ID sends", async () => {
    const delft = await db.prisma.user.findUniqueOrThrow({ where: { email: "beleid@delft.example" } });
    expect(await findOidcAccount(db.prisma, settings, { sub: "x", email: "Beleid@Delft.Example", tid: TENANT })).toEqual({ ok: true, userId: delft.id });
    expect(await findOidcAccount(db.prisma, settings, { sub: "x", preferred_username: "beleid@delft.example", tid: TENANT })).toEqual({ ok: true, userId: delft.id });
  });

  it("refuses an unknown person, another tenant, a deactivated account and a profile without e-mail, and creates nothing", async () => {
    const users = await db.prisma.user.count();
    expect(await findOidcAccount(db.prisma, settings, { sub: "y", email: "nieuw@delft.example", tid: TENANT })).toEqual({ ok: false, reason: "onbekend", email: "nieuw@delft.example" });
    expect(await findOidcAccount(db.prisma, settings, { sub: "y", email: "beleid@delft.example", tid: "andere-tenant" })).toMatchObject({ ok: false, reason: "andere-organisatie" });
    expect(await findOidcAccount(db.prisma, settings, { sub: "y", email: "beleid@delft.example" })).toMatchObject({ ok: false, reason: "andere-organisatie" });
    expect(await findOidcAccount(db.prisma, settings, { sub: "y", name: "Zonder Adres", tid: TENANT })).toEqual({ ok: false, reason: "geen-email", email: null });
    await db.prisma.user.update({ where: { email: "beleid@rijswijk.example" }, data: { active: false } });
    expect(await findOidcAccount(db.prisma, settings, { sub: "z", email: "beleid@rijswijk.example", tid: TENANT })).toMatchObject({ ok: false, reason: "gedeactiveerd" });
    expect(await db.prisma.user.count()).toBe(users);
  });

  it("is switched on only when issuer, client id and secret are configured, with PKCE, state and nonce", () => {
    const provider = oidcProvider(settings) as unknown as { id: string; wellKnown: string; checks: string[] };
    expect(provider.id).toBe("oidc");
    expect(provider.wellKnown).toBe("https://login.example/tenant/v2.0/.well-known/openid-configuration");
    expect(provider.checks).toEqual(["pkce", "state", "nonce"]);
    expect(oidcProvider(parseEnv({ APP_ENV: "demo" }))).toBeNull();
  });
});
