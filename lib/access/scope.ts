// The Prisma forms of the access rules, importable from here for the callers that do so today.
// Each rule is owned by its module in rules/, with its pure and SQL forms beside the Prisma one.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";
import { editableGemeenteWhere } from "./rules/editable";
import { ledRegioWhere } from "./rules/leads-region";

export { readableGemeenteWhere, readableZelfscanWhere } from "./rules/readable";
export { editableGemeenteWhere, editableZelfscanWhere, officerZelfscanWhere } from "./rules/editable";
export { ledGemeenteWhere, ledRegioWhere } from "./rules/leads-region";

/** Rounds are visible to everyone who works in the region: its leaders and its gemeenten's officers. */
export function visibleMeetrondeWhere(actor: Actor): Prisma.MeetrondeWhereInput {
  return { OR: [{ regio: ledRegioWhere(actor) }, { regio: { gemeenten: { some: editableGemeenteWhere(actor) } } }] };
}
