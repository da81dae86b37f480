// Who is acting, and the pure rules of what they may see and do. Queries turn these rules into
// Prisma `where` clauses (scope.ts), so that scoping happens inside the database query.
import type { Role } from "@/lib/generated/prisma/enums";

export type Grant = { role: Role; gemeenteId: string | null; regioId: string | null };

export type Actor = {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  grants: readonly Grant[];
};

export function officerGemeenteIds(actor: Pick<Actor, "grants">): string[] {
  return actor.grants.flatMap((grant) => (grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId ? [grant.gemeenteId] : []));
}

export function leaderRegioIds(actor: Pick<Actor, "grants">): string[] {
  return actor.grants.flatMap((grant) => (grant.role === "PROJECTLEIDER" && grant.regioId ? [grant.regioId] : []));
}

export function isBeheerder(actor: Pick<Actor, "grants">): boolean {
  return actor.grants.some((grant) => grant.role === "BEHEERDER");
}

/** A gemeente's scans, reports and plans are readable by its officers and its region's leaders. */
export function canReadGemeente(actor: Actor, gemeente: { id: string; regioId: string }): boolean {
  return officerGemeenteIds(actor).includes(gemeente.id) || leaderRegioIds(actor).includes(gemeente.regioId);
}

/** Only the gemeente's own officers fill in its scans and verbeterplan. */
export function canEditGemeente(actor: Actor, gemeente: { id: string }): boolean {
  return officerGemeenteIds(actor).includes(gemeente.id);
}

/** Project leaders comment on and reopen scans, and manage rounds, in their own region. */
export function canLeadRegio(actor: Actor, regioId: string): boolean {
  return leaderRegioIds(actor).includes(regioId);
}
