// Invitations asked for by project leaders. A leader invites a beleidsmedewerker for a gemeente of
// their region by e-mail address; whether that address already has an account is decided by a
// beheerder, never shown to the leader:
// - the leader's request does the same work and gives the same answer for every address (it does
//   not even look the address up), and the leader's list of their invitations shows the same
//   statuses for both;
// - the beheerder sees the open requests with what exists: for a new address they approve, which
//   creates the account with the grant, and then make the invitation link on the account's page
//   and pass it on (until e-mail lands); for an existing account approving adds the grant. Or they
//   decline. Both are audited.
// The account appears in the leader's user list once it is active in the region (access.ts).
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder, leaderRegioIds } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import type { InvitationRequestStatus } from "@/lib/generated/prisma/enums";
import { isUniqueViolation } from "@/lib/db/errors";
import type { DbClient } from "./access";
import { ZUserCreateSchema } from "@/lib/shared/beheer/schemas";
import { ZId } from "@/lib/shared/forms/id";
import { conflict, invalid, notFound, ok, type Result } from "@/lib/shared/result";
import { ledGemeenteWhere } from "@/lib/access/rules/leads-region";

export type OwnInvitation = {
  id: string;
  email: string;
  name: string;
  gemeente: string;
  createdAt: Date;
  status: InvitationRequestStatus;
  decidedAt: Date | null;
};

export type OpenInvitation = OwnInvitation & {
  regio: string;
  requestedBy: { email: string; name: string } | null;
  /** The account that has this address, if any: only the beheerder sees this. */
  existingAccount: { id: string; name: string; active: boolean; hasPassword: boolean; hasGrantHere: boolean } | null;
};

/**
 * A project leader asks for an invitation of a beleidsmedewerker for a gemeente of their region.
 * The same steps for every address: validate, check the gemeente, store the request. The leader's
 * own open request for the same address and gemeente is not stored twice.
 */
export const requestInvitation = mutation({
  handeling: "uitnodiging aanvragen",
  schema: z.strictObject({ values: ZUserCreateSchema }),
  form: "values",
  async run(prisma, actor, { values }) {
    if (leaderRegioIds(actor).length === 0) return refused({ type: "Beheer", byRole: true });
    // A leader invites beleidsmedewerkers only: asking for another role is a refused attempt.
    if (values.role !== "BELEIDSMEDEWERKER")
      return refused({ type: "Beheer", byRole: true }, { handeling: `uitnodiging aanvragen als ${values.role.toLowerCase()}` });
    const gemeente = values.gemeenteId ? await prisma.gemeente.findFirst({ where: { AND: [{ id: values.gemeenteId }, ledGemeenteWhere(actor)] } }) : null;
    if (!gemeente) {
      // A gemeente of another region is a refused attempt (audited); an id that is no gemeente at all is a wrong choice.
      if (values.gemeenteId && (await prisma.gemeente.count({ where: { id: values.gemeenteId } }))) {
        return refused({ type: "Gemeente", id: values.gemeenteId, byRole: true });
      }
      return invalid({ gemeenteId: "Kies een gemeente uit de lijst." });
    }
    await prisma.$transaction(async (tx) => {
      const same = await tx.invitationRequest.findFirst({
        where: { createdById: actor.userId, email: values.email, gemeenteId: gemeente.id, status: "OPEN" },
      });
      const request = same
        ? await tx.invitationRequest.update({ where: { id: same.id }, data: { name: values.name } })
        : await tx.invitationRequest.create({ data: { email: values.email, name: values.name, gemeenteId: gemeente.id, createdById: actor.userId } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "account.uitnodiging-aangevraagd",
        targetType: "InvitationRequest",
        targetId: request.id,
        gemeenteId: gemeente.id,
        regioId: gemeente.regioId,
        details: { email: values.email, naam: values.name, gemeente: gemeente.name, opnieuw: Boolean(same) },
      });
    });
    return ok();
  },
});

/** The invitations the leader asked for, newest first. */
export async function listOwnInvitations(prisma: DbClient, actor: Actor): Promise<OwnInvitation[]> {
  if (leaderRegioIds(actor).length === 0) return [];
  const rows = await prisma.invitationRequest.findMany({
    where: { createdById: actor.userId },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { gemeente: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    gemeente: row.gemeente.name,
    createdAt: row.createdAt,
    status: row.status,
    decidedAt: row.decidedAt,
  }));
}

/** The open requests for the beheerder, oldest first, with the account each address has (if any). */
export async function listOpenInvitations(prisma: DbClient, actor: Actor): Promise<OpenInvitation[] | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "uitnodigingen bekijken");
    return null;
  }
  const rows = await prisma.invitationRequest.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    take: 500,
    include: { gemeente: { select: { name: true, regio: { select: { name: true } } } } },
  });
  const people = await prisma.user.findMany({
    where: { OR: [{ id: { in: rows.map((row) => row.createdById) } }, { email: { in: rows.map((row) => row.email) } }] },
    select: { id: true, email: true, name: true, active: true, passwordHash: true, roles: { select: { role: true, gemeenteId: true } } },
  });
  return rows.map((row) => {
    const leader = people.find((person) => person.id === row.createdById);
    const account = people.find((person) => person.email === row.email);
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      gemeente: row.gemeente.name,
      regio: row.gemeente.regio.name,
      createdAt: row.createdAt,
      status: row.status,
      decidedAt: row.decidedAt,
      requestedBy: leader ? { email: leader.email, name: leader.name } : null,
      existingAccount: account
        ? {
            id: account.id,
            name: account.name,
            active: account.active,
            hasPassword: account.passwordHash !== null,
            hasGrantHere: account.roles.some((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId === row.gemeenteId),
          }
        : null,
    };
  });
}

