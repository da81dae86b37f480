// The account e-mails on both databases: invitations and reset links go to the account's own
// address in the transaction that makes the link (the person who sends one never holds it);
// "Wachtwoord vergeten?" answers the same for every address, is rate-limited per address typed and
// per client address, and its link works once and for 30 minutes, ends every session and sends a
// notice; a password, second factor, recovery codes or identity link that changes sends the
// account a security notice in the transaction of the change.
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import {
  issueAccountLink,
  queueAccountLinkMail,
  createAccountLink,
  describeAccountLink,
  redeemAccountLink,
  ACCOUNT_LINK_MESSAGES,
} from "@/lib/beheer/account-links";
import { createIdentityProvider } from "@/lib/beheer/identiteitsproviders";
import { changeOwnPassword } from "@/lib/auth/password-change";
import { verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset, RESET_LIMITS } from "@/lib/auth/password-reset";
import { completeIdentityLink, removeOwnIdentityLink, startSessionLink } from "@/lib/auth/oidc";
import { confirmTotpSetup, pendingTotpSetup, renewRecoveryCodes } from "@/lib/auth/second-factor";
import { createSession, loadSession } from "@/lib/auth/sessions";
import { timeStepAt, unixSeconds } from "@/lib/auth/totp";
import { PASSWORD_RESET_REQUESTED } from "@/lib/shared/auth/password-reset-schema";
import type { Result } from "@/lib/shared/result";
import { actorOf, BEHEERDER, createRegio, createUser, leaderOf, officerOf } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { mailedToken, messagesTo } from "../support/outbox";

const PASSWORD = "een lange zin als wachtwoord";
const NEW_PASSWORD = "een heel andere lange zin";
const MINUTE = 60_000;
const ISSUER = "https://login.mail-test.example";

async function done<T>(promise: Promise<Result<T, unknown>>): Promise<T> {
  const result = await promise;
  expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
  return (result as { data: T }).data;
}

