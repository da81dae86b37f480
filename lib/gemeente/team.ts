// A gemeente's team (issue 15, point 1): its officers, one of whom may be its coordinator.
// - A project leader of the gemeente's region, or a beheerder, appoints the coordinator: one of the
//   gemeente's active officers (lib/access/rules/coordinates.ts: it only counts while they are).
// - The coordinator, within their own gemeente only (coordinatedGemeenteWhere), invites colleagues,
//   renews the invitation of a colleague who never set a password, and deactivates colleagues.
// Inviting never tells whether an address already has an account: a new address gets an account
// with the officer grant of this gemeente and an invitation link by e-mail (account-links.ts, the
// same link and mail as Beheer › Gebruikers); an address with an account becomes a request for the
// beheerder (as a project leader's, lib/beheer/uitnodigingen.ts), who adds the grant. Both answer
// the same, and both show in the team list as "uitgenodigd". Only an address that is already in
// this team is named as such: the team list shows it anyway.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { coordinatedGemeenteWhere, isCoordinator } from "@/lib/access/rules/coordinates";
import { canLeadRegio, ledGemeenteWhere } from "@/lib/access/rules/leads-region";
import { readableGemeenteWhere } from "@/lib/access/rules/readable";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { issueAccountLink, queueAccountLinkMail } from "@/lib/beheer/account-links";
import { isUniqueViolation } from "@/lib/db/errors";
import { consumePoint, databaseRateLimiter } from "@/lib/db/rate-limiter";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ZId } from "@/lib/shared/forms/id";
import { ZColleagueInviteSchema, type TeamStatus } from "@/lib/shared/gemeente/team-schema";
import { conflict, invalid, locked, ok } from "@/lib/shared/result";

const officerGrantOf = (gemeenteId: string) => ({ role: "BELEIDSMEDEWERKER" as const, gemeenteId, regioId: null });

/** Users who are officers of the gemeente (active or not). */
const memberOf = (gemeenteId: string): Prisma.UserWhereInput => ({ roles: { some: { role: "BELEIDSMEDEWERKER", gemeenteId } } });

/** Not in use yet: no password, never signed in, no identity of the organisation linked. */
function neverSignedIn(user: { passwordHash: string | null; lastLoginAt: Date | null; _count: { identityLinks: number } }): boolean {
  return user.passwordHash === null && user.lastLoginAt === null && user._count.identityLinks === 0;
}

/** Tests pass the time; a server action never does. */
const ZNow = z.optional(z.date());

// ---- Reading --------------------------------------------------------------------------------

type TeamMember = {
  /** A user's id, or for an invitation that waits for the beheerder the request's id. */
  id: string;
  name: string;
  email: string;
  status: TeamStatus;
  coordinator: boolean;
  /** What the coordinator may do with this row. */
  may: { renew: boolean; deactivate: boolean };
};

export type Team = {
  gemeente: { id: string; name: string; slug: string; regio: { name: string; slug: string } };
  coordinator: { id: string; name: string } | null;
  members: TeamMember[];
  may: { invite: boolean; appoint: boolean };
  /** The active officers who can be made coordinator (for a leader of the region). */
  candidates: { id: string; name: string; email: string }[];
};

/**
 * The team page of a gemeente: readable by its officers and the leaders of its region (the rule
 * "may read"). Null (and the refusal audited) outside that scope.
 */
export async function getTeam(prisma: PrismaClient, actor: Actor, slug: string): Promise<Team | null> {
  const gemeente = await prisma.gemeente.findFirst({
    where: { AND: [{ slug }, readableGemeenteWhere(actor)] },
    include: { regio: { select: { name: true, slug: true } } },
  });
  if (!gemeente) {
    await auditRefusal(prisma, actor, { type: "Gemeente", slug }, "team bekijken");
    return null;
  }
  const users = await prisma.user.findMany({
    where: memberOf(gemeente.id),
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, active: true, passwordHash: true, lastLoginAt: true, _count: { select: { identityLinks: true } } },
  });
  // Invitations of an address that had an account wait for the beheerder: shown like a new account's.
  const waiting = await prisma.invitationRequest.findMany({
    where: { gemeenteId: gemeente.id, status: "OPEN", email: { notIn: users.map((user) => user.email) } },
    orderBy: { createdAt: "asc" },
  });
  const coordinates = isCoordinator(actor, gemeente);
  const coordinatorUser = users.find((user) => user.id === gemeente.coordinatorId && user.active) ?? null;
  const members: TeamMember[] = [
    ...users.map((user) => {
      const status: TeamStatus = !user.active ? "gedeactiveerd" : neverSignedIn(user) ? "uitgenodigd" : "actief";
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        status,
        coordinator: user.id === coordinatorUser?.id,
        may: { renew: coordinates && status === "uitgenodigd", deactivate: coordinates && status === "actief" && user.id !== actor.userId },
      };
    }),
    ...[...new Map(waiting.map((request) => [request.email, request])).values()].map((request) => ({
      id: request.id,
      name: request.name,
      email: request.email,
      status: "uitgenodigd" as const,
      coordinator: false,
      may: { renew: coordinates, deactivate: false },
    })),
  ].sort((a, b) => a.name.localeCompare(b.name, "nl") || a.email.localeCompare(b.email));
  const appoint = canLeadRegio(actor, gemeente.regioId) || isBeheerder(actor);
  return {
    gemeente: { id: gemeente.id, name: gemeente.name, slug: gemeente.slug, regio: gemeente.regio },
    coordinator: coordinatorUser && { id: coordinatorUser.id, name: coordinatorUser.name },
    members,
    may: { invite: coordinates, appoint },
    candidates: appoint ? users.filter((user) => user.active).map(({ id, name, email }) => ({ id, name, email })) : [],
  };
}