export type AwaitingLink = { id: string; email: string; name: string; gemeente: string; decidedAt: Date | null };

/** Approved invitations whose (new) account has not set a password yet: the beheerder makes and passes on its link. */
export async function listInvitationsAwaitingLink(prisma: DbClient, actor: Actor): Promise<AwaitingLink[]> {
  if (!isBeheerder(actor)) return [];
  const rows = await prisma.invitationRequest.findMany({
    where: { status: "GOEDGEKEURD", userId: { not: null } },
    orderBy: { decidedAt: "desc" },
    take: 500,
    include: { gemeente: { select: { name: true } } },
  });
  const waiting = await prisma.user.findMany({
    // Not in use yet: no password, no linked identity, never signed in (a link would set a password on a working account).
    where: { id: { in: rows.map((row) => row.userId!) }, passwordHash: null, lastLoginAt: null, identityLinks: { none: {} }, active: true },
    select: { id: true, email: true, name: true },
  });
  return waiting.map((user) => {
    const row = rows.find((candidate) => candidate.userId === user.id)!;
    return { id: user.id, email: user.email, name: user.name, gemeente: row.gemeente.name, decidedAt: row.decidedAt };
  });
}

export type InvitationDecision = { userId: string | null; created: boolean };

const DECIDED: Record<"goedkeuren" | "afwijzen", string> = {
  goedkeuren: "De uitnodiging is goedgekeurd.",
  afwijzen: "De uitnodiging is afgewezen.",
};

/**
 * The beheerder approves (the account is made with the grant, or the existing account gets the
 * grant) or declines an open request. Anyone else is refused, audited. A request is decided once:
 * two beheerders deciding at the same time cannot both do so.
 */
export const decideInvitation = mutation({
  handeling: "uitnodiging beslissen",
  schema: z.strictObject({ requestId: ZId, decision: z.enum(["goedkeuren", "afwijzen"]), now: z.optional(z.date()) }),
  form: false,
  async run(prisma, actor, { requestId, decision, now = new Date() }) {
    if (!isBeheerder(actor)) {
      return refused(
        { type: "InvitationRequest", id: requestId, byRole: true },
        { handeling: decision === "goedkeuren" ? "uitnodiging goedkeuren" : "uitnodiging afwijzen" },
      );
    }
    try {
      return await decide(prisma, actor, requestId, decision, now);
    } catch (error) {
      // Someone made an account with this address at the same moment: the decision was rolled back
      // whole (the request is still open), and deciding again adds the role to that account.
      if (isUniqueViolation(error))
        return conflict(
          "Er is zojuist een account met dit e-mailadres gemaakt. Er is niets veranderd; beslis opnieuw om de rol aan dat account toe te voegen.",
        );
      throw error;
    }
  },
});

function decide(prisma: DbClient, actor: Actor, requestId: string, decision: "goedkeuren" | "afwijzen", now: Date): Promise<Result<InvitationDecision>> {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.invitationRequest.updateMany({
      where: { id: requestId, status: "OPEN" },
      data: { status: decision === "goedkeuren" ? "GOEDGEKEURD" : "AFGEWEZEN", decidedById: actor.userId, decidedAt: now },
    });
    if (claimed.count !== 1) {
      if (await tx.invitationRequest.count({ where: { id: requestId } })) return conflict("Over deze uitnodiging is al beslist.");
      return notFound();
    }
    const request = await tx.invitationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { gemeente: true } });
    const leader = await tx.user.findUnique({ where: { id: request.createdById }, select: { email: true } });
    const existing = await tx.user.findUnique({ where: { email: request.email } });
    const scope = { gemeenteId: request.gemeenteId, regioId: request.gemeente.regioId };
    const about = {
      email: request.email,
      gemeente: request.gemeente.name,
      aangevraagdDoor: leader?.email ?? request.createdById,
      bestaandAccount: Boolean(existing),
    };

    if (decision === "afwijzen") {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "account.uitnodiging-afgewezen",
        targetType: "InvitationRequest",
        targetId: request.id,
        ...scope,
        details: about,
      });
      return ok({ userId: existing?.id ?? null, created: false }, DECIDED[decision]);
    }
    const grant = { role: "BELEIDSMEDEWERKER" as const, gemeenteId: request.gemeenteId, regioId: null };
    let userId: string;
    if (existing) {
      userId = existing.id;
      // A unique index does not cover grants whose scope columns are NULL: look it up.
      if (!(await tx.roleGrant.findFirst({ where: { userId, ...grant } }))) {
        await tx.roleGrant.create({ data: { userId, ...grant } });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "gebruiker.rol-toegekend",
          targetType: "User",
          targetId: userId,
          ...scope,
          details: { email: existing.email, rol: grant.role, scope: request.gemeente.name, uitnodiging: request.id },
        });
      }
    } else {
      const user = await tx.user.create({ data: { email: request.email, name: request.name, roles: { create: grant } } });
      userId = user.id;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gebruiker.aangemaakt",
        targetType: "User",
        targetId: userId,
        ...scope,
        details: { email: user.email, naam: user.name, rol: grant.role, scope: request.gemeente.name, uitnodiging: request.id },
      });
    }
    await tx.invitationRequest.update({ where: { id: request.id }, data: { userId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "account.uitnodiging-goedgekeurd",
      targetType: "InvitationRequest",
      targetId: request.id,
      ...scope,
      details: about,
    });
    return ok({ userId, created: !existing }, DECIDED[decision]);
  });
}
