// Who may do what in beheer. The beheerder manages regions, gemeenten and users everywhere and
// decides on invitations; a project leader sees the active beleidsmedewerkers of the gemeenten in
// their region(s) and asks for invitations there (lib/beheer/uitnodigingen.ts).
// Everyone else has no beheer at all. Scope rules become Prisma filters so that the database
// query itself is scoped; a refusal is audited through lib/access/refusal.ts (by role: every attempt
// counts, whether or not the target exists).
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder, leaderRegioIds } from "@/lib/access/grants";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canLeadRegio, ledGemeenteWhere } from "@/lib/access/rules/leads-region";

export type DbClient = PrismaClient;

/** May open /beheer at all: beheerders and project leaders. */
export function mayUseBeheer(actor: Actor): boolean {
  return isBeheerder(actor) || leaderRegioIds(actor).length > 0;
}

/** Users with a beleidsmedewerker grant in the leader's region, whether or not they have set a password. */
export function usersInRegionWhere(actor: Actor): Prisma.UserWhereInput {
  if (isBeheerder(actor)) return {};
  const regioIds = leaderRegioIds(actor);
  if (regioIds.length === 0) return { id: { in: [] } };
  return { roles: { some: { role: "BELEIDSMEDEWERKER", gemeente: ledGemeenteWhere(actor) } } };
}

/**
 * Users a project leader sees: those active in their region, i.e. with a beleidsmedewerker grant
 * there and a password of their own. An account the leader invited appears once it is active,
 * whether the address was new (after the invitation link was used) or had an account (after a
 * beheerder approved the grant), so that the list does not tell which of the two it was.
 */
export function usersInScopeWhere(actor: Actor): Prisma.UserWhereInput {
  if (isBeheerder(actor)) return {};
  // In use: a password, or an identity of the organisation linked (an account that signs in through OIDC alone).
  return { AND: [usersInRegionWhere(actor), { OR: [{ passwordHash: { not: null } }, { identityLinks: { some: {} } }] }] };
}

/** The grants of a user that the actor may see: all for the beheerder, those in the region for a leader. */
export function visibleGrantsWhere(actor: Actor): Prisma.RoleGrantWhereInput {
  if (isBeheerder(actor)) return {};
  return { role: "BELEIDSMEDEWERKER", gemeente: ledGemeenteWhere(actor) };
}

/**
 * Who may make a one-time link (which sets the password) for whom. The beheerder: any link for
 * anyone. A project leader: never a password reset, since setting the password of an account that
 * has one is taking it over; only an invitation for someone who never set a password and whose
 * every grant is a beleidsmedewerker role in the leader's region (otherwise the leader could take
 * over the account of a beheerder or of someone working in another region).
 */
export function mayMakeLinkFor(
  actor: Actor,
  user: {
    passwordHash: string | null;
    lastLoginAt: Date | null;
    _count: { identityLinks: number };
    roles: readonly { role: string; gemeente: { regioId: string } | null }[];
  },
  purpose: "UITNODIGING" | "WACHTWOORD_HERSTEL",
): boolean {
  if (isBeheerder(actor)) return true;
  // Only for someone who never signed in: no password, and no identity of their organisation linked
  // either (an account that signs in through OIDC alone has no password, and a link would let the
  // leader give it one).
  if (purpose !== "UITNODIGING" || user.passwordHash !== null || user.lastLoginAt !== null || user._count.identityLinks > 0) return false;
  return (
    user.roles.length > 0 &&
    user.roles.every((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeente !== null && canLeadRegio(actor, grant.gemeente.regioId))
  );
}
