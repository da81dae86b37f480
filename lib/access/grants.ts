// What a user's role grants say, read in one way everywhere: the gemeenten they are an officer
// of, the regions they lead, whether they are a beheerder. The rules of what that lets them read
// and change are built on these (rules/).
import type { Role } from "@/lib/generated/prisma/enums";

export type Grant = { role: Role; gemeenteId: string | null; regioId: string | null };

/** Whatever carries grants: the acting user (actor.ts), or a user row's grants. */
export type Grants = { grants: readonly Grant[] };

export function officerGemeenteIds(actor: Grants): string[] {
  return actor.grants.flatMap((grant) => (grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId ? [grant.gemeenteId] : []));
}

export function leaderRegioIds(actor: Grants): string[] {
  return actor.grants.flatMap((grant) => (grant.role === "PROJECTLEIDER" && grant.regioId ? [grant.regioId] : []));
}

export function isBeheerder(actor: Grants): boolean {
  return actor.grants.some((grant) => grant.role === "BEHEERDER");
}

/** The national programme team: reads only the suppressed national aggregate (lib/landelijk). */
export function isLandelijk(actor: Grants): boolean {
  return actor.grants.some((grant) => grant.role === "LANDELIJK");
}
