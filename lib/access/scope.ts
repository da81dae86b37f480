// The access rules of actor.ts as Prisma filters: every query of scoped data includes one.
import type { Prisma } from "@/lib/generated/prisma/client";
import { leaderRegioIds, officerGemeenteIds, type Actor } from "./actor";

export function readableGemeenteWhere(actor: Actor): Prisma.GemeenteWhereInput {
  return { OR: [{ id: { in: officerGemeenteIds(actor) } }, { regioId: { in: leaderRegioIds(actor) } }] };
}

export function editableGemeenteWhere(actor: Actor): Prisma.GemeenteWhereInput {
  return { id: { in: officerGemeenteIds(actor) } };
}

export function readableZelfscanWhere(actor: Actor): Prisma.ZelfscanWhereInput {
  return { gemeente: readableGemeenteWhere(actor) };
}

/**
 * The scans of the actor's own gemeenten (their verbeterplan is theirs to change). Whether the scan
 * itself may still be changed is the rule of lib/zelfscan/editable.ts, which builds on this scope.
 */
export function officerZelfscanWhere(actor: Actor): Prisma.ZelfscanWhereInput {
  return { gemeente: editableGemeenteWhere(actor) };
}

export function ledRegioWhere(actor: Actor): Prisma.RegioWhereInput {
  return { id: { in: leaderRegioIds(actor) } };
}

/** Rounds are visible to everyone who works in the region: its leaders and its gemeenten's officers. */
export function visibleMeetrondeWhere(actor: Actor): Prisma.MeetrondeWhereInput {
  return {
    OR: [{ regioId: { in: leaderRegioIds(actor) } }, { regio: { gemeenten: { some: { id: { in: officerGemeenteIds(actor) } } } } }],
  };
}
