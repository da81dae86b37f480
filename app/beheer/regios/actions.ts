"use server";
// Server actions of the regio pages: who is acting, then the data layer (lib/beheer/organisatie.ts),
// which parses, checks what they may do and answers "niet gevonden" for anything else.
import { serverAction } from "@/lib/actions/server-action";
import { createRegio, renameRegio } from "@/lib/beheer/organisatie";
import { mapOk } from "@/lib/shared/result";

export async function createRegioAction(values: unknown) {
  return serverAction(async (prisma, actor) => mapOk(await createRegio(prisma, actor, { values }), ({ id }) => ({ href: `/beheer/regios/${id}` })), {
    refresh: "/beheer",
  });
}

export async function renameRegioAction(regioId: string, values: unknown) {
  return serverAction((prisma, actor) => renameRegio(prisma, actor, { regioId, values }), { refresh: "/beheer" });
}
