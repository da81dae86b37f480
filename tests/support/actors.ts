import type { Actor } from "@/lib/access/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The Actor of a seeded user, as lib/auth/current.ts would build it from a session. */
export async function actorFor(prisma: PrismaClient, email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    sessionId: `test-${user.id}`,
    grants: user.roles.map((role) => ({ role: role.role, gemeenteId: role.gemeenteId, regioId: role.regioId })),
  };
}

export const ROLES = {
  officerDelft: "beleid@delft.example",
  officerRijswijk: "beleid@rijswijk.example",
  officerLeiden: "beleid@leiden.example",
  leaderHaaglanden: "projectleider@haaglanden.example",
  leaderHollandsMidden: "projectleider@hollands-midden.example",
  beheerder: "beheer@zelfscan.example",
  landelijk: "landelijk@zelfscan.example",
} as const;

export type RoleName = keyof typeof ROLES;