/** For Beheer › Gemeenten: the coordinator and the officers who can be made coordinator; null for anyone but a beheerder. */
export async function getCoordinatorChoice(prisma: PrismaClient, actor: Actor, gemeenteId: string) {
  if (!isBeheerder(actor)) return null;
  const gemeente = await prisma.gemeente.findUnique({ where: { id: gemeenteId }, select: { id: true, coordinatorId: true } });
  if (!gemeente) return null;
  const candidates = await prisma.user.findMany({
    where: { AND: [memberOf(gemeente.id), { active: true }] },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
  });
  const coordinatorId = candidates.some((user) => user.id === gemeente.coordinatorId) ? gemeente.coordinatorId : null;
  return { coordinatorId, candidates };
}

// ---- The coordinator ------------------------------------------------------------------------

/**
 * A leader of the gemeente's region or a beheerder makes one of the gemeente's active officers its
 * coordinator (userId), or leaves it without one (null). Anyone else is refused, audited.
 */
export const appointCoordinator = mutation({
  handeling: "coördinator aanwijzen",
  schema: z.strictObject({ gemeenteId: ZId, userId: z.nullable(ZId) }),
  form: false,
  async run(prisma, actor, { gemeenteId, userId }) {
    const where = isBeheerder(actor) ? { id: gemeenteId } : { AND: [{ id: gemeenteId }, ledGemeenteWhere(actor)] };
    const gemeente = await prisma.gemeente.findFirst({ where });
    if (!gemeente) return refused({ type: "Gemeente", id: gemeenteId });
    const chosen = userId ? await prisma.user.findFirst({ where: { AND: [{ id: userId, active: true }, memberOf(gemeente.id)] } }) : null;
    if (userId && !chosen) return invalid({ userId: `Kies een actieve beleidsmedewerker van ${gemeente.name}.` });
    return prisma.$transaction(async (tx) => {
      const current = await tx.gemeente.findUniqueOrThrow({ where: { id: gemeente.id }, include: { coordinator: { select: { email: true } } } });
      if (current.coordinatorId === userId)
        return ok(null, chosen ? `${chosen.name} is al de coördinator van ${gemeente.name}.` : `${gemeente.name} heeft geen coördinator.`);
      await tx.gemeente.update({ where: { id: gemeente.id }, data: { coordinatorId: userId } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: chosen ? "gemeente.coordinator-aangewezen" : "gemeente.coordinator-ingetrokken",
        targetType: "Gemeente",
        targetId: gemeente.id,
        gemeenteId: gemeente.id,
        regioId: gemeente.regioId,
        details: { gemeente: gemeente.name, coordinator: chosen?.email ?? null, vorige: current.coordinator?.email ?? null },
      });
      return ok(
        null,
        chosen
          ? `${chosen.name} is nu de coördinator van ${gemeente.name}.`
          : `${gemeente.name} heeft nu geen coördinator; elke beleidsmedewerker van de gemeente kan de zelfscan indienen.`,
      );
    });
  },
});

// ---- The coordinator's colleagues -----------------------------------------------------------

/** Invitations per coordinator and hour: enough for a team, not for mailing strangers in bulk. */
export const INVITE_LIMIT = { points: 20, durationSeconds: 3600 };

