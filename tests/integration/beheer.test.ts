// Account management (lib/beheer) on both databases with the demo data: scope of beheerder and
// project leader, one-time links, deactivation, mass assignment, and one audit entry per change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createSession, loadSession } from "@/lib/auth/sessions";
import { seedDemoData } from "@/lib/demo/seed";
import { ACCOUNT_LINK_MESSAGES, createAccountLink, describeAccountLink, hashToken, redeemAccountLink } from "@/lib/beheer/account-links";
import { listAuditActions, listAuditEntries } from "@/lib/beheer/audit-log";
import { addGrant, createUser, deactivateUser, getUser, listUsers, reactivateUser, removeGrant, updateUser } from "@/lib/beheer/gebruikers";
import { decideInvitation, listInvitationsAwaitingLink, listOpenInvitations, listOwnInvitations, requestInvitation } from "@/lib/beheer/uitnodigingen";
import {
  createGemeente,
  createRegio,
  getBeheerOverview,
  getGemeente,
  getRegio,
  listGemeenteOptions,
  listGemeenten,
  listRegioOptions,
  listRegios,
  renameGemeente,
  renameRegio,
} from "@/lib/beheer/organisatie";
import {
  ZGemeenteCreateSchema,
  ZGemeenteRenameSchema,
  ZGrantSchema,
  ZRegioCreateSchema,
  ZRegioRenameSchema,
  ZUserCreateSchema,
  ZUserEditSchema,
} from "@/lib/shared/beheer/schemas";
import { notFound, type FieldErrors, type Result } from "@/lib/shared/result";
import { actorFor, ROLES } from "../support/actors";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { mailedToken } from "../support/outbox";

const PASSWORD = "een lange zin als wachtwoord";
const HOUR = 3_600_000;

type Refusal = { status: Exclude<Result["status"], "ok">; message: string; fieldErrors?: FieldErrors };

/** Runs a mutation that must be refused with this status, and returns its answer. */
async function expectRefused(promise: Promise<Result<unknown, unknown>>, status: Refusal["status"] = "not-found"): Promise<Refusal> {
  const result = await promise;
  expect(result.status).toBe(status);
  return result as Refusal;
}

/** Runs a mutation that must succeed, and returns its data. */
async function done<T>(promise: Promise<Result<T, unknown>>): Promise<T> {
  const result = await promise;
  expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
  return (result as { data: T }).data;
}

