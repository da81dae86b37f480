// The one rule "may this scan be changed": by one of its gemeente's own officers, while the scan
// is not submitted and its round is not closed. Written here once, in each form a caller needs,
// side by side: the pure predicate (pages, after a read), the Prisma filter (queries and
// conditional updates) and the SQL fragments (the save statement of answer-write.ts, which goes
// straight to the driver). tests/integration/editable-rule.test.ts runs all forms over every case
// and checks that they agree.
import type { Actor } from "@/lib/access/actor";
import { officerGemeenteIds } from "@/lib/access/actor";
import { officerZelfscanWhere } from "@/lib/access/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MeetrondeStatus, ZelfscanStatus } from "@/lib/generated/prisma/enums";

/** What decides, besides who is acting, whether a scan may be changed. */
export type EditState = { status: ZelfscanStatus; rondeStatus: MeetrondeStatus };

const SUBMITTED: ZelfscanStatus = "INGEDIEND";
const CLOSED: MeetrondeStatus = "GESLOTEN";

// ---- Pure form ----------------------------------------------------------------------------

/** The scan's state allows changes: not submitted, and its round not closed. */
export function isEditable(scan: EditState): boolean {
  return scan.status !== SUBMITTED && scan.rondeStatus !== CLOSED;
}

/** The actor may change the scan: an officer of its gemeente, and its state allows changes. */
export function mayEditZelfscan(actor: Pick<Actor, "grants">, scan: EditState & { gemeenteId: string }): boolean {
  return officerGemeenteIds(actor).includes(scan.gemeenteId) && isEditable(scan);
}

/** Why a scan cannot be changed, in the words the officer sees (page notice and 423 answer); null when it can. */
export function lockMessage(scan: EditState): string | null {
  if (scan.status === SUBMITTED) return "Deze zelfscan is ingediend en kan niet meer worden gewijzigd, tenzij de projectleider hem heropent.";
  if (scan.rondeStatus === CLOSED) return "Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd.";
  return null;
}

// ---- Prisma form --------------------------------------------------------------------------

/** The state part of the rule as a Prisma filter on Zelfscan. */
export const editableStateWhere: Prisma.ZelfscanWhereInput = { status: { not: SUBMITTED }, meetronde: { status: { not: CLOSED } } };

/** The whole rule as a Prisma filter on Zelfscan: the actor's own gemeenten, and an editable state. */
export function editableZelfscanWhere(actor: Actor): Prisma.ZelfscanWhereInput {
  return { AND: [officerZelfscanWhere(actor), editableStateWhere] };
}

// ---- SQL form -----------------------------------------------------------------------------
// For statements over `"Zelfscan" z JOIN "Meetronde" m ON m.id = z."meetrondeId"`, with the
// actor's officerGemeenteIds bound to the parameter named in editableScopeSql.

/** The scope part of the rule: `gemeenteIds` is the placeholder (e.g. `$2`) bound to officerGemeenteIds(actor). */
export function editableScopeSql(gemeenteIds: string): string {
  return `z."gemeenteId" = ANY(${gemeenteIds}::text[])`;
}

/** The state part of the rule, a boolean expression over `z` and `m`. */
export const EDITABLE_STATE_SQL = `(z.status::text <> '${SUBMITTED}' AND m.status::text <> '${CLOSED}')`;

/** The value to bind to editableScopeSql's placeholder. */
export const editableScopeParam = (actor: Pick<Actor, "grants">): string[] => officerGemeenteIds(actor);