/** Counts one invitation of this coordinator; 0 when it may be sent now, otherwise the milliseconds to wait. */
async function consumeInvitePoint(prisma: PrismaClient, userId: string): Promise<number> {
  return consumePoint(databaseRateLimiter(prisma, "collega-uitnodiging", INVITE_LIMIT), userId);
}

/** The one answer to an invitation, whether or not the address had an account. */
function invitedMessage(email: string, gemeente: string): string {
  return `${email} is uitgenodigd voor het team van ${gemeente}. Uw collega krijgt een e-mail met een link om een wachtwoord in te stellen, of, als de beheerder de uitnodiging nog moet verwerken, bericht van de beheerder. Tot die tijd staat uw collega in het team als uitgenodigd.`;
}

function renewedMessage(email: string): string {
  return `De uitnodiging voor ${email} is vernieuwd. Een eerdere link werkt niet meer.`;
}

/**
 * The coordinator invites a colleague to their own gemeente. Refused (audited) for anyone but
 * the gemeente's coordinator; see the top of this file for what happens to the address.
 */
export const inviteColleague = mutation({
  handeling: "collega uitnodigen",
  schema: z.strictObject({ gemeenteId: ZId, values: ZColleagueInviteSchema, now: ZNow }),
  form: "values",
  async run(prisma, actor, { gemeenteId, values, now = new Date() }) {
    const gemeente = await prisma.gemeente.findFirst({ where: { AND: [{ id: gemeenteId }, coordinatedGemeenteWhere(actor)] } });
    if (!gemeente) return refused({ type: "Gemeente", id: gemeenteId });
    const waitMs = await consumeInvitePoint(prisma, actor.userId);
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      return invalid({}, `U heeft in korte tijd veel collega's uitgenodigd. Probeer het over ${minutes === 1 ? "1 minuut" : `${minutes} minuten`} opnieuw.`);
    }
    const scope = { gemeenteId: gemeente.id, regioId: gemeente.regioId };
    try {
      return await prisma.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { email: values.email }, include: { roles: true } });
        if (existing) {
          if (existing.roles.some((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId === gemeente.id)) {
            return invalid({ email: `${values.email} staat al in het team van ${gemeente.name}.` });
          }
          // The beheerder decides (lib/beheer/uitnodigingen.ts); the same request is not stored twice.
          const same = await tx.invitationRequest.findFirst({ where: { email: values.email, gemeenteId: gemeente.id, status: "OPEN" } });
          const request = same
            ? await tx.invitationRequest.update({ where: { id: same.id }, data: { name: values.name } })
            : await tx.invitationRequest.create({ data: { email: values.email, name: values.name, gemeenteId: gemeente.id, createdById: actor.userId } });
          await recordAudit(tx, {
            actorId: actor.userId,
            action: "collega.uitgenodigd",
            targetType: "InvitationRequest",
            targetId: request.id,
            ...scope,
            details: { email: values.email, naam: values.name, gemeente: gemeente.name, bestaandAccount: true },
          });
          return ok(null, invitedMessage(values.email, gemeente.name));
        }
        const user = await tx.user.create({ data: { email: values.email, name: values.name, roles: { create: officerGrantOf(gemeente.id) } } });
        const link = await issueAccountLink(tx, { userId: user.id, purpose: "UITNODIGING", createdById: actor.userId, now });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "collega.uitgenodigd",
          targetType: "User",
          targetId: user.id,
          ...scope,
          details: {
            email: user.email,
            naam: user.name,
            gemeente: gemeente.name,
            bestaandAccount: false,
            linkId: link.linkId,
            geldigTot: link.expiresAt.toISOString(),
          },
        });
        await queueAccountLinkMail(tx, { userId: user.id, purpose: "UITNODIGING", link, madeBy: { name: actor.name, beheerder: false } });
        return ok(null, invitedMessage(values.email, gemeente.name));
      });
    } catch (error) {
      // Someone made an account with this address at the same moment: nothing was stored.
      if (isUniqueViolation(error)) return conflict("Er is zojuist iets veranderd aan dit e-mailadres. Er is niets opgeslagen; probeer het opnieuw.");
      throw error;
    }
  },
});

/**
 * The coordinator sends a new invitation link to a colleague of their gemeente who never signed in
 * (no password, no linked identity) and whose every grant is this gemeente's officer role; older
 * links stop working. An invitation that waits for the beheerder is renewed in the same words.
 */
