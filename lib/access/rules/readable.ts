// The rule "may read": a gemeente's scans, reports, verbeterplan and its share of the regional
// plan are readable by its own officers and by the leaders of its region, nobody else (a
// beheerder manages accounts, not content). Built from the two rules it joins, the gemeente's own
// (editable.ts) and leads the region (leads-region.ts), in each form side by side: the pure
// predicate (after a read), the Prisma filter (inside the query) and the SQL fragment.
// tests/integration/access-rules.test.ts runs all forms over every case and checks that they agree.
//
// The SQL fragment is a Prisma.Sql value that carries its own parameters, a boolean expression
// over g ("Gemeente"; for a scan, its gemeente).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Grants } from "../grants";
import { canEditGemeente, editableGemeenteSql, editableGemeenteWhere } from "./editable";
import { canLeadRegio, ledGemeenteSql, ledGemeenteWhere } from "./leads-region";

// ---- Pure form ----------------------------------------------------------------------------

/** The actor may read the gemeente's scans and plans. */
export function canReadGemeente(actor: Grants, gemeente: { id: string; regioId: string }): boolean {
  return canEditGemeente(actor, gemeente) || canLeadRegio(actor, gemeente.regioId);
}

// ---- Prisma form --------------------------------------------------------------------------

export function readableGemeenteWhere(actor: Grants): Prisma.GemeenteWhereInput {
  return { OR: [editableGemeenteWhere(actor), ledGemeenteWhere(actor)] };
}

export function readableZelfscanWhere(actor: Grants): Prisma.ZelfscanWhereInput {
  return { gemeente: readableGemeenteWhere(actor) };
}

// ---- SQL form -----------------------------------------------------------------------------

/** readableGemeenteWhere over g; for scans (readableZelfscanWhere), over the scan's gemeente g. */
export function readableGemeenteSql(actor: Grants): Prisma.Sql {
  return Prisma.sql`(${editableGemeenteSql(actor)} OR ${ledGemeenteSql(actor)})`;
}