describe.each(DATABASE_KINDS)("account e-mail on the %s database", (kind) => {
  let db: TestDatabase;
  let beheerder: Actor;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let counter = 0;
  /** A fresh client address per test, so that one test's requests do not count against another's. */
  const nextIp = () => `192.0.2.${++counter}`;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    regio = await createRegio(db.prisma, { name: "Haaglanden", gemeenten: ["Delft"] });
    beheerder = actorOf(await createUser(db.prisma, { name: "Bea Beheer", grants: [BEHEERDER] }));
  });
  afterAll(() => db?.drop());

  const officer = (input: { password?: string; active?: boolean } = {}) => createUser(db.prisma, { grants: [officerOf(regio.gemeenten[0]!)], ...input });

  describe("invitations", () => {
    it("queue a secret UITNODIGING to the invitee in the transaction that makes the link, naming the gemeente and regio; the sender gets no link", async () => {
      const invitee = await officer();
      const result = await createAccountLink(db.prisma, beheerder, { userId: invitee.id, purpose: "UITNODIGING" });
      expect(result.status).toBe("ok");
      expect(JSON.stringify(result)).not.toMatch(/account\/link|[A-Za-z0-9_-]{43}/);
      expect(result).toMatchObject({
        data: { email: invitee.email, purpose: "UITNODIGING" },
        message: expect.stringContaining(`verstuurd naar ${invitee.email}`),
      });

      const [message, ...more] = await messagesTo(db.prisma, invitee.id);
      expect(more).toEqual([]);
      expect(message).toMatchObject({
        kind: "UITNODIGING",
        to: invitee.email,
        secret: true,
        status: "WACHTEND",
        gemeenteId: regio.gemeenten[0]!.id,
        regioId: regio.id,
        subject: "Uitnodiging: uw account voor de Zelfscan Werken aan Veiligheid",
      });
      expect(message!.text).toContain("Gemeente Delft · regio Haaglanden");
      expect(message!.text).toContain("Bea Beheer nodigt u uit");
      expect(message!.text).toContain("beleidsmedewerker voor Delft");
      expect(message!.html).toContain('<html lang="nl">');
      // A security kind: no unsubscribe footer.
      expect(message!.text).not.toContain("Meld u af");
      const token = await mailedToken(db.prisma, invitee.id);
      expect(await describeAccountLink(db.prisma, token)).toMatchObject({ status: "geldig", purpose: "UITNODIGING" });
      // The link's audit entry says it was sent, and holds no token.
      const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "account.uitnodiging-gemaakt", targetId: invitee.id } });
      expect(entry.details).toMatchObject({ verstuurd: "e-mail" });
      expect(JSON.stringify(entry)).not.toContain(token);
    });

    it("renewing sends a new mail and the old link stops working", async () => {
      const invitee = await officer();
      await done(createAccountLink(db.prisma, beheerder, { userId: invitee.id, purpose: "UITNODIGING" }));
      const first = await mailedToken(db.prisma, invitee.id);
      await done(createAccountLink(db.prisma, beheerder, { userId: invitee.id, purpose: "UITNODIGING" }));
      const second = await mailedToken(db.prisma, invitee.id);
      expect(second).not.toBe(first);
      expect(await messagesTo(db.prisma, invitee.id, "UITNODIGING")).toHaveLength(2);
      expect(await describeAccountLink(db.prisma, first)).toEqual({ status: "verlopen" });
      expect((await redeemAccountLink(db.prisma, first, { password: PASSWORD, passwordConfirm: PASSWORD })).status).toBe("not-found");
      expect((await redeemAccountLink(db.prisma, second, { password: PASSWORD, passwordConfirm: PASSWORD })).status).toBe("ok");
    });

    it("a project leader who renews an invitation holds no link either; the mail names the leader", async () => {
      const leaderUser = await createUser(db.prisma, { name: "Pim Projectleider", grants: [leaderOf(regio)] });
      const invitee = await officer();
      const result = await createAccountLink(db.prisma, actorOf(leaderUser), { userId: invitee.id, purpose: "UITNODIGING" });
      expect(JSON.stringify(result)).not.toMatch(/account\/link|[A-Za-z0-9_-]{43}/);
      const [message] = await messagesTo(db.prisma, invitee.id, "UITNODIGING");
      expect(message!.text).toContain("Pim Projectleider nodigt u uit");
    });

    it("the link and its mail commit together or not at all", async () => {
      const invitee = await officer();
      const failure = new Error("de wijziging mislukt");
      await expect(
        db.prisma.$transaction(async (tx) => {
          const link = await issueAccountLink(tx, { userId: invitee.id, purpose: "UITNODIGING", createdById: beheerder.userId, now: new Date() });
          await queueAccountLinkMail(tx, { userId: invitee.id, purpose: "UITNODIGING", link, madeBy: null });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await db.prisma.accountLink.count({ where: { userId: invitee.id } })).toBe(0);
      expect(await messagesTo(db.prisma, invitee.id)).toEqual([]);
      // A deactivated account gets neither.
      const inactive = await officer({ active: false });
      expect((await createAccountLink(db.prisma, beheerder, { userId: inactive.id, purpose: "UITNODIGING" })).status).toBe("locked");
      expect(await messagesTo(db.prisma, inactive.id)).toEqual([]);
    });
  });

  describe("Wachtwoord vergeten?", () => {
    it("answers the same for an active account, an unknown address, a deactivated account and one that signs in through its organisation; only the first gets a link", async () => {
      const active = await officer({ password: PASSWORD });
      const deactivated = await officer({ password: PASSWORD, active: false });
      const organisationOnly = await officer();
      const provider = await db.prisma.identityProvider.create({
        data: {
          id: `idp-${kind}-organisatie`,
          label: "Gemeente Delft (Entra ID)",
          kind: "OIDC",
          issuer: "https://login.delft.example",
          clientId: "zelfscan",
          clientSecret: "versleuteld",
        },
      });
      await db.prisma.identityLink.create({ data: { userId: organisationOnly.id, providerId: provider.id, subject: `oidc:${provider.issuer}#piet` } });

      const answers = [];
      for (const email of [active.email, "niemand@nergens.example", deactivated.email, organisationOnly.email]) {
        answers.push(await requestPasswordReset(db.prisma, { email: `  ${email.toUpperCase()} ` }, { ip: nextIp() }));
      }
      expect(answers[0]).toEqual({ status: "ok", data: null, message: PASSWORD_RESET_REQUESTED });
      for (const answer of answers) expect(answer).toEqual(answers[0]);

      const [reset] = await messagesTo(db.prisma, active.id);
      expect(reset).toMatchObject({ kind: "WACHTWOORD_HERSTEL", to: active.email, secret: true, subject: "Stel een nieuw wachtwoord in" });
      expect(reset!.text).toMatch(/\/account\/link\/[A-Za-z0-9_-]{43}/);
      expect(await messagesTo(db.prisma, deactivated.id)).toEqual([]);
      expect(await db.prisma.message.count({ where: { to: "niemand@nergens.example" } })).toBe(0);
      // The organisation-only account gets no link (it would get a password beside its organisation's login): where to sign in instead.
      const [note, ...others] = await messagesTo(db.prisma, organisationOnly.id);
      expect(others).toEqual([]);
      expect(note).toMatchObject({ kind: "WACHTWOORD_HERSTEL", secret: false, subject: "U logt in via uw organisatie" });
      expect(note!.text).toContain("Gemeente Delft (Entra ID)");
      expect(note!.text).not.toMatch(/\/account\/link\//);
      expect(await db.prisma.accountLink.count({ where: { userId: { in: [organisationOnly.id, deactivated.id] } } })).toBe(0);
      // Each request is in the audit log with its outcome.
      const outcomes = await db.prisma.auditEntry.findMany({ where: { action: "account.wachtwoord-vergeten" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
      expect(outcomes.slice(-4).map((entry) => (entry.details as { uitkomst: string }).uitkomst)).toEqual([
        "link verstuurd",
        "geen account",
        "gedeactiveerd",
        "inloggen via organisatie gemeld",
      ]);
    });

    it("refuses a malformed address with a message on the field, the same for everyone", async () => {
      expect(await requestPasswordReset(db.prisma, { email: "geen-adres" }, { ip: nextIp() })).toMatchObject({
        status: "invalid",
        fieldErrors: { email: "Vul een geldig e-mailadres in, zoals naam@gemeente.nl." },
      });
      expect((await requestPasswordReset(db.prisma, { email: "a@b.example", extra: 1 }, { ip: nextIp() })).status).toBe("invalid");
    });

    it("is limited per address typed, the same for an address with and without an account", async () => {
      const active = await officer({ password: PASSWORD });
      for (const email of [active.email, "onbekend-limiet@nergens.example"]) {
        const answers = [];
        for (let i = 0; i <= RESET_LIMITS.email.points; i++) answers.push(await requestPasswordReset(db.prisma, { email }, { ip: nextIp() }));
        expect(answers.slice(0, RESET_LIMITS.email.points).map((answer) => answer.status)).toEqual(Array(RESET_LIMITS.email.points).fill("ok"));
        expect(answers.at(-1)).toMatchObject({ status: "locked", message: expect.stringMatching(/te vaak .* Probeer het over (60|59) minuten opnieuw/) });
      }
      // Only the requests within the limit sent a mail.
      expect(await messagesTo(db.prisma, active.id, "WACHTWOORD_HERSTEL")).toHaveLength(RESET_LIMITS.email.points);
    });

    it("is limited per client address, whatever addresses it types", async () => {
      const ip = "2001:db8:1:2::1";
      for (let i = 0; i < RESET_LIMITS.address.points; i++) {
        expect((await requestPasswordReset(db.prisma, { email: `iemand-${i}@adres-limiet.example` }, { ip })).status).toBe("ok");
      }
      // Another address of the same /64 counts as the same client.
      const over = await requestPasswordReset(db.prisma, { email: "nog-iemand@adres-limiet.example" }, { ip: "2001:db8:1:2::ffff" });
      expect(over.status).toBe("locked");
      expect((await requestPasswordReset(db.prisma, { email: "nog-iemand@adres-limiet.example" }, { ip: nextIp() })).status).toBe("ok");
    });

    it("the link works for 30 minutes, once; a newer request makes the earlier one stop working", async () => {
      const user = await officer({ password: PASSWORD });
      const madeAt = new Date();
      await requestPasswordReset(db.prisma, { email: user.email }, { ip: nextIp(), now: madeAt });
      const token = await mailedToken(db.prisma, user.id);
      expect(await describeAccountLink(db.prisma, token, new Date(madeAt.getTime() + 30 * MINUTE - 1000))).toMatchObject({
        status: "geldig",
        purpose: "WACHTWOORD_HERSTEL",
      });
      const late = new Date(madeAt.getTime() + 30 * MINUTE);
      expect(await describeAccountLink(db.prisma, token, late)).toEqual({ status: "verlopen" });
      expect(await redeemAccountLink(db.prisma, token, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }, late)).toEqual({
        status: "not-found",
        message: ACCOUNT_LINK_MESSAGES.verlopen,
      });

      await requestPasswordReset(db.prisma, { email: user.email }, { ip: nextIp() });
      const older = await mailedToken(db.prisma, user.id);
      await requestPasswordReset(db.prisma, { email: user.email }, { ip: nextIp() });
      const newer = await mailedToken(db.prisma, user.id);
      expect(await describeAccountLink(db.prisma, older)).toEqual({ status: "verlopen" });
      expect((await redeemAccountLink(db.prisma, newer, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).status).toBe("ok");
      expect(await redeemAccountLink(db.prisma, newer, { password: PASSWORD, passwordConfirm: PASSWORD })).toEqual({
        status: "not-found",
        message: ACCOUNT_LINK_MESSAGES.gebruikt,
      });
      const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(await verifyPassword(stored.passwordHash!, NEW_PASSWORD)).toBe(true);
    });

    it("redeeming follows the password policy, ends every session of the user, says so, and sends the notice in the same transaction; audited", async () => {
      const user = await officer({ password: PASSWORD });
      const sessions = [
        await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true }),
        await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true }),
      ];
      await requestPasswordReset(db.prisma, { email: user.email }, { ip: nextIp() });
      const token = await mailedToken(db.prisma, user.id);
      expect(await redeemAccountLink(db.prisma, token, { password: "kort", passwordConfirm: "kort" })).toMatchObject({
        status: "invalid",
        fieldErrors: { password: "Het wachtwoord moet minstens 12 tekens lang zijn." },
      });
      expect(await redeemAccountLink(db.prisma, token, { password: "Qwerty123456", passwordConfirm: "Qwerty123456" })).toMatchObject({ status: "invalid" });
      for (const session of sessions) expect(await loadSession(db, session)).not.toBeNull();
      expect(await messagesTo(db.prisma, user.id, "BEVEILIGING")).toEqual([]);

      const redeemed = await redeemAccountLink(db.prisma, token, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
      expect(redeemed).toMatchObject({
        status: "ok",
        data: { email: user.email, purpose: "WACHTWOORD_HERSTEL", sessionsEnded: 2 },
        message: expect.stringContaining("u bent overal uitgelogd"),
      });
      for (const session of sessions) expect(await loadSession(db, session)).toBeNull();
      const [notice, ...more] = await messagesTo(db.prisma, user.id, "BEVEILIGING");
      expect(more).toEqual([]);
      expect(notice).toMatchObject({ subject: "Uw wachtwoord is opnieuw ingesteld", secret: false, status: "WACHTEND" });
      expect(notice!.text).toMatch(/Dit gebeurde op \d+ \w+ \d{4} om \d\d:\d\d \(Nederlandse tijd\)\./);
      expect(notice!.text).toContain("Was u dit niet?");
      expect(notice!.text).not.toMatch(/\/account\/link\//);
      const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "account.wachtwoord-hersteld", targetId: user.id } });
      expect(entry.details).toMatchObject({ sessiesBeeindigd: 2, gemaaktDoor: null });
    });
  });

  describe("security notices", () => {
    const notices = async (userId: string) => (await messagesTo(db.prisma, userId, "BEVEILIGING")).map((message) => message.subject);

    it("when the password is changed on the account page, with the time in Europe/Amsterdam", async () => {
      const user = await officer({ password: PASSWORD });
      const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
      const at = new Date("2026-07-01T10:15:00Z");
      const changed = await changeOwnPassword(
        db.prisma,
        { userId: user.id, sessionId },
        { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
        { now: at },
      );
      expect(changed.status).toBe("ok");
      const [notice] = await messagesTo(db.prisma, user.id, "BEVEILIGING");
      expect(notice).toMatchObject({ subject: "Uw wachtwoord is gewijzigd", to: user.email, gemeenteId: regio.gemeenten[0]!.id });
      // Summer time: 10:15 UTC is 12:15 in the Netherlands.
      expect(notice!.text).toContain("1 juli 2026 om 12:15");
      // A wrong current password changes nothing and sends nothing.
      await changeOwnPassword(
        db.prisma,
        { userId: user.id, sessionId },
        { currentPassword: "helemaal niet goed", password: PASSWORD, passwordConfirm: PASSWORD },
      );
      expect(await notices(user.id)).toEqual(["Uw wachtwoord is gewijzigd"]);
    });

    it("when the second factor is set up and when the recovery codes are renewed", async () => {
      const user = await officer({ password: PASSWORD });
      const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: false });
      const setup = (await pendingTotpSetup(db.prisma, user))!;
      const step = timeStepAt(unixSeconds());
      expect(await notices(user.id)).toEqual([]);
      await done(
        confirmTotpSetup(db.prisma, { userId: user.id, sessionId, values: { code: await generate({ secret: setup.secret, epoch: (step - 1) * 30 }) } }),
      );
      expect(await notices(user.id)).toEqual(["Tweestapsverificatie is ingesteld"]);
      expect((await renewRecoveryCodes(db.prisma, { userId: user.id, values: { code: "000000" } })).status).toBe("invalid");
      expect(await notices(user.id)).toEqual(["Tweestapsverificatie is ingesteld"]);
      await done(renewRecoveryCodes(db.prisma, { userId: user.id, values: { code: await generate({ secret: setup.secret, epoch: step * 30 }) } }));
      expect(await notices(user.id)).toEqual(["Tweestapsverificatie is ingesteld", "Uw herstelcodes zijn vernieuwd"]);
      const [, renewed] = await messagesTo(db.prisma, user.id, "BEVEILIGING");
      // The notice never carries a code.
      expect(renewed!.text).not.toMatch(/\b[0-9a-z]{4}-[0-9a-z]{4}\b/);
    });

    it("when an identity link is added and when it is removed", async () => {
      const user = await officer({ password: PASSWORD });
      const providerId = (
        await done(
          createIdentityProvider(db.prisma, beheerder, {
            values: {
              label: "Regio Haaglanden",
              kind: "OIDC",
              issuer: ISSUER,
              tenantId: "",
              clientId: "zelfscan",
              clientSecret: "geheim-van-de-client-0123456789",
              gemeenteIds: [],
              regioIds: [regio.id],
              mayBeheerders: false,
            },
          }),
        )
      ).id;
      const sessionId = await createSession(db.prisma, { userId: user.id, method: "password", mfaSatisfied: true });
      const started = await done(startSessionLink(db.prisma, { sessionId, userId: user.id, method: "password", mfaSatisfied: true }, providerId));
      const completed = await completeIdentityLink(db.prisma, {
        token: started.token,
        providerId,
        claims: { iss: ISSUER, sub: `medewerker-${user.id}`, email_verified: true },
        currentSessionId: sessionId,
      });
      expect(completed).toMatchObject({ ok: true });
      expect(await notices(user.id)).toEqual(["Uw account is gekoppeld aan uw organisatie"]);
      const link = await db.prisma.identityLink.findFirstOrThrow({ where: { userId: user.id } });
      // Someone else cannot remove it, and that sends nothing.
      const other = await officer({ password: PASSWORD });
      expect((await removeOwnIdentityLink(db.prisma, actorOf(other), { linkId: link.id })).status).toBe("not-found");
      await done(removeOwnIdentityLink(db.prisma, actorOf(user), { linkId: link.id }));
      expect(await notices(user.id)).toEqual(["Uw account is gekoppeld aan uw organisatie", "Een koppeling van uw account is verwijderd"]);
      expect(await notices(other.id)).toEqual([]);
      const [, removed] = await messagesTo(db.prisma, user.id, "BEVEILIGING");
      expect(removed!.text).toContain("De koppeling van uw account met Regio Haaglanden is verwijderd.");
    });
  });
});