export const renewColleagueInvitation = mutation({
  handeling: "uitnodiging collega vernieuwen",
  schema: z.strictObject({ gemeenteId: ZId, userId: ZId, now: ZNow }),
  form: false,
  async run(prisma, actor, { gemeenteId, userId, now = new Date() }) {
    const gemeente = await prisma.gemeente.findFirst({ where: { AND: [{ id: gemeenteId }, coordinatedGemeenteWhere(actor)] } });
    if (!gemeente) return refused({ type: "Gemeente", id: gemeenteId });
    const scope = { gemeenteId: gemeente.id, regioId: gemeente.regioId };
    const user = await prisma.user.findFirst({
      where: { AND: [{ id: userId }, memberOf(gemeente.id)] },
      include: { roles: true, _count: { select: { identityLinks: true } } },
    });
    if (!user) {
      const request = await prisma.invitationRequest.findFirst({ where: { id: userId, gemeenteId: gemeente.id, status: "OPEN" } });
      if (!request) return refused({ type: "User", id: userId });
      await recordAudit(prisma, {
        actorId: actor.userId,
        action: "collega.uitnodiging-vernieuwd",
        targetType: "InvitationRequest",
        targetId: request.id,
        ...scope,
        details: { email: request.email, gemeente: gemeente.name, bestaandAccount: true },
      });
      return ok(null, renewedMessage(request.email));
    }
    // Setting the password of an account with a role elsewhere would reach beyond the gemeente.
    if (!user.roles.every((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId === gemeente.id)) {
      return refused({ type: "User", id: userId, byRole: true }, { handeling: "uitnodiging collega vernieuwen (rol buiten de gemeente)" });
    }
    if (!user.active) return locked("Dit account is gedeactiveerd. Vraag de beheerder het weer te activeren.");
    if (!neverSignedIn(user)) return locked(`${user.name} gebruikt het account al; een nieuwe uitnodiging is niet nodig.`);
    await prisma.$transaction(async (tx) => {
      const link = await issueAccountLink(tx, { userId: user.id, purpose: "UITNODIGING", createdById: actor.userId, now });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "collega.uitnodiging-vernieuwd",
        targetType: "User",
        targetId: user.id,
        ...scope,
        details: { email: user.email, gemeente: gemeente.name, linkId: link.linkId, geldigTot: link.expiresAt.toISOString(), vervangen: link.replaced },
      });
      await queueAccountLinkMail(tx, { userId: user.id, purpose: "UITNODIGING", link, madeBy: { name: actor.name, beheerder: false } });
    });
    return ok(null, renewedMessage(user.email));
  },
});

/**
 * The coordinator takes a colleague out of their gemeente. A colleague whose only grant is this
 * gemeente's officer role is deactivated: no login, every session ended, open links void. A
 * colleague with other grants only loses this one; the rest is the beheerder's.
 */
export const deactivateColleague = mutation({
  handeling: "collega deactiveren",
  schema: z.strictObject({ gemeenteId: ZId, userId: ZId, now: ZNow }),
  form: false,
  async run(prisma, actor, { gemeenteId, userId, now = new Date() }) {
    const gemeente = await prisma.gemeente.findFirst({ where: { AND: [{ id: gemeenteId }, coordinatedGemeenteWhere(actor)] } });
    if (!gemeente) return refused({ type: "Gemeente", id: gemeenteId });
    if (userId === actor.userId) return invalid({}, "U kunt uzelf niet deactiveren. Vraag uw projectleider eerst een ander als coördinator aan te wijzen.");
    const scope = { gemeenteId: gemeente.id, regioId: gemeente.regioId };
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findFirst({ where: { AND: [{ id: userId }, memberOf(gemeente.id)] }, include: { roles: true } });
      if (!user) return refused({ type: "User", id: userId });
      const here = user.roles.filter((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId === gemeente.id);
      if (here.length < user.roles.length) {
        await tx.roleGrant.deleteMany({ where: { id: { in: here.map((grant) => grant.id) } } });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "collega.rol-ingetrokken",
          targetType: "User",
          targetId: user.id,
          ...scope,
          details: { email: user.email, rol: "BELEIDSMEDEWERKER", gemeente: gemeente.name },
        });
        return ok(null, `${user.name} is uit het team van ${gemeente.name} gehaald.`);
      }
      if (!user.active) return conflict(`${user.name} is al gedeactiveerd.`);
      const sessions = await tx.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
      await tx.user.update({ where: { id: userId }, data: { active: false } });
      await revokeAllSessions(tx, userId);
      const links = await tx.accountLink.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "collega.gedeactiveerd",
        targetType: "User",
        targetId: user.id,
        ...scope,
        details: { email: user.email, gemeente: gemeente.name, sessiesBeeindigd: sessions, linksIngetrokken: links.count },
      });
      return ok(null, `${user.name} is gedeactiveerd en kan niet meer inloggen.`);
    });
  },
});
