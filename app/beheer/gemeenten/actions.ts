"use server";
// Server actions of the gemeente pages; see app/beheer/regios/actions.ts.
import { serverAction } from "@/lib/actions/server-action";
import { createGemeente, renameGemeente } from "@/lib/beheer/organisatie";
import { appointCoordinator } from "@/lib/gemeente/team";
import { mapOk } from "@/lib/shared/result";

export async function createGemeenteAction(values: unknown) {
  return serverAction(async (prisma, actor) => mapOk(await createGemeente(prisma, actor, { values }), ({ id }) => ({ href: `/beheer/gemeenten/${id}` })), {
    refresh: "/beheer",
  });
}

export async function renameGemeenteAction(gemeenteId: string, values: unknown) {
  return serverAction((prisma, actor) => renameGemeente(prisma, actor, { gemeenteId, values }), { refresh: "/beheer" });
}

export async function appointCoordinatorAction(gemeenteId: string, userId: string | null) {
  return serverAction((prisma, actor) => appointCoordinator(prisma, actor, { gemeenteId, userId }), { refresh: "/beheer" });
}
