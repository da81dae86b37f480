// A gemeente's team on both databases (issue 15, point 1): a leader of the region or a beheerder
// appoints the coordinator; the coordinator invites colleagues (a new address gets an account and
// a mailed link, an address with an account becomes a request for the beheerder, in the same
// words), renews the invitation of a colleague who never signed in, and deactivates colleagues or
// takes them out of the gemeente. Nothing reaches another gemeente, and every step is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { describeAccountLink, redeemAccountLink } from "@/lib/beheer/account-links";
import { decideInvitation } from "@/lib/beheer/uitnodigingen";
import { loadSession } from "@/lib/auth/sessions";
import {
  appointCoordinator,
  deactivateColleague,
  getCoordinatorChoice,
  getTeam,
  INVITE_LIMIT,
  inviteColleague,
  renewColleagueInvitation,
} from "@/lib/gemeente/team";
import type { Result } from "@/lib/shared/result";
import { actorOf, BEHEERDER, createRegio, createUser, leaderOf, officerOf, signIn } from "../support/factories";
import { createMigratedDatabase, DATABASE_KINDS, type TestDatabase } from "../support/databases";
import { mailedToken, messagesTo } from "../support/outbox";

const PASSWORD = "een lange zin als wachtwoord";

function okMessage(result: Result<unknown, unknown>): string {
  expect(result, JSON.stringify(result)).toMatchObject({ status: "ok" });
  return (result as { message: string }).message;
}

