// The rules of working together on a gemeente's zelfscan (issue 15): who coordinates, who may
// submit, and who may change an onderdeel that is assigned to someone. Built on the rule "the
// gemeente's own" (editable.ts): a coordinator is always also one of the gemeente's officers. A
// coordinatorId whose user is not (or no longer) an officer of the gemeente coordinates nothing, and
// withdrawing the grant or deactivating the account ends the appointment (lib/gemeente/coordinator.ts).
// Each rule in every form a caller needs, side by side: the pure predicate, the Prisma filter and the SQL fragment.
// tests/integration/coordinates-rule.test.ts runs the forms over its cases and checks that they agree.
//
// The SQL fragments are Prisma.Sql values that carry their own parameters, boolean expressions
// over fixed aliases: g for "Gemeente", z for "Zelfscan" (a scan's own gemeente).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Grants } from "../grants";
import { canEditGemeente, editableGemeenteSql, editableGemeenteWhere } from "./editable";

/** Who is acting, as these rules need it: their grants and their own id. */
export type Person = Grants & { userId: string };

/** A gemeente as these rules read it. */
export type Coordinated = { id: string; coordinatorId: string | null };

// ---- Pure form ----------------------------------------------------------------------------

/** The actor coordinates the gemeente: its coordinator, and one of its officers. */
export function isCoordinator(actor: Person, gemeente: Coordinated): boolean {
  return gemeente.coordinatorId === actor.userId && canEditGemeente(actor, gemeente);
}

/** The actor may submit the gemeente's scan: its coordinator, or any of its officers while it has none. */
export function maySubmit(actor: Person, gemeente: Coordinated): boolean {
  return canEditGemeente(actor, gemeente) && (gemeente.coordinatorId === null || gemeente.coordinatorId === actor.userId);
}

/**
 * The actor may change this onderdeel of a scan they may edit (the scan rule is editable.ts's):
 * always while the scan lets everyone change every onderdeel (the default), otherwise only the
 * coordinator and the onderdeel's own assignees.
 */
export function mayEditOnderdeel(actor: Person, scan: { onlyAssigneesEdit: boolean; gemeente: Coordinated }, assigneeIds: readonly string[]): boolean {
  return !scan.onlyAssigneesEdit || isCoordinator(actor, scan.gemeente) || assigneeIds.includes(actor.userId);
}

// ---- Prisma form --------------------------------------------------------------------------

/** The gemeenten the actor coordinates. */
export function coordinatedGemeenteWhere(actor: Person): Prisma.GemeenteWhereInput {
  return { AND: [editableGemeenteWhere(actor), { coordinatorId: actor.userId }] };
}

/** The scans of the gemeenten the actor coordinates. */
export function coordinatedZelfscanWhere(actor: Person): Prisma.ZelfscanWhereInput {
  return { gemeente: coordinatedGemeenteWhere(actor) };
}

/**
 * The gemeenten for which the actor may submit (maySubmit): their coordinator, or any of their
 * officers while they have none. The same people decide the gemeente's other choices made on its
 * behalf, such as sharing good examples in the learning network (lib/leernetwerk).
 */
export function submittingGemeenteWhere(actor: Person): Prisma.GemeenteWhereInput {
  return { AND: [editableGemeenteWhere(actor), { OR: [{ coordinatorId: null }, { coordinatorId: actor.userId }] }] };
}

/** The scans the actor may submit (scope only; the state is editable.ts's editableStateWhere). */
export function submittableZelfscanWhere(actor: Person): Prisma.ZelfscanWhereInput {
  return { gemeente: submittingGemeenteWhere(actor) };
}

// ---- SQL form -----------------------------------------------------------------------------

/** isCoordinator over g. */
export function coordinatorSql(actor: Person): Prisma.Sql {
  return Prisma.sql`(${editableGemeenteSql(actor)} AND g."coordinatorId" = ${actor.userId}::text)`;
}

/**
 * mayEditOnderdeel over z and g, for the onderdeel named by the SQL expression `onderdeelId`
 * (a column of the statement, e.g. Prisma.sql`i."onderdeelId"`).
 */
export function mayEditOnderdeelSql(actor: Person, onderdeelId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(NOT z."onlyAssigneesEdit" OR ${coordinatorSql(actor)} OR EXISTS (
    SELECT 1 FROM "Assignment" t WHERE t."zelfscanId" = z.id AND t."onderdeelId" = ${onderdeelId} AND t."userId" = ${actor.userId}::text))`;
}
