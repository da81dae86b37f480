// Signing in through an identity provider configured by a beheerder: only an identity that the
// account's owner linked (issuer + subject) signs in, never an e-mail address, and only accounts
// whose every grant lies within the provider's organisations. Linking is bound to the server
// session (or the invitation) that started it. A beheerder still needs the app's second factor.
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { decryptSecret, DecryptionError } from "@/lib/auth/crypto";
import {
  CLIENT_SECRET_PURPOSE,
  completeIdentityLink,
  invitationProviders,
  LINK_NOT_ALLOWED,
  linkableProviders,
  listOwnIdentityLinks,
  nextAuthProviders,
  removeOwnIdentityLink,
  resolveOidcLogin,
  startInvitationLink,
  startSessionLink,
} from "@/lib/auth/oidc";
import { completeSecondFactor, confirmTotpSetup, pendingTotpSetup, WRONG_SECOND_FACTOR } from "@/lib/auth/second-factor";
import { createSession, loadSession } from "@/lib/auth/sessions";
import { timeStepAt, unixSeconds } from "@/lib/auth/totp";
import { ACCOUNT_LINK_MESSAGES, createAccountLink } from "@/lib/beheer/account-links";
import { addGrant, createUser, deactivateUser } from "@/lib/beheer/gebruikers";
import {
  createIdentityProvider,
  getIdentityProvider,
  listIdentityProviders,
  setIdentityProviderActive,
  updateIdentityProvider,
} from "@/lib/beheer/identiteitsproviders";
import { invalid, notFound, ok, type Result } from "@/lib/shared/result";
import { actorOf, BEHEERDER, createRegio, createUser as makeUser, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { mailedToken } from "../support/outbox";

const HAAGLANDEN_ISSUER = "https://idp.haaglanden.example";
const DELFT_ISSUER = "https://idp.delft.example/oidc";
const SECRET = "geheim-van-de-client-0123456789";

describe.each(DATABASE_KINDS)("OIDC identities on the %s database", (kind) => {
  let db: TestDatabase;
  let beheerder: Actor;
  let haaglanden: string; // regio Haaglanden, may sign in beheerders
  let delft: string; // gemeente Delft only
  const ids = {} as Record<"delft" | "leiden" | "haaglandenRegio", string>;
  const accounts = {} as Record<"officerDelft" | "officerRijswijk" | "officerLeiden" | "leaderHaaglanden" | "beheerder", Awaited<ReturnType<typeof makeUser>>>;

  async function passwordSession(email: string) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
    return { sessionId, userId: user.id, method: "password", mfaSatisfied: true };
  }

  /** Links as a person does: from their password session, then back from the provider in the same browser. */
  async function link(email: string, providerId: string, claims: Record<string, unknown>) {
    const session = await passwordSession(email);
    const started = await startSessionLink(db.prisma, session, providerId);
    if (started.status !== "ok") return { started };
    const completed = await completeIdentityLink(db.prisma, { token: started.data.token, providerId, claims, currentSessionId: session.sessionId });
    return { started, completed, session };
  }

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    // A region Haaglanden of Delft and Rijswijk, a region Hollands Midden of Leiden, an officer of
    // each gemeente, Haaglanden's project leader and a beheerder (without a second factor yet).
    const haaglandenRegio = await createRegio(db.prisma, { name: "Haaglanden", gemeenten: ["Delft", "Rijswijk"] });
    const hollandsMidden = await createRegio(db.prisma, { name: "Hollands Midden", gemeenten: ["Leiden"] });
    const [delftGemeente, rijswijkGemeente] = [haaglandenRegio.gemeenten[0]!, haaglandenRegio.gemeenten[1]!];
    accounts.officerDelft = await makeUser(db.prisma, { grants: [officerOf(delftGemeente)] });
    accounts.officerRijswijk = await makeUser(db.prisma, { grants: [officerOf(rijswijkGemeente)] });
    accounts.officerLeiden = await makeUser(db.prisma, { grants: [officerOf(hollandsMidden.gemeenten[0]!)] });
    accounts.leaderHaaglanden = await makeUser(db.prisma, { grants: [leaderOf(haaglandenRegio)] });
    accounts.beheerder = await makeUser(db.prisma, { grants: [BEHEERDER] });
    beheerder = actorOf(accounts.beheerder);
    ids.delft = delftGemeente.id;
    ids.leiden = hollandsMidden.gemeenten[0]!.id;
    ids.haaglandenRegio = haaglandenRegio.id;
    haaglanden = (
      await done(
        createIdentityProvider(db.prisma, beheerder, {
          values: {
            label: "Regio Haaglanden",
            kind: "OIDC",
            issuer: HAAGLANDEN_ISSUER + "/",
            tenantId: "",
            clientId: "zelfscan",
            clientSecret: SECRET,
            gemeenteIds: [],
            regioIds: [ids.haaglandenRegio],
            mayBeheerders: true,
          },
        }),
      )
    ).id;
    delft = (
      await done(
        createIdentityProvider(db.prisma, beheerder, {
          values: {
            label: "Gemeente Delft",
            kind: "OIDC",
            issuer: DELFT_ISSUER,
            clientId: "zelfscan-delft",
            clientSecret: "ander-geheim",
            gemeenteIds: [ids.delft],
            regioIds: [],
            mayBeheerders: false,
          },
        }),
      )
    ).id;
  });
  afterAll(() => db?.drop());

  /** Runs a call that must succeed, and returns its data. */
  async function done<T>(promise: Promise<Result<T, unknown>>): Promise<T> {
    const result = await promise;
    expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
    return (result as { data: T }).data;
  }

  it("stores the client secret encrypted, bound to its provider, and never hands it out", async () => {
    const row = await db.prisma.identityProvider.findUniqueOrThrow({ where: { id: haaglanden } });
    expect(row.clientSecret).not.toContain(SECRET);
    expect(row.clientSecret).toMatch(/^v1\./);
    expect(decryptSecret(row.clientSecret, CLIENT_SECRET_PURPOSE, haaglanden)).toBe(SECRET);
    // Copied onto another provider's row, it cannot be read.
    expect(() => decryptSecret(row.clientSecret, CLIENT_SECRET_PURPOSE, delft)).toThrow(DecryptionError);
    expect(JSON.stringify(await listIdentityProviders(db.prisma, beheerder))).not.toContain(SECRET);
    expect(JSON.stringify(await getIdentityProvider(db.prisma, beheerder, haaglanden))).not.toMatch(/geheim|v1\./);
    const audit = await db.prisma.auditEntry.findMany({ where: { action: "beheer.identiteitsprovider-aangemaakt" } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain(row.clientSecret);

    // next-auth gets one provider per active provider: code flow with PKCE, state and nonce.
    const providers = (await nextAuthProviders(db.prisma)) as unknown as { id: string; wellKnown: string; checks: string[]; clientSecret: string }[];
    const haaglandenProvider = providers.find((provider) => provider.id === `oidc-${haaglanden}`)!;
    expect(haaglandenProvider.wellKnown).toBe(`${HAAGLANDEN_ISSUER}/.well-known/openid-configuration`);
    expect(haaglandenProvider.checks).toEqual(["pkce", "state", "nonce"]);
    expect(haaglandenProvider.clientSecret).toBe(SECRET);
  });

  it("only a beheerder configures providers, and every refusal is audited", async () => {
    const leader = actorOf(accounts.leaderHaaglanden);
    const input = {
      label: "Eigen",
      kind: "OIDC",
      issuer: "https://idp.example",
      clientId: "x",
      clientSecret: "y",
      gemeenteIds: [],
      regioIds: [ids.haaglandenRegio],
      mayBeheerders: true,
    };
    expect(await createIdentityProvider(db.prisma, leader, { values: input })).toEqual(notFound());
    expect(await updateIdentityProvider(db.prisma, leader, { providerId: haaglanden, values: input })).toEqual(notFound());
    expect(await setIdentityProviderActive(db.prisma, leader, { providerId: haaglanden, active: false })).toEqual(notFound());
    expect(await listIdentityProviders(db.prisma, leader)).toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { actorId: leader.userId, action: "toegang.geweigerd", targetType: "IdentityProvider" } })).toBe(4);
    expect(await db.prisma.identityProvider.count()).toBe(2);
    // Plain http only on loopback; an Entra ID provider needs its tenant.
    expect(await createIdentityProvider(db.prisma, beheerder, { values: { ...input, issuer: "http://idp.example" } })).toMatchObject({
      status: "invalid",
      fieldErrors: { issuer: expect.any(String) },
    });
    expect(await createIdentityProvider(db.prisma, beheerder, { values: { ...input, kind: "ENTRA_ID" } })).toMatchObject({
      status: "invalid",
      fieldErrors: { tenantId: expect.any(String) },
    });
  });

  it("signs in the linked subject, and an e-mail address, preferred_username or upn never identify anyone", async () => {
    const claims = { iss: HAAGLANDEN_ISSUER, sub: "delft-jan", email: "jan@delft.example", email_verified: true };
    const linked = await link(accounts.officerDelft.email, haaglanden, claims);
    expect(linked.completed).toMatchObject({ ok: true, via: "sessie" });
    const officer = await db.prisma.user.findUniqueOrThrow({ where: { email: accounts.officerDelft.email } });
    const row = await db.prisma.identityLink.findFirstOrThrow({ where: { userId: officer.id } });
    expect(row.subject).toBe(`oidc:${HAAGLANDEN_ISSUER}#delft-jan`);
    expect(await db.prisma.auditEntry.count({ where: { action: "account.identiteit-gekoppeld", targetId: officer.id } })).toBe(1);

    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims })).toEqual({ ok: true, userId: officer.id, mfaSatisfied: true });
    expect((await db.prisma.identityLink.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
    // The same subject at another issuer is another identity.
    expect(await resolveOidcLogin(db.prisma, { providerId: delft, claims: { ...claims, iss: DELFT_ISSUER } })).toEqual({ ok: false, reason: "niet-gekoppeld" });
    // A token of another issuer than the provider's is refused.
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims: { ...claims, iss: DELFT_ISSUER } })).toEqual({
      ok: false,
      reason: "ongeldig-token",
    });

    const before = await db.prisma.auditEntry.count({ where: { action: "auth.inloggen-mislukt" } });
    const users = await db.prisma.user.count();
    // The account's own verified e-mail address, from an unlinked subject: refused.
    expect(
      await resolveOidcLogin(db.prisma, {
        providerId: haaglanden,
        claims: { iss: HAAGLANDEN_ISSUER, sub: "iemand-anders", email: accounts.officerDelft.email, email_verified: true },
      }),
    ).toEqual({
      ok: false,
      reason: "niet-gekoppeld",
    });
    for (const field of ["preferred_username", "upn"]) {
      expect(
        await resolveOidcLogin(db.prisma, {
          providerId: haaglanden,
          claims: { iss: HAAGLANDEN_ISSUER, sub: `x-${field}`, [field]: accounts.officerDelft.email },
        }),
      ).toEqual({
        ok: false,
        reason: "niet-gekoppeld",
      });
    }
    // ... and they change nothing about who the linked subject is.
    expect(
      await resolveOidcLogin(db.prisma, {
        providerId: haaglanden,
        claims: { ...claims, email: accounts.beheerder.email, preferred_username: accounts.beheerder.email, upn: accounts.beheerder.email },
      }),
    ).toMatchObject({
      ok: true,
      userId: officer.id,
    });
    expect(await db.prisma.auditEntry.count({ where: { action: "auth.inloggen-mislukt" } })).toBe(before + 3);
    const refusal = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "auth.inloggen-mislukt" }, orderBy: { at: "desc" } });
    expect(refusal.details).toMatchObject({ methode: "oidc", provider: haaglanden, reden: "niet-gekoppeld" });
    expect(await db.prisma.user.count()).toBe(users);
  });

  it("refuses email_verified false, at login and when linking", async () => {
    const claims = { iss: HAAGLANDEN_ISSUER, sub: "delft-jan", email: "jan@delft.example" };
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims: { ...claims, email_verified: false } })).toEqual({
      ok: false,
      reason: "email-niet-bevestigd",
    });
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims: { ...claims, email_verified: "false" } })).toEqual({
      ok: false,
      reason: "email-niet-bevestigd",
    });
    const linked = await link(accounts.officerRijswijk.email, haaglanden, { iss: HAAGLANDEN_ISSUER, sub: "rijswijk-onbevestigd", email_verified: false });
    expect(linked.completed).toEqual({ ok: false, via: "sessie", reason: "email-niet-bevestigd" });
    expect(await db.prisma.identityLink.count({ where: { subject: { contains: "rijswijk-onbevestigd" } } })).toBe(0);
  });

  it("never signs in an account with a grant outside the provider's organisations", async () => {
    // Leiden is in Hollands Midden: the Haaglanden provider may not link it, nor may Delft's provider link the beheerder.
    const leiden = await passwordSession(accounts.officerLeiden.email);
    expect(await startSessionLink(db.prisma, leiden, haaglanden)).toEqual(notFound(LINK_NOT_ALLOWED));
    expect((await linkableProviders(db.prisma, leiden.userId)).map((p) => p.id)).toEqual([]);
    const admin = await passwordSession(accounts.beheerder.email);
    expect((await linkableProviders(db.prisma, admin.userId)).map((p) => p.id)).toEqual([haaglanden]);
    expect(await startSessionLink(db.prisma, admin, delft)).toEqual(notFound(LINK_NOT_ALLOWED));
    expect(
      await db.prisma.auditEntry.count({
        where: { action: "toegang.geweigerd", targetType: "IdentityProvider", details: { path: ["handeling"], equals: "koppeling starten" } },
      }),
    ).toBe(2);

    // The Delft officer linked at the Haaglanden provider gets a grant in Leiden: that provider no longer signs them in.
    const officer = await db.prisma.user.findUniqueOrThrow({ where: { email: accounts.officerDelft.email } });
    const claims = { iss: HAAGLANDEN_ISSUER, sub: "delft-jan" };
    await done(addGrant(db.prisma, beheerder, { userId: officer.id, values: { role: "BELEIDSMEDEWERKER", gemeenteId: ids.leiden } }));
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims })).toEqual({ ok: false, reason: "andere-organisatie" });
    await db.prisma.roleGrant.deleteMany({ where: { userId: officer.id, gemeenteId: ids.leiden } });
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims })).toMatchObject({ ok: true });
    // A deactivated provider signs in nobody.
    await done(setIdentityProviderActive(db.prisma, beheerder, { providerId: haaglanden, active: false }));
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims })).toEqual({ ok: false, reason: "onbekende-provider" });
    await done(setIdentityProviderActive(db.prisma, beheerder, { providerId: haaglanden, active: true }));
  });

  it("refuses a deactivated account", async () => {
    const { completed } = await link(accounts.officerRijswijk.email, haaglanden, { iss: HAAGLANDEN_ISSUER, sub: "rijswijk-piet", email_verified: true });
    expect(completed).toMatchObject({ ok: true });
    const claims = { iss: HAAGLANDEN_ISSUER, sub: "rijswijk-piet" };
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims })).toMatchObject({ ok: true });
    const officer = await db.prisma.user.findUniqueOrThrow({ where: { email: accounts.officerRijswijk.email } });
    await done(deactivateUser(db.prisma, beheerder, { userId: officer.id }));
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims })).toEqual({ ok: false, reason: "gedeactiveerd" });
    await db.prisma.user.update({ where: { id: officer.id }, data: { active: true } });
  });

  it("binds a link to the session that started it, once, and never links a subject twice", async () => {
    const claims = { iss: HAAGLANDEN_ISSUER, sub: "delft-jan", email_verified: true };
    // A subject already linked to the Delft officer cannot be linked to the project leader.
    const taken = await link(accounts.leaderHaaglanden.email, haaglanden, claims);
    expect(taken.completed).toEqual({ ok: false, via: "sessie", reason: "al-gekoppeld" });
    const leader = await db.prisma.user.findUniqueOrThrow({ where: { email: accounts.leaderHaaglanden.email } });
    expect(await db.prisma.identityLink.count({ where: { userId: leader.id } })).toBe(0);

    // Completed in another browser (another session, or none) than the one that started: refused.
    const session = await passwordSession(accounts.leaderHaaglanden.email);
    const other = await passwordSession(accounts.leaderHaaglanden.email);
    const started = await done(startSessionLink(db.prisma, session, haaglanden));
    const own = { iss: HAAGLANDEN_ISSUER, sub: "leider-kees" };
    expect(await completeIdentityLink(db.prisma, { token: started.token, providerId: haaglanden, claims: own, currentSessionId: other.sessionId })).toEqual({
      ok: false,
      via: "sessie",
      reason: "andere-sessie",
    });
    expect(await completeIdentityLink(db.prisma, { token: started.token, providerId: haaglanden, claims: own, currentSessionId: null })).toMatchObject({
      ok: false,
      reason: "andere-sessie",
    });
    // A forged token, a request for another provider, and a used request are refused.
    expect(
      await completeIdentityLink(db.prisma, { token: "vervalst", providerId: haaglanden, claims: own, currentSessionId: session.sessionId }),
    ).toMatchObject({ ok: false, reason: "verlopen" });
    expect(await completeIdentityLink(db.prisma, { token: started.token, providerId: delft, claims: own, currentSessionId: session.sessionId })).toMatchObject({
      ok: false,
      reason: "verlopen",
    });
    expect(
      await completeIdentityLink(db.prisma, { token: started.token, providerId: haaglanden, claims: own, currentSessionId: session.sessionId }),
    ).toMatchObject({ ok: true });
    expect(
      await completeIdentityLink(db.prisma, { token: started.token, providerId: haaglanden, claims: own, currentSessionId: session.sessionId }),
    ).toMatchObject({ ok: false, reason: "verlopen" });
    // An OIDC session, or one that has not passed the second factor, cannot start a link.
    expect(await startSessionLink(db.prisma, { ...session, method: "oidc" }, delft)).toEqual(notFound(LINK_NOT_ALLOWED));
    expect(await startSessionLink(db.prisma, { ...session, mfaSatisfied: false }, delft)).toEqual(notFound(LINK_NOT_ALLOWED));
    // Linking creates no session.
    const sessions = await db.prisma.session.count({ where: { userId: leader.id } });
    expect(sessions).toBe(3);
    // Every refusal is audited; the forged token names no account.
    expect(await db.prisma.auditEntry.count({ where: { action: "account.koppeling-geweigerd", targetId: leader.id } })).toBe(5);
    expect(await db.prisma.auditEntry.count({ where: { action: "account.koppeling-geweigerd", targetId: null } })).toBe(1);
  });

  it("links from an invitation link, which works once", async () => {
    const { userId } = await done(
      createUser(db.prisma, beheerder, { values: { email: "nieuw@delft.example", name: "Nieuwe Collega", role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft } }),
    );
    await done(createAccountLink(db.prisma, beheerder, { userId, purpose: "UITNODIGING" }));
    // The token as the invitee has it: from the mail.
    const invitation = { token: await mailedToken(db.prisma, userId) };
    expect((await invitationProviders(db.prisma, invitation.token))!.map((p) => p.id).sort()).toEqual([haaglanden, delft].sort());
    const started = await done(startInvitationLink(db.prisma, invitation.token, delft));
    const claims = { iss: DELFT_ISSUER, sub: "nieuwe-collega", email_verified: true };
    // No session is needed: the invitation is the authorisation.
    expect(await completeIdentityLink(db.prisma, { token: started.token, providerId: delft, claims, currentSessionId: null })).toEqual({
      ok: true,
      via: "uitnodiging",
      label: "Gemeente Delft",
    });
    expect((await db.prisma.accountLink.findFirstOrThrow({ where: { userId } })).usedAt).not.toBeNull();
    expect(await resolveOidcLogin(db.prisma, { providerId: delft, claims })).toMatchObject({ ok: true, userId });
    expect(await db.prisma.session.count({ where: { userId } })).toBe(0);
    // The used invitation authorises nothing more.
    expect(await startInvitationLink(db.prisma, invitation.token, haaglanden)).toEqual(notFound(ACCOUNT_LINK_MESSAGES.verlopen));
    expect(await invitationProviders(db.prisma, invitation.token)).toBeNull();
  });

  it("lets a user see and remove only their own links; after removal the identity no longer signs in", async () => {
    const officer = actorOf(accounts.officerDelft);
    const rijswijk = actorOf(accounts.officerRijswijk);
    const links = await listOwnIdentityLinks(db.prisma, officer);
    expect(links.map((l) => l.providerLabel)).toEqual(["Regio Haaglanden"]);
    expect((await listOwnIdentityLinks(db.prisma, rijswijk)).map((l) => l.id)).not.toContain(links[0]!.id);
    // Someone else's link: not found, audited, nothing removed.
    expect(await removeOwnIdentityLink(db.prisma, rijswijk, { linkId: links[0]!.id, ip: "192.0.2.7" })).toEqual(notFound());
    expect(await db.prisma.auditEntry.findMany({ where: { actorId: rijswijk.userId, action: "toegang.geweigerd", targetType: "IdentityLink" } })).toEqual([
      expect.objectContaining({ targetId: links[0]!.id, ip: "192.0.2.7", details: { handeling: "koppeling verwijderen" } }),
    ]);
    expect(await db.prisma.identityLink.count({ where: { id: links[0]!.id } })).toBe(1);

    expect(await removeOwnIdentityLink(db.prisma, officer, { linkId: links[0]!.id })).toMatchObject({ status: "ok" });
    expect(await db.prisma.auditEntry.count({ where: { actorId: officer.userId, action: "account.identiteit-ontkoppeld" } })).toBe(1);
    expect(await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims: { iss: HAAGLANDEN_ISSUER, sub: "delft-jan" } })).toEqual({
      ok: false,
      reason: "niet-gekoppeld",
    });
  });

  it("a beheerder's OIDC session must still pass the app's own second factor", async () => {
    // The beheerder has no factor yet.
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: accounts.beheerder.email } });
    expect(admin).toMatchObject({ totpEnabled: false, totpSecret: null });
    const claims = { iss: HAAGLANDEN_ISSUER, sub: "beheerder-anna", email_verified: true };
    expect((await link(accounts.beheerder.email, haaglanden, claims)).completed).toMatchObject({ ok: true });
    const login = await resolveOidcLogin(db.prisma, { providerId: haaglanden, claims });
    expect(login).toEqual({ ok: true, userId: admin.id, mfaSatisfied: false });

    // Set-up from the OIDC session, as the page does when the factor is not on yet.
    const first = await createSession(db.prisma, { userId: admin.id, method: "oidc", mfaSatisfied: false });
    const setup = (await pendingTotpSetup(db.prisma, admin))!;
    const step = timeStepAt(unixSeconds());
    expect(
      await confirmTotpSetup(db.prisma, {
        userId: admin.id,
        sessionId: first,
        values: { code: await generate({ secret: setup.secret, epoch: (step - 1) * 30 }) },
      }),
    ).toMatchObject({ status: "ok" });
    expect((await loadSession(db, first))!.mfaSatisfied).toBe(true);

    // Code entry on a later OIDC session: a wrong code is refused and counted, a good code works once.
    const second = await createSession(db.prisma, { userId: admin.id, method: "oidc", mfaSatisfied: false });
    const input = { userId: admin.id, email: admin.email, sessionId: second };
    expect(await completeSecondFactor(db.prisma, { ...input, values: { code: "000000" } })).toEqual(invalid({ code: WRONG_SECOND_FACTOR }));
    expect((await loadSession(db, second))!.mfaSatisfied).toBe(false);
    const code = await generate({ secret: setup.secret, epoch: step * 30 });
    expect(await completeSecondFactor(db.prisma, { ...input, values: { code } })).toEqual(ok());
    expect((await loadSession(db, second))!.mfaSatisfied).toBe(true);
    const third = await createSession(db.prisma, { userId: admin.id, method: "oidc", mfaSatisfied: false });
    expect(await completeSecondFactor(db.prisma, { ...input, sessionId: third, values: { code } })).toEqual(invalid({ code: WRONG_SECOND_FACTOR }));
    expect(await db.prisma.auditEntry.count({ where: { action: "auth.tweede-factor-gebruikt", targetId: admin.id } })).toBe(1);
    expect(
      await db.prisma.auditEntry.count({
        where: { action: "auth.inloggen-mislukt", targetId: admin.id, details: { path: ["reden"], equals: "onjuiste code tweede factor" } },
      }),
    ).toBe(2);
  });
});
