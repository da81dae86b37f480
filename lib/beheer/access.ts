// Who may do what in beheer. The beheerder manages regions, gemeenten and users everywhere; a
// project leader only sees and invites the beleidsmedewerkers of the gemeenten in their region(s).
// Everyone else has no beheer at all. Scope rules become Prisma filters so that the database
// query itself is scoped.
import "server-only";
import { isBeheerder, leaderRegioIds, type Actor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { notFound, type BeheerError } from "./errors";

export type DbClient = PrismaClient;

/** May open /beheer at all: beheerders and project leaders. */
export function mayUseBeheer(actor: Actor): boolean {
  return isBeheerder(actor) || leaderRegioIds(actor).length > 0;
}

/** Users a project leader is responsible for: those with a beleidsmedewerker grant in their region. */
export function usersInScopeWhere(actor: Actor): Prisma.UserWhereInput {
  if (isBeheerder(actor)) return {};
  const regioIds = leaderRegioIds(actor);
  if (regioIds.length === 0) return { id: { in: [] } };
  return { roles: { some: { role: "BELEIDSMEDEWERKER", gemeente: { regioId: { in: regioIds } } } } };
}

/** The grants of a user that the actor may see: all for the beheerder, those in the region for a leader. */
export function visibleGrantsWhere(actor: Actor): Prisma.RoleGrantWhereInput {
  if (isBeheerder(actor)) return {};
  return { role: "BELEIDSMEDEWERKER", gemeente: { regioId: { in: leaderRegioIds(actor) } } };
}

/**
 * A project leader may make a link (which sets the password) only for a user whose every grant is
 * a beleidsmedewerker role in the leader's region; otherwise a leader could take over the account
 * of a beheerder or of someone working in another region. The beheerder may for anyone.
 */
export function mayMakeLinkFor(
  actor: Actor,
  grants: readonly { role: string; gemeente: { regioId: string } | null }[],
): boolean {
  if (isBeheerder(actor)) return true;
  const regioIds = leaderRegioIds(actor);
  return (
    grants.length > 0 &&
    grants.every((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeente !== null && regioIds.includes(grant.gemeente.regioId))
  );
}

/**
 * Records a refused beheer operation in the audit log and returns the not-found error to throw.
 * The log says what was attempted; the answer does not say whether the target exists.
 */
export async function refuse(
  prisma: DbClient,
  actor: Actor,
  handeling: string,
  target: { type: string; id?: string | null } = { type: "Beheer" },
): Promise<BeheerError> {
  // The scope of the target, where it has one, so that the refusal shows under that gemeente or regio.
  const gemeente = target.type === "Gemeente" && target.id ? await prisma.gemeente.findUnique({ where: { id: target.id }, select: { id: true, regioId: true } }) : null;
  const regio = target.type === "Regio" && target.id ? await prisma.regio.findUnique({ where: { id: target.id }, select: { id: true } }) : null;
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: "toegang.geweigerd",
    targetType: target.type,
    targetId: target.id ?? null,
    gemeenteId: gemeente?.id ?? null,
    regioId: gemeente?.regioId ?? regio?.id ?? null,
    details: { handeling },
  });
  return notFound();
}

/** Throws (after logging) unless the actor is a beheerder. */
export async function requireBeheerder(prisma: DbClient, actor: Actor, handeling: string, target?: { type: string; id?: string | null }) {
  if (!isBeheerder(actor)) throw await refuse(prisma, actor, handeling, target);
}