describe.each(DATABASE_KINDS)("a gemeente's team on the %s database", (kind) => {
  let db: TestDatabase;
  let regio: Awaited<ReturnType<typeof createRegio>>;
  let otherRegio: Awaited<ReturnType<typeof createRegio>>;
  let delft: { id: string; slug: string; regioId: string };
  let rijswijk: { id: string; slug: string; regioId: string };
  let coordinator: Actor;
  let leader: Actor;

  beforeAll(async () => {
    db = await createMigratedDatabase(kind);
    regio = await createRegio(db.prisma, { gemeenten: 2 });
    otherRegio = await createRegio(db.prisma, { gemeenten: 1 });
    delft = regio.gemeenten[0]!;
    rijswijk = regio.gemeenten[1]!;
    leader = actorOf(await createUser(db.prisma, { grants: [leaderOf(regio)] }));
    const anouk = await createUser(db.prisma, { name: "Anouk", grants: [officerOf(delft)], password: PASSWORD });
    coordinator = actorOf(anouk);
    okMessage(await appointCoordinator(db.prisma, leader, { gemeenteId: delft.id, userId: anouk.id }));
  });
  afterAll(() => db?.drop());

  const audits = (action: string, targetId?: string) => db.prisma.auditEntry.findMany({ where: { action, ...(targetId ? { targetId } : {}) } });
  let emailCount = 0;
  const freshEmail = () => `collega-${++emailCount}-${kind}@delft.test`;

  describe("appointing the coordinator", () => {
    it("a leader of the region or a beheerder appoints an active officer of the gemeente, or removes the coordinator, audited", async () => {
      const beheerder = actorOf(await createUser(db.prisma, { grants: [BEHEERDER] }));
      const gemeente = rijswijk;
      const officer = await createUser(db.prisma, { grants: [officerOf(gemeente)] });
      expect(okMessage(await appointCoordinator(db.prisma, beheerder, { gemeenteId: gemeente.id, userId: officer.id }))).toMatch(/is nu de coördinator/);
      expect(await db.prisma.gemeente.findUniqueOrThrow({ where: { id: gemeente.id } })).toMatchObject({ coordinatorId: officer.id });
      expect(await audits("gemeente.coordinator-aangewezen", gemeente.id)).toHaveLength(1);
      expect(await getCoordinatorChoice(db.prisma, beheerder, gemeente.id)).toMatchObject({ coordinatorId: officer.id });
      expect(await getCoordinatorChoice(db.prisma, leader, gemeente.id)).toBeNull();

      okMessage(await appointCoordinator(db.prisma, leader, { gemeenteId: gemeente.id, userId: null }));
      expect(await db.prisma.gemeente.findUniqueOrThrow({ where: { id: gemeente.id } })).toMatchObject({ coordinatorId: null });
      const [removed] = await audits("gemeente.coordinator-ingetrokken", gemeente.id);
      expect(removed).toMatchObject({ actorId: leader.userId, gemeenteId: gemeente.id, regioId: regio.id });
    });

    it("refuses someone who is not an active officer of the gemeente, and changes nothing", async () => {
      const elsewhere = await createUser(db.prisma, { grants: [officerOf(rijswijk)] });
      const inactive = await createUser(db.prisma, { grants: [officerOf(delft)], active: false });
      for (const user of [elsewhere, inactive]) {
        expect(await appointCoordinator(db.prisma, leader, { gemeenteId: delft.id, userId: user.id })).toMatchObject({
          status: "invalid",
          fieldErrors: { userId: expect.stringMatching(/actieve beleidsmedewerker/) },
        });
      }
      expect(await db.prisma.gemeente.findUniqueOrThrow({ where: { id: delft.id } })).toMatchObject({ coordinatorId: coordinator.userId });
    });

    it("a leader of another region and an officer cannot appoint: refused as not found, audited", async () => {
      const otherLeader = actorOf(await createUser(db.prisma, { grants: [leaderOf(otherRegio)] }));
      const colleague = actorOf(await createUser(db.prisma, { grants: [officerOf(delft)] }));
      for (const actor of [otherLeader, colleague, coordinator]) {
        expect(await appointCoordinator(db.prisma, actor, { gemeenteId: delft.id, userId: actor.userId })).toMatchObject({ status: "not-found" });
        expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: actor.userId, targetId: delft.id } })).toBeGreaterThan(0);
      }
      expect(await db.prisma.gemeente.findUniqueOrThrow({ where: { id: delft.id } })).toMatchObject({ coordinatorId: coordinator.userId });
    });
  });

  describe("inviting a colleague", () => {
    it("a new address: an account with the officer grant of this gemeente only, and the link mailed to it", async () => {
      const email = freshEmail();
      const message = okMessage(await inviteColleague(db.prisma, coordinator, { gemeenteId: delft.id, values: { name: "Nieuwe Collega", email } }));
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
      expect(user.passwordHash).toBeNull();
      expect(user.roles.map(({ role, gemeenteId, regioId }) => ({ role, gemeenteId, regioId }))).toEqual([officerOf(delft)]);
      const [mail] = await messagesTo(db.prisma, user.id, "UITNODIGING");
      expect(mail).toMatchObject({ to: email, secret: true, gemeenteId: delft.id });
      expect(mail!.text).toContain("Anouk nodigt u uit");
      const token = await mailedToken(db.prisma, user.id);
      expect(await describeAccountLink(db.prisma, token)).toMatchObject({ status: "geldig", purpose: "UITNODIGING", email });
      const [entry] = await audits("collega.uitgenodigd", user.id);
      expect(entry).toMatchObject({ actorId: coordinator.userId, gemeenteId: delft.id, targetType: "User" });

      const team = await getTeam(db.prisma, coordinator, delft.slug);
      expect(team?.members.find((member) => member.email === email)).toMatchObject({ status: "uitgenodigd", may: { renew: true, deactivate: false } });
      // The colleague sets a password with the link and is an active member.
      okMessage(await redeemAccountLink(db.prisma, token, { password: PASSWORD, passwordConfirm: PASSWORD }));
      const after = await getTeam(db.prisma, coordinator, delft.slug);
      expect(after?.members.find((member) => member.email === email)).toMatchObject({ status: "actief", may: { renew: false, deactivate: true } });
      expect(message).toContain(email);
    });

    it("an address that has an account elsewhere: the same answer, no grant, no mail, a request for the beheerder", async () => {
      const elsewhere = await createUser(db.prisma, { email: freshEmail(), grants: [officerOf(rijswijk)], password: PASSWORD });
      const newAddress = freshEmail();
      const forNew = okMessage(await inviteColleague(db.prisma, coordinator, { gemeenteId: delft.id, values: { name: "Nieuw", email: newAddress } }));
      const forExisting = okMessage(
        await inviteColleague(db.prisma, coordinator, { gemeenteId: delft.id, values: { name: "Bestaand", email: elsewhere.email } }),
      );
      expect(forExisting).toBe(forNew.replace(newAddress, elsewhere.email));
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: elsewhere.id }, include: { roles: true } });
      expect(user.roles.map((grant) => grant.gemeenteId)).toEqual([rijswijk.id]);
      expect(await messagesTo(db.prisma, elsewhere.id)).toEqual([]);
      const request = await db.prisma.invitationRequest.findFirstOrThrow({ where: { email: elsewhere.email, gemeenteId: delft.id, status: "OPEN" } });
      expect(request.createdById).toBe(coordinator.userId);
      expect(await audits("collega.uitgenodigd", request.id)).toHaveLength(1);
      // The team list shows it as invited, like a new address.
      const team = await getTeam(db.prisma, coordinator, delft.slug);
      const rows = team!.members.filter((member) => [newAddress, elsewhere.email].includes(member.email));
      expect(rows.map((row) => [row.status, row.may])).toEqual([
        ["uitgenodigd", { renew: true, deactivate: false }],
        ["uitgenodigd", { renew: true, deactivate: false }],
      ]);
      // The request's renewal answers like an account's.
      const account = team!.members.find((member) => member.email === newAddress)!;
      const waiting = team!.members.find((member) => member.email === elsewhere.email)!;
      const renewedNew = okMessage(await renewColleagueInvitation(db.prisma, coordinator, { gemeenteId: delft.id, userId: account.id }));
      const renewedExisting = okMessage(await renewColleagueInvitation(db.prisma, coordinator, { gemeenteId: delft.id, userId: waiting.id }));
      expect(renewedExisting).toBe(renewedNew.replace(newAddress, elsewhere.email));

      // The beheerder approves: the grant is added, and the account is an active member.
      const beheerder = actorOf(await createUser(db.prisma, { grants: [BEHEERDER] }));
      okMessage(await decideInvitation(db.prisma, beheerder, { requestId: request.id, decision: "goedkeuren" }));
      const approved = await getTeam(db.prisma, coordinator, delft.slug);
      expect(approved!.members.filter((member) => member.email === elsewhere.email).map((row) => row.status)).toEqual(["actief"]);
    });

    it("an address already in the team is named as such, and nothing is stored", async () => {
      const member = await createUser(db.prisma, { email: freshEmail(), grants: [officerOf(delft)] });
      const requests = await db.prisma.invitationRequest.count();
      expect(await inviteColleague(db.prisma, coordinator, { gemeenteId: delft.id, values: { name: "Lid", email: member.email.toUpperCase() } })).toMatchObject(
        {
          status: "invalid",
          fieldErrors: { email: expect.stringMatching(/staat al in het team/) },
        },
      );
      expect(await db.prisma.invitationRequest.count()).toBe(requests);
      expect(await messagesTo(db.prisma, member.id)).toEqual([]);
    });

    it("a colleague cannot invite, and a coordinator cannot invite into another gemeente: refused, audited, nothing made", async () => {
      const colleague = actorOf(await createUser(db.prisma, { grants: [officerOf(delft)] }));
      const email = freshEmail();
      expect(await inviteColleague(db.prisma, colleague, { gemeenteId: delft.id, values: { name: "X", email } })).toMatchObject({ status: "not-found" });
      expect(await inviteColleague(db.prisma, coordinator, { gemeenteId: rijswijk.id, values: { name: "X", email } })).toMatchObject({ status: "not-found" });
      expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
      expect(await db.prisma.invitationRequest.count({ where: { email } })).toBe(0);
      expect(await db.prisma.auditEntry.count({ where: { action: "toegang.geweigerd", actorId: coordinator.userId, targetId: rijswijk.id } })).toBe(1);
      // Role, gemeente or other fields cannot be added to the form.
      expect(await inviteColleague(db.prisma, coordinator, { gemeenteId: delft.id, values: { name: "X", email, role: "BEHEERDER" } })).toMatchObject({
        status: "invalid",
      });
      expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
    });

    it("is limited per coordinator", async () => {
      const gemeente = (await createRegio(db.prisma, { gemeenten: 1 })).gemeenten[0]!;
      const own = await createUser(db.prisma, { grants: [officerOf(gemeente)] });
      await db.prisma.gemeente.update({ where: { id: gemeente.id }, data: { coordinatorId: own.id } });
      const actor = actorOf(own);
      for (let i = 0; i < INVITE_LIMIT.points; i++) {
        okMessage(await inviteColleague(db.prisma, actor, { gemeenteId: gemeente.id, values: { name: "X", email: `limiet-${i}-${kind}@test.example` } }));
      }
      const email = `limiet-over-${kind}@test.example`;
      const refused = await inviteColleague(db.prisma, actor, { gemeenteId: gemeente.id, values: { name: "X", email } });
      expect(refused).toMatchObject({ status: "invalid", message: expect.stringMatching(/^U heeft in korte tijd veel collega's uitgenodigd/) });
      expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
      // Another coordinator is not affected.
      okMessage(await inviteColleague(db.prisma, coordinator, { gemeenteId: delft.id, values: { name: "X", email: freshEmail() } }));
    });
  });

  describe("renewing an invitation", () => {
    it("a new link voids the older one and is mailed; audited", async () => {
      const email = freshEmail();
      okMessage(await inviteColleague(db.prisma, coordinator, { gemeenteId: delft.id, values: { name: "Renew", email } }));
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
      const first = await mailedToken(db.prisma, user.id);
      okMessage(await renewColleagueInvitation(db.prisma, coordinator, { gemeenteId: delft.id, userId: user.id }));
      const second = await mailedToken(db.prisma, user.id);
      expect(second).not.toBe(first);
      expect(await messagesTo(db.prisma, user.id, "UITNODIGING")).toHaveLength(2);
      expect(await describeAccountLink(db.prisma, first)).toEqual({ status: "verlopen" });
      expect(await describeAccountLink(db.prisma, second)).toMatchObject({ status: "geldig" });
      const [entry] = await audits("collega.uitnodiging-vernieuwd", user.id);
      expect(entry).toMatchObject({ actorId: coordinator.userId, gemeenteId: delft.id, details: expect.objectContaining({ vervangen: 1 }) });
    });

    it("not for a colleague who has a password, nor one with a role elsewhere, nor in another gemeente", async () => {
      const withPassword = await createUser(db.prisma, { grants: [officerOf(delft)], password: PASSWORD });
      expect(await renewColleagueInvitation(db.prisma, coordinator, { gemeenteId: delft.id, userId: withPassword.id })).toMatchObject({ status: "locked" });
      const alsoLeader = await createUser(db.prisma, { grants: [officerOf(delft), leaderOf(otherRegio)] });
      expect(await renewColleagueInvitation(db.prisma, coordinator, { gemeenteId: delft.id, userId: alsoLeader.id })).toMatchObject({ status: "not-found" });
      const inRijswijk = await createUser(db.prisma, { grants: [officerOf(rijswijk)] });
      expect(await renewColleagueInvitation(db.prisma, coordinator, { gemeenteId: delft.id, userId: inRijswijk.id })).toMatchObject({ status: "not-found" });
      expect(await renewColleagueInvitation(db.prisma, coordinator, { gemeenteId: rijswijk.id, userId: inRijswijk.id })).toMatchObject({ status: "not-found" });
      for (const user of [withPassword, alsoLeader, inRijswijk]) expect(await db.prisma.accountLink.count({ where: { userId: user.id } })).toBe(0);
    });
  });

  describe("deactivating a colleague", () => {
    it("a colleague with only this gemeente's grant is deactivated, every session ended, open links void; audited", async () => {
      const colleague = await createUser(db.prisma, { grants: [officerOf(delft)], password: PASSWORD });
      const signedIn = await signIn(db, colleague);
      expect(signedIn).not.toBeNull();
      okMessage(await deactivateColleague(db.prisma, coordinator, { gemeenteId: delft.id, userId: colleague.id }));
      expect(await db.prisma.user.findUniqueOrThrow({ where: { id: colleague.id } })).toMatchObject({ active: false });
      expect(await loadSession(db, signedIn!.sessionId)).toBeNull();
      const [entry] = await audits("collega.gedeactiveerd", colleague.id);
      expect(entry).toMatchObject({ actorId: coordinator.userId, gemeenteId: delft.id, details: expect.objectContaining({ sessiesBeeindigd: 1 }) });
      const team = await getTeam(db.prisma, coordinator, delft.slug);
      expect(team?.members.find((member) => member.id === colleague.id)).toMatchObject({ status: "gedeactiveerd", may: { renew: false, deactivate: false } });
      expect(await deactivateColleague(db.prisma, coordinator, { gemeenteId: delft.id, userId: colleague.id })).toMatchObject({ status: "conflict" });
    });

    it("a colleague with other grants only loses this gemeente's grant and stays active", async () => {
      const both = await createUser(db.prisma, { grants: [officerOf(delft), officerOf(rijswijk)], password: PASSWORD });
      const signedIn = await signIn(db, both);
      okMessage(await deactivateColleague(db.prisma, coordinator, { gemeenteId: delft.id, userId: both.id }));
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: both.id }, include: { roles: true } });
      expect(user.active).toBe(true);
      expect(user.roles.map((grant) => grant.gemeenteId)).toEqual([rijswijk.id]);
      expect(await loadSession(db, signedIn!.sessionId)).not.toBeNull();
      expect(await audits("collega.rol-ingetrokken", both.id)).toHaveLength(1);
      expect(await audits("collega.gedeactiveerd", both.id)).toHaveLength(0);
      expect((await getTeam(db.prisma, coordinator, delft.slug))?.members.some((member) => member.id === both.id)).toBe(false);
    });

    it("not oneself, not in another gemeente, and not by a colleague", async () => {
      expect(await deactivateColleague(db.prisma, coordinator, { gemeenteId: delft.id, userId: coordinator.userId })).toMatchObject({ status: "invalid" });
      const inRijswijk = await createUser(db.prisma, { grants: [officerOf(rijswijk)], password: PASSWORD });
      expect(await deactivateColleague(db.prisma, coordinator, { gemeenteId: delft.id, userId: inRijswijk.id })).toMatchObject({ status: "not-found" });
      expect(await deactivateColleague(db.prisma, coordinator, { gemeenteId: rijswijk.id, userId: inRijswijk.id })).toMatchObject({ status: "not-found" });
      const colleague = actorOf(await createUser(db.prisma, { grants: [officerOf(delft)] }));
      const target = await createUser(db.prisma, { grants: [officerOf(delft)], password: PASSWORD });
      expect(await deactivateColleague(db.prisma, colleague, { gemeenteId: delft.id, userId: target.id })).toMatchObject({ status: "not-found" });
      for (const id of [coordinator.userId, inRijswijk.id, target.id])
        expect(await db.prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true });
    });
  });

  describe("the team page", () => {
    it("is readable by the gemeente's officers and the region's leaders only; only the coordinator may invite, only leaders appoint", async () => {
      const colleague = actorOf(await createUser(db.prisma, { grants: [officerOf(delft)] }));
      const otherOfficer = actorOf(await createUser(db.prisma, { grants: [officerOf(rijswijk)] }));
      const otherLeader = actorOf(await createUser(db.prisma, { grants: [leaderOf(otherRegio)] }));
      expect((await getTeam(db.prisma, coordinator, delft.slug))?.may).toEqual({ invite: true, appoint: false });
      expect((await getTeam(db.prisma, colleague, delft.slug))?.may).toEqual({ invite: false, appoint: false });
      const forLeader = await getTeam(db.prisma, leader, delft.slug);
      expect(forLeader?.may).toEqual({ invite: false, appoint: true });
      expect(forLeader?.coordinator).toMatchObject({ id: coordinator.userId });
      expect(forLeader?.members.every((member) => !member.may.renew && !member.may.deactivate)).toBe(true);
      expect(await getTeam(db.prisma, otherOfficer, delft.slug)).toBeNull();
      expect(await getTeam(db.prisma, otherLeader, delft.slug)).toBeNull();
      const team = await getTeam(db.prisma, colleague, delft.slug);
      expect(team?.members.filter((member) => member.coordinator).map((member) => member.id)).toEqual([coordinator.userId]);
      expect(team?.members.every((member) => !member.may.renew && !member.may.deactivate)).toBe(true);
    });
  });
});