describe.each(DATABASE_KINDS)("beheer on the %s database", (kind) => {
  let db: TestDatabase;
  let beheerder: Actor;
  let leaderHaaglanden: Actor;
  let officerDelft: Actor;
  const ids = {} as Record<"delft" | "rijswijk" | "leiden" | "haaglanden" | "hollandsMidden" | "leidenUser" | "delftUser", string>;

  const gemeenteId = async (slug: string) => (await db.prisma.gemeente.findUniqueOrThrow({ where: { slug } })).id;
  const userId = async (email: string) => (await db.prisma.user.findUniqueOrThrow({ where: { email } })).id;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    await seedDemoData(db.prisma);
    beheerder = await actorFor(db.prisma, ROLES.beheerder);
    leaderHaaglanden = await actorFor(db.prisma, ROLES.leaderHaaglanden);
    officerDelft = await actorFor(db.prisma, ROLES.officerDelft);
    ids.delft = await gemeenteId("delft");
    ids.rijswijk = await gemeenteId("rijswijk");
    ids.leiden = await gemeenteId("leiden");
    ids.haaglanden = (await db.prisma.regio.findUniqueOrThrow({ where: { slug: "haaglanden" } })).id;
    ids.hollandsMidden = (await db.prisma.regio.findUniqueOrThrow({ where: { slug: "hollands-midden" } })).id;
    ids.leidenUser = await userId(ROLES.officerLeiden);
    ids.delftUser = await userId(ROLES.officerDelft);
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** Sends a link (it must succeed) and reads its token from the mail to the account, as its addressee would. */
  async function made(actor: Actor, input: { userId: string; purpose: "UITNODIGING" | "WACHTWOORD_HERSTEL"; now?: Date }) {
    const sent = await done(createAccountLink(db.prisma, actor, input));
    return { ...sent, token: await mailedToken(db.prisma, input.userId) };
  }

  /** Runs a mutation and returns the audit entries it wrote. */
  async function auditOf(run: () => Promise<unknown>) {
    const before = new Date(Date.now() - 1);
    const ids = new Set((await db.prisma.auditEntry.findMany({ select: { id: true } })).map((entry) => entry.id));
    await run();
    const after = await db.prisma.auditEntry.findMany({ where: { at: { gte: before } }, orderBy: { at: "asc" } });
    return after.filter((entry) => !ids.has(entry.id));
  }

  describe("one-time links", () => {
    it("an invitation link sets the password once, and the new password works", async () => {
      const { userId: newUser } = await done(
        createUser(db.prisma, beheerder, {
          values: {
            email: "  Nieuw.Lid@Delft.Example ",
            name: "Nieuw Lid",
            role: "BELEIDSMEDEWERKER",
            gemeenteId: ids.delft,
            regioId: "",
          },
        }),
      );
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: newUser } });
      expect(user.email).toBe("nieuw.lid@delft.example");
      expect(user.passwordHash).toBeNull();

      const link = await made(beheerder, { userId: newUser, purpose: "UITNODIGING" });
      expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * HOUR);
      expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(72 * HOUR);
      const stored = await db.prisma.accountLink.findFirstOrThrow({ where: { userId: newUser } });
      expect(stored.tokenHash).toBe(hashToken(link.token));
      expect(stored.tokenHash).not.toContain(link.token);
      expect(stored.purpose).toBe("UITNODIGING");

      expect(await describeAccountLink(db.prisma, link.token)).toEqual({
        status: "geldig",
        purpose: "UITNODIGING",
        email: "nieuw.lid@delft.example",
        expiresAt: link.expiresAt,
      });
      const result = await redeemAccountLink(db.prisma, link.token, { password: PASSWORD, passwordConfirm: PASSWORD });
      expect(result).toMatchObject({ status: "ok", data: { email: "nieuw.lid@delft.example", purpose: "UITNODIGING", sessionsEnded: 0 } });
      const updated = await db.prisma.user.findUniqueOrThrow({ where: { id: newUser } });
      expect(updated.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(updated.passwordHash!, PASSWORD)).toBe(true);

      // The second time: used, and the page learns nothing about the account.
      expect(await describeAccountLink(db.prisma, link.token)).toEqual({ status: "gebruikt" });
      expect(await redeemAccountLink(db.prisma, link.token, { password: "nog een ander wachtwoord", passwordConfirm: "nog een ander wachtwoord" })).toEqual({
        status: "not-found",
        message: ACCOUNT_LINK_MESSAGES.gebruikt,
      });
      expect(await verifyPassword((await db.prisma.user.findUniqueOrThrow({ where: { id: newUser } })).passwordHash!, PASSWORD)).toBe(true);
    });

    it("two simultaneous uses of one link: exactly one succeeds", async () => {
      const link = await made(beheerder, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" });
      const input = { password: PASSWORD, passwordConfirm: PASSWORD };
      const results = await Promise.all([redeemAccountLink(db.prisma, link.token, input), redeemAccountLink(db.prisma, link.token, input)]);
      expect(results.filter((result) => result.status === "ok")).toHaveLength(1);
      expect(await db.prisma.auditEntry.count({ where: { action: "account.wachtwoord-hersteld", targetId: ids.delftUser } })).toBe(1);
    });

    it("an invitation no longer works after 72 hours", async () => {
      const madeAt = new Date();
      const link = await made(beheerder, { userId: ids.delftUser, purpose: "UITNODIGING", now: madeAt });
      const justBefore = new Date(madeAt.getTime() + 72 * HOUR - 1000);
      const after72h = new Date(madeAt.getTime() + 72 * HOUR);
      expect((await describeAccountLink(db.prisma, link.token, justBefore)).status).toBe("geldig");
      expect(await describeAccountLink(db.prisma, link.token, after72h)).toEqual({ status: "verlopen" });
      expect(await redeemAccountLink(db.prisma, link.token, { password: PASSWORD, passwordConfirm: PASSWORD }, after72h)).toEqual({
        status: "not-found",
        message: ACCOUNT_LINK_MESSAGES.verlopen,
      });
      expect((await db.prisma.accountLink.findUniqueOrThrow({ where: { tokenHash: hashToken(link.token) } })).usedAt).toBeNull();
    });

    it("a new link makes older unused links of that user stop working", async () => {
      const first = await made(beheerder, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" });
      const second = await made(beheerder, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" });
      expect((await describeAccountLink(db.prisma, first.token)).status).toBe("verlopen");
      expect((await describeAccountLink(db.prisma, second.token)).status).toBe("geldig");
      expect((await redeemAccountLink(db.prisma, first.token, { password: PASSWORD, passwordConfirm: PASSWORD })).status).toBe("not-found");
      expect((await redeemAccountLink(db.prisma, second.token, { password: PASSWORD, passwordConfirm: PASSWORD })).status).toBe("ok");
    });

    it("refuses a password against the policy with Dutch messages per field, and keeps the link", async () => {
      const link = await made(beheerder, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" });
      const tooShort = await redeemAccountLink(db.prisma, link.token, { password: "kort", passwordConfirm: "kort" });
      expect(tooShort).toMatchObject({ status: "invalid", fieldErrors: { password: "Het wachtwoord moet minstens 12 tekens lang zijn." } });
      const common = await redeemAccountLink(db.prisma, link.token, { password: "Qwerty123456", passwordConfirm: "Qwerty123456" });
      expect(common).toMatchObject({ status: "invalid", fieldErrors: { password: expect.stringContaining("veelgebruikte") } });
      const ownEmail = await redeemAccountLink(db.prisma, link.token, { password: "Beleid@Delft.example", passwordConfirm: "Beleid@Delft.example" });
      expect(ownEmail).toMatchObject({ fieldErrors: { password: "Gebruik niet uw e-mailadres als wachtwoord." } });
      const mismatch = await redeemAccountLink(db.prisma, link.token, { password: PASSWORD, passwordConfirm: `${PASSWORD}!` });
      expect(mismatch).toMatchObject({ fieldErrors: { passwordConfirm: "De twee wachtwoorden zijn niet hetzelfde." } });
      expect((await describeAccountLink(db.prisma, link.token)).status).toBe("geldig");
    });

    it("an unknown or malformed token reveals nothing", async () => {
      expect(await describeAccountLink(db.prisma, "x".repeat(43))).toEqual({ status: "onbekend" });
      expect(await describeAccountLink(db.prisma, "../../etc/passwd")).toEqual({ status: "onbekend" });
      expect(await redeemAccountLink(db.prisma, "x".repeat(43), { password: PASSWORD, passwordConfirm: PASSWORD })).toEqual({
        status: "not-found",
        message: ACCOUNT_LINK_MESSAGES.onbekend,
      });
    });

    it("using a link ends the user's open sessions", async () => {
      const sessionId = await createSession(db.prisma, { userId: ids.delftUser, method: "password", mfaSatisfied: true });
      expect(await loadSession(db, sessionId)).not.toBeNull();
      const link = await made(beheerder, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" });
      expect((await redeemAccountLink(db.prisma, link.token, { password: PASSWORD, passwordConfirm: PASSWORD })).status).toBe("ok");
      expect(await loadSession(db, sessionId)).toBeNull();
    });
  });

  describe("deactivation", () => {
    it("ends the user's sessions and open links; reactivation lets the user in again", async () => {
      const { userId: id } = await done(
        createUser(db.prisma, beheerder, {
          values: {
            email: "tijdelijk@rijswijk.example",
            name: "Tijdelijk",
            role: "BELEIDSMEDEWERKER",
            gemeenteId: ids.rijswijk,
          },
        }),
      );
      const link = await made(beheerder, { userId: id, purpose: "UITNODIGING" });
      const sessionId = await createSession(db.prisma, { userId: id, method: "password", mfaSatisfied: true });
      expect(await loadSession(db, sessionId)).not.toBeNull();

      const entries = await auditOf(() => deactivateUser(db.prisma, beheerder, { userId: id }));
      expect(entries.map((entry) => entry.action)).toEqual(["gebruiker.gedeactiveerd"]);
      expect(entries[0]).toMatchObject({ actorId: beheerder.userId, targetType: "User", targetId: id });
      expect(await loadSession(db, sessionId)).toBeNull();
      const session = await db.prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
      expect(session.revokedAt).not.toBeNull();
      expect((await db.prisma.user.findUniqueOrThrow({ where: { id } })).active).toBe(false);
      expect((await describeAccountLink(db.prisma, link.token)).status).toBe("onbekend");
      await expectRefused(createAccountLink(db.prisma, beheerder, { userId: id, purpose: "UITNODIGING" }), "locked");
      await expectRefused(deactivateUser(db.prisma, beheerder, { userId: id }), "conflict");

      // A revoked session stays revoked; a new login after reactivation works.
      await done(reactivateUser(db.prisma, beheerder, { userId: id }));
      expect(await loadSession(db, sessionId)).toBeNull();
      const fresh = await createSession(db.prisma, { userId: id, method: "password", mfaSatisfied: true });
      expect(await loadSession(db, fresh)).not.toBeNull();
    });

    it("the beheerder cannot deactivate their own account or drop their own beheerder role", async () => {
      await expectRefused(deactivateUser(db.prisma, beheerder, { userId: beheerder.userId }), "invalid");
      const own = await db.prisma.roleGrant.findFirstOrThrow({ where: { userId: beheerder.userId, role: "BEHEERDER" } });
      await expectRefused(removeGrant(db.prisma, beheerder, { userId: beheerder.userId, grantId: own.id }), "invalid");
    });
  });

  describe("project leader of Haaglanden", () => {
    it("lists only users with a role in a Haaglanden gemeente, with only those roles", async () => {
      const users = (await listUsers(db.prisma, leaderHaaglanden))!;
      const emails = users.map((user) => user.email);
      expect(emails).toContain(ROLES.officerDelft);
      expect(emails).toContain(ROLES.officerRijswijk);
      expect(emails).not.toContain(ROLES.officerLeiden);
      expect(emails).not.toContain(ROLES.beheerder);
      expect(emails).not.toContain(ROLES.leaderHollandsMidden);
      for (const user of users) {
        for (const grant of user.grants) {
          expect(grant.role).toBe("BELEIDSMEDEWERKER");
          expect([
            "Delft",
            "Den Haag",
            "Leidschendam-Voorburg",
            "Midden-Delfland",
            "Pijnacker-Nootdorp",
            "Rijswijk",
            "Wassenaar",
            "Westland",
            "Zoetermeer",
          ]).toContain(grant.gemeente?.name);
        }
      }
      expect((await listUsers(db.prisma, leaderHaaglanden, { gemeente: ids.leiden }))!).toEqual([]);
      expect((await listUsers(db.prisma, leaderHaaglanden, { zoek: "leiden" }))!).toEqual([]);
      expect((await listGemeenteOptions(db.prisma, leaderHaaglanden)).map((option) => option.name)).not.toContain("Leiden");
      expect(await listRegioOptions(db.prisma, leaderHaaglanden)).toEqual([]);
    });

    it("cannot see, invite for or make a link for Leiden, and each attempt is logged", async () => {
      const before = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: leaderHaaglanden.userId } });
      expect(await getUser(db.prisma, leaderHaaglanden, ids.leidenUser)).toBeNull();
      await expectRefused(
        requestInvitation(db.prisma, leaderHaaglanden, {
          values: { email: "nieuw@leiden.example", name: "Nieuw", role: "BELEIDSMEDEWERKER", gemeenteId: ids.leiden },
        }),
      );
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: ids.leidenUser, purpose: "WACHTWOORD_HERSTEL" }));
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: ids.leidenUser, purpose: "UITNODIGING" }));
      expect(await db.prisma.user.count({ where: { email: "nieuw@leiden.example" } })).toBe(0);
      expect(await db.prisma.invitationRequest.count({ where: { email: "nieuw@leiden.example" } })).toBe(0);
      expect(await db.prisma.accountLink.count({ where: { userId: ids.leidenUser } })).toBe(0);
      const after = await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: leaderHaaglanden.userId } });
      expect(after - before).toBe(4);
    });

    it("cannot appoint a project leader or beheerder, nor manage roles, status or regions", async () => {
      await expectRefused(createUser(db.prisma, leaderHaaglanden, { values: { email: "baas@x.example", name: "Baas", role: "BEHEERDER" } }));
      await expectRefused(requestInvitation(db.prisma, leaderHaaglanden, { values: { email: "baas@x.example", name: "Baas", role: "BEHEERDER" } }));
      await expectRefused(
        requestInvitation(db.prisma, leaderHaaglanden, { values: { email: "pl@x.example", name: "PL", role: "PROJECTLEIDER", regioId: ids.haaglanden } }),
      );
      expect(await db.prisma.invitationRequest.count({ where: { email: { in: ["baas@x.example", "pl@x.example"] } } })).toBe(0);
      await expectRefused(
        createUser(db.prisma, leaderHaaglanden, { values: { email: "pl@x.example", name: "PL", role: "PROJECTLEIDER", regioId: ids.haaglanden } }),
      );
      await expectRefused(addGrant(db.prisma, leaderHaaglanden, { userId: ids.delftUser, values: { role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk } }));
      await expectRefused(deactivateUser(db.prisma, leaderHaaglanden, { userId: ids.delftUser }));
      await expectRefused(updateUser(db.prisma, leaderHaaglanden, { userId: ids.delftUser, values: { name: "Andere naam" } }));
      await expectRefused(createRegio(db.prisma, leaderHaaglanden, { values: { name: "Eigen regio", slug: "eigen-regio" } }));
      await expectRefused(renameGemeente(db.prisma, leaderHaaglanden, { gemeenteId: ids.delft, values: { name: "Delft-Stad" } }));
      expect(await listRegios(db.prisma, leaderHaaglanden)).toBeNull();
      expect(await listGemeenten(db.prisma, leaderHaaglanden)).toBeNull();
      expect(await listAuditEntries(db.prisma, leaderHaaglanden, { pagina: 1 })).toBeNull();
    });

    it("invites a beleidsmedewerker for Rijswijk: the beheerder approves and makes the link; the account appears once active", async () => {
      const email = "collega@rijswijk.example";
      const entries = await auditOf(() =>
        requestInvitation(db.prisma, leaderHaaglanden, { values: { email, name: "Collega Rijswijk", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk } }),
      );
      expect(entries.map((entry) => entry.action)).toEqual(["account.uitnodiging-aangevraagd"]);
      expect(entries[0]).toMatchObject({ actorId: leaderHaaglanden.userId, gemeenteId: ids.rijswijk, regioId: ids.haaglanden });
      // Nothing exists yet but the request.
      expect(await db.prisma.user.count({ where: { email } })).toBe(0);
      const [own] = await listOwnInvitations(db.prisma, leaderHaaglanden);
      expect(own).toMatchObject({ email, gemeente: "Rijswijk", status: "OPEN" });

      const open = (await listOpenInvitations(db.prisma, beheerder))!.find((row) => row.id === own!.id)!;
      expect(open).toMatchObject({ email, existingAccount: null, requestedBy: { email: ROLES.leaderHaaglanden } });
      const approved = await auditOf(() => decideInvitation(db.prisma, beheerder, { requestId: own!.id, decision: "goedkeuren" }));
      expect(approved.map((entry) => entry.action)).toEqual(["gebruiker.aangemaakt", "account.uitnodiging-goedgekeurd"]);
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
      expect(user.roles.map((grant) => [grant.role, grant.gemeenteId])).toEqual([["BELEIDSMEDEWERKER", ids.rijswijk]]);
      expect((await listOwnInvitations(db.prisma, leaderHaaglanden))[0]!.status).toBe("GOEDGEKEURD");
      expect((await listInvitationsAwaitingLink(db.prisma, beheerder)).map((row) => row.email)).toContain(email);

      // Not in the leader's list until the account is active; then it is.
      expect((await listUsers(db.prisma, leaderHaaglanden))!.map((row) => row.email)).not.toContain(email);
      const link = await made(beheerder, { userId: user.id, purpose: "UITNODIGING" });
      expect((await redeemAccountLink(db.prisma, link.token, { password: PASSWORD, passwordConfirm: PASSWORD })).status).toBe("ok");
      expect((await listUsers(db.prisma, leaderHaaglanden))!.map((row) => row.email)).toContain(email);
      expect(JSON.stringify(await db.prisma.auditEntry.findMany({ where: { targetId: user.id } }))).not.toMatch(/[A-Za-z0-9_-]{43}/);
    });

    it("an approved account that signs in through its organisation alone is in use: the leader sees it, and the beheerder is not asked for a link", async () => {
      const email = "alleen-organisatie@rijswijk.example";
      await done(
        requestInvitation(db.prisma, leaderHaaglanden, { values: { email, name: "Alleen Organisatie", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk } }),
      );
      const [request] = (await listOwnInvitations(db.prisma, leaderHaaglanden)).filter((row) => row.email === email);
      await done(decideInvitation(db.prisma, beheerder, { requestId: request!.id, decision: "goedkeuren" }));
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
      expect((await listInvitationsAwaitingLink(db.prisma, beheerder)).map((row) => row.email)).toContain(email);
      const provider = await db.prisma.identityProvider.create({
        data: {
          id: "idp-rijswijk-2",
          label: "Rijswijk",
          kind: "OIDC",
          issuer: "https://login2.rijswijk.example",
          clientId: "zelfscan",
          clientSecret: "versleuteld",
        },
      });
      await db.prisma.identityLink.create({ data: { userId: user.id, providerId: provider.id, subject: "oidc:https://login2.rijswijk.example#bo" } });
      expect((await listInvitationsAwaitingLink(db.prisma, beheerder)).map((row) => row.email)).not.toContain(email);
      expect((await listUsers(db.prisma, leaderHaaglanden))!.map((row) => row.email)).toContain(email);
    });

    it("an existing account gets a Haaglanden role only after a beheerder approves, and keeps its name and single account", async () => {
      await done(
        requestInvitation(db.prisma, leaderHaaglanden, {
          values: { email: ROLES.officerDelft.toUpperCase(), name: "Genegeerd", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk },
        }),
      );
      const before = await db.prisma.roleGrant.count({ where: { userId: ids.delftUser } });
      const request = (await listOpenInvitations(db.prisma, beheerder))!.find((row) => row.email === ROLES.officerDelft)!;
      expect(request.existingAccount).toMatchObject({ id: ids.delftUser, hasPassword: true, hasGrantHere: false });
      expect(await db.prisma.roleGrant.count({ where: { userId: ids.delftUser } })).toBe(before);
      const decided = await auditOf(() => decideInvitation(db.prisma, beheerder, { requestId: request.id, decision: "goedkeuren" }));
      expect(decided.map((entry) => entry.action)).toEqual(["gebruiker.rol-toegekend", "account.uitnodiging-goedgekeurd"]);
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.delftUser }, include: { roles: true } });
      expect(user.name).toBe("Anouk de Vries");
      expect(user.roles.map((grant) => grant.gemeenteId).sort()).toEqual([ids.delft, ids.rijswijk].sort());
      expect(await db.prisma.user.count({ where: { email: ROLES.officerDelft } })).toBe(1);
      await expectRefused(decideInvitation(db.prisma, beheerder, { requestId: request.id, decision: "afwijzen" }), "conflict");
    });

    it("cannot make a link for a user who also holds a role outside the leader's authority", async () => {
      // Someone with a Delft role who is also beheerder: a leader resetting that password would take over a beheerder.
      const { userId: id } = await done(createUser(db.prisma, beheerder, { values: { email: "dubbel@delft.example", name: "Dubbel", role: "BEHEERDER" } }));
      await done(addGrant(db.prisma, beheerder, { userId: id, values: { role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft } }));
      await db.prisma.user.update({ where: { id }, data: { passwordHash: await hashPassword(PASSWORD) } });
      const seen = await getUser(db.prisma, leaderHaaglanden, id);
      expect(seen?.grants.map((grant) => grant.role)).toEqual(["BELEIDSMEDEWERKER"]);
      expect(seen?.may.makeLink).toBe(false);
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: id, purpose: "WACHTWOORD_HERSTEL" }));
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: id, purpose: "UITNODIGING" }));
      expect((await getUser(db.prisma, beheerder, id))?.may.makeLink).toBe(true);
      // Without a password, but with the beheerder role: still no invitation link from the leader.
      await db.prisma.user.update({ where: { id }, data: { passwordHash: null } });
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: id, purpose: "UITNODIGING" }));
    });
  });

  describe("project leaders cannot take over accounts", () => {
    const refusalsOf = (actor: Actor) =>
      // Two entries can share a millisecond; a cuid counts up within the process, so it breaks the tie.
      db.prisma.auditEntry.findMany({ where: { action: "toegang.geweigerd", actorId: actor.userId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

    it("a leader cannot make a reset link, nor an invitation link, for an officer of the region who has a password; each refusal is audited", async () => {
      const before = (await refusalsOf(leaderHaaglanden)).length;
      const links = await db.prisma.accountLink.count({ where: { userId: ids.delftUser } });
      expect((await getUser(db.prisma, leaderHaaglanden, ids.delftUser))?.may.makeLink).toBe(false);
      const reset = await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" }));
      const invite = await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: ids.delftUser, purpose: "UITNODIGING" }));
      // The same answer as for an account that does not exist.
      const missing = await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: "bestaat-niet", purpose: "UITNODIGING" }));
      expect(reset.message).toBe(missing.message);
      expect(invite.message).toBe(missing.message);
      expect(await db.prisma.accountLink.count({ where: { userId: ids.delftUser } })).toBe(links);
      const refusals = (await refusalsOf(leaderHaaglanden)).slice(before);
      expect(refusals.map((entry) => [entry.targetId, (entry.details as { handeling?: string }).handeling])).toEqual([
        [ids.delftUser, "wachtwoordherstellink maken"],
        [ids.delftUser, "uitnodigingslink maken (account is al in gebruik)"],
      ]);
      // The beheerder can.
      expect((await getUser(db.prisma, beheerder, ids.delftUser))?.may.makeLink).toBe(true);
      expect((await made(beheerder, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" })).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it("a leader may renew the invitation of someone in the region who never set a password; the redeemed link's audit entry names who made it", async () => {
      const { userId: id } = await done(
        createUser(db.prisma, beheerder, {
          values: { email: "nog-geen-wachtwoord@rijswijk.example", name: "Nog Niet", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk },
        }),
      );
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: id, purpose: "WACHTWOORD_HERSTEL" }));
      const link = await made(leaderHaaglanden, { userId: id, purpose: "UITNODIGING" });
      const used = await auditOf(() => redeemAccountLink(db.prisma, link.token, { password: PASSWORD, passwordConfirm: PASSWORD }));
      expect(used).toHaveLength(1);
      expect(used[0]).toMatchObject({ action: "account.uitnodiging-gebruikt", actorId: id, targetId: id });
      expect(used[0]!.details).toMatchObject({ gemaaktDoor: leaderHaaglanden.userId, gemaaktDoorEmail: ROLES.leaderHaaglanden });
      // Once the password is set, the leader can make no link at all any more.
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: id, purpose: "UITNODIGING" }));

      const reset = await made(beheerder, { userId: id, purpose: "WACHTWOORD_HERSTEL" });
      const resetUsed = await auditOf(() => redeemAccountLink(db.prisma, reset.token, { password: `${PASSWORD} twee`, passwordConfirm: `${PASSWORD} twee` }));
      expect(resetUsed[0]).toMatchObject({ action: "account.wachtwoord-hersteld", details: expect.objectContaining({ gemaaktDoor: beheerder.userId }) });
    });

    it("a leader cannot make an invitation link for an account that signs in through its organisation's identity provider (no password, but in use)", async () => {
      const { userId: id } = await done(
        createUser(db.prisma, beheerder, {
          values: { email: "alleen-oidc@rijswijk.example", name: "Alleen Oidc", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk },
        }),
      );
      const provider = await db.prisma.identityProvider.create({
        data: {
          id: "idp-rijswijk",
          label: "Rijswijk",
          kind: "OIDC",
          issuer: "https://login.rijswijk.example",
          clientId: "zelfscan",
          clientSecret: "versleuteld",
        },
      });
      await db.prisma.identityLink.create({ data: { userId: id, providerId: provider.id, subject: "oidc:https://login.rijswijk.example#anna" } });
      const links = await db.prisma.accountLink.count({ where: { userId: id } });
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: id, purpose: "UITNODIGING" }));
      expect(await db.prisma.accountLink.count({ where: { userId: id } })).toBe(links);
      // Nor for one that has signed in before and has no password (any more).
      const { userId: signedIn } = await done(
        createUser(db.prisma, beheerder, {
          values: { email: "al-ingelogd@rijswijk.example", name: "Al Ingelogd", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk },
        }),
      );
      await db.prisma.user.update({ where: { id: signedIn }, data: { lastLoginAt: new Date() } });
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: signedIn, purpose: "UITNODIGING" }));
      // The beheerder still can.
      expect((await made(beheerder, { userId: id, purpose: "UITNODIGING" })).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it("inviting an address with an account outside the region gets exactly the answer a new address gets, and nothing reveals which it was", async () => {
      const invite = (email: string) =>
        requestInvitation(db.prisma, leaderHaaglanden, { values: { email, name: "Iemand Nieuw", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk } });
      // The project leader of another region: an account a leader must not even learn exists.
      const otherId = await userId(ROLES.leaderHollandsMidden);
      const otherGrants = await db.prisma.roleGrant.count({ where: { userId: otherId } });
      const newAddress = "nieuw-adres@rijswijk.example";
      const answers = [await invite(ROLES.leaderHollandsMidden), await invite(newAddress)];
      expect(answers[0]).toEqual(answers[1]);

      // Invalid input: the same messages too.
      const bad = async (email: string) =>
        (
          await expectRefused(
            requestInvitation(db.prisma, leaderHaaglanden, { values: { email, name: "", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk } }),
            "invalid",
          )
        ).fieldErrors;
      expect(await bad(ROLES.leaderHollandsMidden)).toEqual(await bad(newAddress));
      const outside = async (email: string) =>
        (
          await expectRefused(
            requestInvitation(db.prisma, leaderHaaglanden, { values: { email, name: "X", role: "BELEIDSMEDEWERKER", gemeenteId: ids.leiden } }),
          )
        ).message;
      expect(await outside(ROLES.leaderHollandsMidden)).toBe(await outside(newAddress));

      // The leader's list of invitations: the same fields and status for both.
      const own = await listOwnInvitations(db.prisma, leaderHaaglanden);
      const shape = (email: string) => {
        const row = own.find((candidate) => candidate.email === email)!;
        return { keys: Object.keys(row).sort(), status: row.status, gemeente: row.gemeente, name: row.name, decidedAt: row.decidedAt };
      };
      expect(shape(ROLES.leaderHollandsMidden)).toEqual(shape(newAddress));
      // Neither is in the leader's user list, neither got a grant or an account, the other account is untouched.
      expect((await listUsers(db.prisma, leaderHaaglanden))!.map((row) => row.email)).not.toEqual(expect.arrayContaining([ROLES.leaderHollandsMidden]));
      expect(await getUser(db.prisma, leaderHaaglanden, otherId)).toBeNull();
      expect(await db.prisma.roleGrant.count({ where: { userId: otherId } })).toBe(otherGrants);
      expect(await db.prisma.user.count({ where: { email: newAddress } })).toBe(0);
      // The stored audit entries of both requests carry the same fields.
      const requested = await db.prisma.auditEntry.findMany({ where: { action: "account.uitnodiging-aangevraagd", actorId: leaderHaaglanden.userId } });
      const detailKeys = (email: string) =>
        Object.keys(requested.find((entry) => (entry.details as { email: string }).email === email)!.details as object).sort();
      expect(detailKeys(ROLES.leaderHollandsMidden)).toEqual(detailKeys(newAddress));

      // Only the beheerder sees which is which, and decides; both decisions are audited.
      const open = (await listOpenInvitations(db.prisma, beheerder))!;
      const otherRequest = open.find((row) => row.email === ROLES.leaderHollandsMidden)!;
      const newRequest = open.find((row) => row.email === newAddress)!;
      expect(otherRequest.existingAccount).toMatchObject({ id: otherId, hasPassword: true });
      expect(newRequest.existingAccount).toBeNull();
      const declined = await auditOf(() => decideInvitation(db.prisma, beheerder, { requestId: otherRequest.id, decision: "afwijzen" }));
      expect(declined.map((entry) => [entry.action, entry.actorId, entry.targetId])).toEqual([
        ["account.uitnodiging-afgewezen", beheerder.userId, otherRequest.id],
      ]);
      expect(declined[0]!.details).toMatchObject({ email: ROLES.leaderHollandsMidden, bestaandAccount: true, aangevraagdDoor: ROLES.leaderHaaglanden });
      const approved = await auditOf(() => decideInvitation(db.prisma, beheerder, { requestId: newRequest.id, decision: "afwijzen" }));
      expect(approved.map((entry) => entry.action)).toEqual(["account.uitnodiging-afgewezen"]);
      expect(await db.prisma.roleGrant.count({ where: { userId: otherId } })).toBe(otherGrants);
      const statuses = (await listOwnInvitations(db.prisma, leaderHaaglanden)).filter((row) =>
        [ROLES.leaderHollandsMidden, newAddress].includes(row.email as never),
      );
      expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(["AFGEWEZEN"]));

      // Approved, the existing account appears in the leader's list with only what the leader may see.
      await invite(ROLES.leaderHollandsMidden);
      const again = (await listOpenInvitations(db.prisma, beheerder))!.find((row) => row.email === ROLES.leaderHollandsMidden)!;
      await done(decideInvitation(db.prisma, beheerder, { requestId: again.id, decision: "goedkeuren" }));
      const row = (await listUsers(db.prisma, leaderHaaglanden))!.find((candidate) => candidate.email === ROLES.leaderHollandsMidden)!;
      expect(row.grants.map((grant) => grant.gemeente?.name)).toEqual(["Rijswijk"]);
      expect(row.lastLoginAt).toBeNull();
      const detail = (await getUser(db.prisma, leaderHaaglanden, otherId))!;
      expect(detail).toMatchObject({ lastLoginAt: null, createdAt: null, totpEnabled: false, openLinks: [] });
      expect(detail.may.makeLink).toBe(false);
      await expectRefused(createAccountLink(db.prisma, leaderHaaglanden, { userId: otherId, purpose: "WACHTWOORD_HERSTEL" }));
    });

    it("a leader cannot decide on invitations or see the open ones; each attempt is audited", async () => {
      await done(
        requestInvitation(db.prisma, leaderHaaglanden, {
          values: { email: "wacht@delft.example", name: "Wacht", role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft },
        }),
      );
      const request = await db.prisma.invitationRequest.findFirstOrThrow({ where: { email: "wacht@delft.example" } });
      const before = (await refusalsOf(leaderHaaglanden)).length;
      await expectRefused(decideInvitation(db.prisma, leaderHaaglanden, { requestId: request.id, decision: "goedkeuren" }));
      await expectRefused(decideInvitation(db.prisma, leaderHaaglanden, { requestId: request.id, decision: "afwijzen" }));
      expect(await listOpenInvitations(db.prisma, leaderHaaglanden)).toBeNull();
      expect(await listInvitationsAwaitingLink(db.prisma, leaderHaaglanden)).toEqual([]);
      await expectRefused(decideInvitation(db.prisma, officerDelft, { requestId: request.id, decision: "goedkeuren" }));
      await expectRefused(
        requestInvitation(db.prisma, officerDelft, { values: { email: "x@delft.example", name: "X", role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft } }),
      );
      expect((await refusalsOf(leaderHaaglanden)).slice(before).map((entry) => (entry.details as { handeling: string }).handeling)).toEqual([
        "uitnodiging goedkeuren",
        "uitnodiging afwijzen",
        "uitnodigingen bekijken",
      ]);
      expect((await db.prisma.invitationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("OPEN");
      expect(await db.prisma.user.count({ where: { email: "wacht@delft.example" } })).toBe(0);
      // Two beheerders deciding at once: one decision counts.
      const results = await Promise.all([
        decideInvitation(db.prisma, beheerder, { requestId: request.id, decision: "goedkeuren" }),
        decideInvitation(db.prisma, beheerder, { requestId: request.id, decision: "afwijzen" }),
      ]);
      expect(results.filter((result) => result.status === "ok")).toHaveLength(1);
      expect(results.filter((result) => result.status === "conflict")).toHaveLength(1);
    });
  });

  describe("refusals", () => {
    it("a refusal by role is logged for every attempt, with the target's scope where it exists; a malformed id is simply not found", async () => {
      const refusals = () =>
        db.prisma.auditEntry.findMany({ where: { action: "toegang.geweigerd", actorId: officerDelft.userId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
      const before = (await refusals()).length;
      expect(await renameGemeente(db.prisma, officerDelft, { gemeenteId: ids.delft, values: { name: "Eigen naam" } })).toEqual(notFound());
      expect(await renameGemeente(db.prisma, officerDelft, { gemeenteId: "bestaat-niet", values: { name: "Eigen naam" } })).toEqual(notFound());
      expect(await deactivateUser(db.prisma, officerDelft, { userId: "a\u0000b" })).toEqual(notFound());
      expect(await removeGrant(db.prisma, officerDelft, { userId: ids.leidenUser, grantId: 42 })).toEqual(notFound());
      expect(await createAccountLink(db.prisma, officerDelft, { userId: ids.leidenUser, purpose: "BEHEERDER" })).toEqual(notFound());
      const entries = (await refusals()).slice(before);
      expect(entries.map((entry) => [entry.targetType, entry.targetId, entry.gemeenteId, entry.regioId, entry.details])).toEqual([
        ["Gemeente", ids.delft, ids.delft, ids.haaglanden, { handeling: "gemeente hernoemen" }],
        ["Gemeente", "bestaat-niet", null, null, { handeling: "gemeente hernoemen" }],
      ]);
      expect((await db.prisma.gemeente.findUniqueOrThrow({ where: { id: ids.delft } })).name).toBe("Delft");
    });
  });

  describe("a beleidsmedewerker", () => {
    it("cannot do any beheer operation", async () => {
      const p = db.prisma;
      expect(await getBeheerOverview(p, officerDelft)).toBeNull();
      expect(await listUsers(p, officerDelft)).toBeNull();
      expect(await getUser(p, officerDelft, ids.delftUser)).toBeNull();
      expect(await listRegios(p, officerDelft)).toBeNull();
      expect(await getRegio(p, officerDelft, ids.haaglanden)).toBeNull();
      expect(await listGemeenten(p, officerDelft)).toBeNull();
      expect(await getGemeente(p, officerDelft, ids.delft)).toBeNull();
      expect(await listAuditEntries(p, officerDelft, { pagina: 1 })).toBeNull();
      expect(await listAuditActions(p, officerDelft)).toEqual([]);
      expect(await listGemeenteOptions(p, officerDelft)).toEqual([]);
      await expectRefused(createRegio(p, officerDelft, { values: { name: "R", slug: "r" } }));
      await expectRefused(renameRegio(p, officerDelft, { regioId: ids.haaglanden, values: { name: "R" } }));
      await expectRefused(createGemeente(p, officerDelft, { values: { name: "G", slug: "g", regioId: ids.haaglanden } }));
      await expectRefused(renameGemeente(p, officerDelft, { gemeenteId: ids.delft, values: { name: "G" } }));
      await expectRefused(createUser(p, officerDelft, { values: { email: "c@delft.example", name: "C", role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft } }));
      await expectRefused(updateUser(p, officerDelft, { userId: ids.delftUser, values: { name: "Zelf" } }));
      await expectRefused(addGrant(p, officerDelft, { userId: ids.delftUser, values: { role: "BEHEERDER" } }));
      const grant = await p.roleGrant.findFirstOrThrow({ where: { userId: ids.delftUser } });
      await expectRefused(removeGrant(p, officerDelft, { userId: ids.delftUser, grantId: grant.id }));
      await expectRefused(deactivateUser(p, officerDelft, { userId: ids.leidenUser }));
      await expectRefused(reactivateUser(p, officerDelft, { userId: ids.leidenUser }));
      await expectRefused(createAccountLink(p, officerDelft, { userId: ids.delftUser, purpose: "WACHTWOORD_HERSTEL" }));
      expect(await p.user.count({ where: { email: "c@delft.example" } })).toBe(0);
      expect((await p.user.findUniqueOrThrow({ where: { id: ids.delftUser } })).name).toBe("Anouk de Vries");
    });
  });

  describe("mass assignment", () => {
    it("every form schema refuses fields it does not have", () => {
      const cases: [{ safeParse(value: unknown): { success: boolean; error?: { issues: { code: string }[] } } }, object][] = [
        [ZRegioCreateSchema, { name: "R", slug: "r", gemeenteId: ids.delft }],
        [ZRegioRenameSchema, { name: "R", slug: "andere-slug" }],
        [ZGemeenteCreateSchema, { name: "G", slug: "g", regioId: ids.haaglanden, id: "eigen-id" }],
        [ZGemeenteRenameSchema, { name: "G", regioId: ids.hollandsMidden }],
        [ZUserCreateSchema, { email: "a@b.nl", name: "A", role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft, active: false }],
        [ZUserCreateSchema, { email: "a@b.nl", name: "A", role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft, passwordHash: "x" }],
        [ZUserEditSchema, { name: "A", role: "BEHEERDER" }],
        [ZUserEditSchema, { name: "A", active: true }],
        [ZUserEditSchema, { name: "A", email: "ander@x.nl" }],
        [ZUserEditSchema, { name: "A", status: "actief" }],
        [ZGrantSchema, { role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft, userId: ids.leidenUser }],
      ];
      for (const [schema, input] of cases) {
        const result = schema.safeParse(input);
        expect(result.success, JSON.stringify(input)).toBe(false);
        expect(result.error?.issues.map((issue) => issue.code)).toContain("unrecognized_keys");
      }
      // A scope that does not fit the role is refused too.
      expect(ZGrantSchema.safeParse({ role: "BELEIDSMEDEWERKER", gemeenteId: ids.delft, regioId: ids.haaglanden }).success).toBe(false);
      expect(ZGrantSchema.safeParse({ role: "BEHEERDER", gemeenteId: ids.delft }).success).toBe(false);
      expect(ZUserCreateSchema.safeParse({ email: "a@b.nl", name: "A", role: "PROJECTLEIDER", gemeenteId: ids.delft }).success).toBe(false);
    });

    it("the data layer refuses them with a Dutch message and changes nothing", async () => {
      const error = await expectRefused(
        updateUser(db.prisma, beheerder, { userId: ids.leidenUser, values: { name: "Fatima", active: false, role: "BEHEERDER" } }),
        "invalid",
      );
      expect(error.message).toBe("Het formulier bevat velden die hier niet zijn toegestaan: active, role. Er is niets opgeslagen.");
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.leidenUser }, include: { roles: true } });
      expect(user.active).toBe(true);
      expect(user.name).toBe("Fatima El Amrani");
      expect(user.roles.map((grant) => grant.role)).toEqual(["BELEIDSMEDEWERKER"]);
      await expectRefused(
        requestInvitation(db.prisma, leaderHaaglanden, {
          values: { email: "x@rijswijk.example", name: "X", role: "BELEIDSMEDEWERKER", gemeenteId: ids.rijswijk, active: true },
        }),
        "invalid",
      );
      expect(await db.prisma.invitationRequest.count({ where: { email: "x@rijswijk.example" } })).toBe(0);
      await expectRefused(renameGemeente(db.prisma, beheerder, { gemeenteId: ids.delft, values: { name: "Delft", regioId: ids.hollandsMidden } }), "invalid");
      expect((await db.prisma.gemeente.findUniqueOrThrow({ where: { id: ids.delft } })).regioId).toBe(ids.haaglanden);
    });

    it("validation errors come back in Dutch per field", async () => {
      const error = await expectRefused(
        createUser(db.prisma, beheerder, { values: { email: "geen-adres", name: " ", role: "BELEIDSMEDEWERKER", gemeenteId: "" } }),
        "invalid",
      );
      expect(error.fieldErrors).toEqual({
        email: "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
        name: "Vul de naam in.",
        gemeenteId: "Kies de gemeente van de beleidsmedewerker.",
      });
      const slug = await expectRefused(
        createGemeente(db.prisma, beheerder, { values: { name: "Delft 2", slug: "delft", regioId: ids.haaglanden } }),
        "invalid",
      );
      expect(slug.fieldErrors).toEqual({ slug: "Deze korte naam is al in gebruik. Kies een andere." });
      const badSlug = await expectRefused(createRegio(db.prisma, beheerder, { values: { name: "Regio", slug: "Met Spaties" } }), "invalid");
      expect(badSlug.fieldErrors?.slug).toBe("Gebruik alleen kleine letters, cijfers en streepjes, zoals den-haag.");
    });
  });

  describe("audit", () => {
    it("every mutation leaves exactly one audit entry with actor, time and target", async () => {
      const p = db.prisma;
      let regioId = "";
      let gemeenteIdNew = "";
      let userIdNew = "";
      let grantId = "";
      const steps: [string, () => Promise<unknown>, () => string][] = [
        [
          "regio.aangemaakt",
          async () => (regioId = (await done(createRegio(p, beheerder, { values: { name: "Testregio", slug: "testregio" } }))).id),
          () => regioId,
        ],
        ["regio.hernoemd", () => renameRegio(p, beheerder, { regioId, values: { name: "Testregio Noord" } }), () => regioId],
        [
          "gemeente.aangemaakt",
          async () => (gemeenteIdNew = (await done(createGemeente(p, beheerder, { values: { name: "Testdorp", slug: "testdorp", regioId } }))).id),
          () => gemeenteIdNew,
        ],
        ["gemeente.hernoemd", () => renameGemeente(p, beheerder, { gemeenteId: gemeenteIdNew, values: { name: "Testdorp aan Zee" } }), () => gemeenteIdNew],
        [
          "gebruiker.aangemaakt",
          async () =>
            (userIdNew = (await done(createUser(p, beheerder, { values: { email: "test@testdorp.example", name: "Test", role: "PROJECTLEIDER", regioId } })))
              .userId),
          () => userIdNew,
        ],
        ["gebruiker.gewijzigd", () => updateUser(p, beheerder, { userId: userIdNew, values: { name: "Test Persoon" } }), () => userIdNew],
        [
          "gebruiker.rol-toegekend",
          () => addGrant(p, beheerder, { userId: userIdNew, values: { role: "BELEIDSMEDEWERKER", gemeenteId: gemeenteIdNew } }),
          () => userIdNew,
        ],
        [
          "gebruiker.rol-ingetrokken",
          async () => {
            grantId = (await p.roleGrant.findFirstOrThrow({ where: { userId: userIdNew, role: "BELEIDSMEDEWERKER" } })).id;
            await done(removeGrant(p, beheerder, { userId: userIdNew, grantId }));
          },
          () => userIdNew,
        ],
        ["account.uitnodiging-gemaakt", () => createAccountLink(p, beheerder, { userId: userIdNew, purpose: "UITNODIGING" }), () => userIdNew],
        ["account.herstellink-gemaakt", () => createAccountLink(p, beheerder, { userId: userIdNew, purpose: "WACHTWOORD_HERSTEL" }), () => userIdNew],
        ["gebruiker.gedeactiveerd", () => deactivateUser(p, beheerder, { userId: userIdNew }), () => userIdNew],
        ["gebruiker.geactiveerd", () => reactivateUser(p, beheerder, { userId: userIdNew }), () => userIdNew],
      ];
      for (const [action, run, target] of steps) {
        const started = Date.now();
        const entries = await auditOf(run);
        expect(
          entries.map((entry) => entry.action),
          action,
        ).toEqual([action]);
        expect(entries[0]!.actorId).toBe(beheerder.userId);
        expect(entries[0]!.targetId).toBe(target());
        expect(entries[0]!.at.getTime()).toBeGreaterThanOrEqual(started - 5_000);
      }
      // Using a link is audited once too, with the user as actor.
      const link = await made(beheerder, { userId: userIdNew, purpose: "UITNODIGING" });
      const used = await auditOf(() => redeemAccountLink(p, link.token, { password: PASSWORD, passwordConfirm: PASSWORD }));
      expect(used.map((entry) => [entry.action, entry.actorId, entry.targetId])).toEqual([["account.uitnodiging-gebruikt", userIdNew, userIdNew]]);
      // A refused or invalid request changes nothing and writes no change entry.
      const invalidOnly = await auditOf(() => expectRefused(createRegio(p, beheerder, { values: { name: "", slug: "" } }), "invalid"));
      expect(invalidOnly).toEqual([]);
    });

    it("the beheerder reads the log newest first, filtered by action, actor e-mail and period, in pages", async () => {
      const all = (await listAuditEntries(db.prisma, beheerder, { pagina: 1 }))!;
      expect(all.total).toBeGreaterThan(0);
      const times = all.entries.map((entry) => entry.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(all.entries.length).toBeLessThanOrEqual(50);

      const created = (await listAuditEntries(db.prisma, beheerder, { actie: "gebruiker.aangemaakt", pagina: 1 }))!;
      expect(created.entries.length).toBeGreaterThan(0);
      expect(created.entries.every((entry) => entry.action === "gebruiker.aangemaakt")).toBe(true);
      const byLeader = (await listAuditEntries(db.prisma, beheerder, { email: "projectleider@haaglanden", pagina: 1 }))!;
      expect(byLeader.entries.length).toBeGreaterThan(0);
      expect(byLeader.entries.every((entry) => entry.actor?.email === ROLES.leaderHaaglanden)).toBe(true);
      const refusedTargets = byLeader.entries.filter((entry) => entry.action === "toegang.geweigerd").map((entry) => entry.targetLabel);
      expect(refusedTargets).toContain(ROLES.officerLeiden);

      // The period is in Dutch calendar days.
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
      expect((await listAuditEntries(db.prisma, beheerder, { van: "2000-01-01", tot: "2000-01-31", pagina: 1 }))!.total).toBe(0);
      expect((await listAuditEntries(db.prisma, beheerder, { van: today, tot: today, pagina: 1 }))!.total).toBeGreaterThan(0);
      expect((await listAuditEntries(db.prisma, beheerder, { email: "niemand@nergens", pagina: 1 }))!.total).toBe(0);

      const pageTwo = (await listAuditEntries(db.prisma, beheerder, { pagina: 2 }))!;
      if (all.total > 50) expect(pageTwo.entries[0]!.id).not.toBe(all.entries[0]!.id);
      const beyond = (await listAuditEntries(db.prisma, beheerder, { pagina: 9999 }))!;
      expect(beyond.page).toBe(beyond.pageCount);
      expect(await listAuditActions(db.prisma, beheerder)).toEqual(expect.arrayContaining(["gebruiker.aangemaakt", "toegang.geweigerd"]));
    });
  });

  it("the beheerder's functions never return zelfscan content", async () => {
    const toelichtingen = (await db.prisma.answer.findMany({ select: { toelichting: true }, take: 200 }))
      .map((answer) => answer.toelichting)
      .filter((text) => text.length > 20);
    expect(toelichtingen.length).toBeGreaterThan(0);
    const actions = (await db.prisma.verbeteractie.findMany({ select: { title: true }, take: 50 })).map((actie) => actie.title);
    const results = [
      await getBeheerOverview(db.prisma, beheerder),
      await listRegios(db.prisma, beheerder),
      await getRegio(db.prisma, beheerder, ids.haaglanden),
      await listGemeenten(db.prisma, beheerder),
      await getGemeente(db.prisma, beheerder, ids.delft),
      await listUsers(db.prisma, beheerder),
      await getUser(db.prisma, beheerder, ids.delftUser),
      await listAuditEntries(db.prisma, beheerder, { pagina: 1 }),
      await listAuditEntries(db.prisma, beheerder, { actie: "demo.zelfscan-aangemaakt", pagina: 1 }),
      await listGemeenteOptions(db.prisma, beheerder),
    ];
    const text = JSON.stringify(results);
    for (const snippet of [...toelichtingen, ...actions]) expect(text).not.toContain(snippet);
    expect(text).not.toMatch(/"(answers|zelfscans|score|toelichting|acties|comments)"/);
    // Scan events appear in the log as events, without their details.
    const scanEvents = (await listAuditEntries(db.prisma, beheerder, { actie: "demo.zelfscan-aangemaakt", pagina: 1 }))!;
    expect(scanEvents.entries.length).toBeGreaterThan(0);
    expect(scanEvents.entries.every((entry) => entry.details.length === 0)).toBe(true);
  });
});
