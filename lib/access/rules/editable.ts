// The rule "may this be changed". Two parts, each written here once:
// - the scope, "the gemeente's own": only a gemeente's own officers change its scans and its
//   verbeterplan (the plan stays theirs to change after the scan is submitted);
// - the state: a scan may be changed while it is not submitted and its round is not closed.
// A scan may be changed when both hold. Each part, and the whole, in every form a caller needs,
// side by side: the pure predicate (pages, after a read), the Prisma filter (queries and
// conditional updates) and the SQL fragment (the save statement of lib/zelfscan/answer-write.ts,
// which goes straight to the driver). tests/integration/access-rules.test.ts runs all forms over
// every case and checks that they agree.
//
// The SQL fragments are Prisma.Sql values that carry their own parameters: compose them in
// $queryRaw`… ${fragment} …`, or in a Prisma.sql statement whose .text and .values go to the
// driver. They are boolean expressions over fixed aliases: g for "Gemeente", z for "Zelfscan",
// m for "Meetronde" (a scan's own gemeente and round).
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeetrondeStatus, ZelfscanStatus } from "@/lib/generated/prisma/enums";
import { officerGemeenteIds, type Grants } from "../grants";

/** What decides, besides who is acting, whether a scan may be changed. */
export type EditState = { status: ZelfscanStatus; meetrondeStatus: MeetrondeStatus };

const SUBMITTED: ZelfscanStatus = "INGEDIEND";
const CLOSED: MeetrondeStatus = "GESLOTEN";

// ---- Pure form ----------------------------------------------------------------------------

/** The scope: the actor is one of the gemeente's own officers. */
export function canEditGemeente(actor: Grants, gemeente: { id: string }): boolean {
  return officerGemeenteIds(actor).includes(gemeente.id);
}

/** The state: not submitted, and its round not closed. */
export function isEditable(scan: EditState): boolean {
  return scan.status !== SUBMITTED && scan.meetrondeStatus !== CLOSED;
}

/** The whole rule: the actor is an officer of the scan's gemeente, and its state allows changes. */
export function mayEditZelfscan(actor: Grants, scan: EditState & { gemeenteId: string }): boolean {
  return canEditGemeente(actor, { id: scan.gemeenteId }) && isEditable(scan);
}

/** Why a scan cannot be changed, in the words the officer sees (page notice and 423 answer); null when it can. */
export function lockMessage(scan: EditState): string | null {
  if (scan.status === SUBMITTED) return "Deze zelfscan is ingediend en kan niet meer worden gewijzigd, tenzij de projectleider hem heropent.";
  if (scan.meetrondeStatus === CLOSED) return "Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd.";
  return null;
}

// ---- Prisma form --------------------------------------------------------------------------

/** The scope on Gemeente: the actor's own gemeenten. */
export function editableGemeenteWhere(actor: Grants): Prisma.GemeenteWhereInput {
  return { id: { in: officerGemeenteIds(actor) } };
}

/** The scope on Zelfscan: the scans of the actor's own gemeenten (their verbeterplan is theirs to change). */
export function officerZelfscanWhere(actor: Grants): Prisma.ZelfscanWhereInput {
  return { gemeente: editableGemeenteWhere(actor) };
}

/** The state on Zelfscan. */
export const editableStateWhere: Prisma.ZelfscanWhereInput = { status: { not: SUBMITTED }, meetronde: { status: { not: CLOSED } } };

/** The whole rule on Zelfscan: the actor's own gemeenten, and an editable state. */
export function editableZelfscanWhere(actor: Grants): Prisma.ZelfscanWhereInput {
  return { AND: [officerZelfscanWhere(actor), editableStateWhere] };
}

// ---- SQL form -----------------------------------------------------------------------------

/** The scope over g (the gemeente, or a scan's gemeente). */
export function editableGemeenteSql(actor: Grants): Prisma.Sql {
  return Prisma.sql`g.id = ANY(${officerGemeenteIds(actor)}::text[])`;
}

/** The state over z and m. */
export const EDITABLE_STATE_SQL: Prisma.Sql = Prisma.raw(`(z.status::text <> '${SUBMITTED}' AND m.status::text <> '${CLOSED}')`);

/** The whole rule over g, z and m. */
export function editableZelfscanSql(actor: Grants): Prisma.Sql {
  return Prisma.sql`(${editableGemeenteSql(actor)} AND ${EDITABLE_STATE_SQL})`;
}
