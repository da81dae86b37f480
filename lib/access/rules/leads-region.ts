// The rule "leads the region": a region's project leaders manage its rounds and regional plan,
// see its overview, reopen and comment on its gemeenten's scans. Written here once, in each form
// a caller needs, side by side: the pure predicate (after a read), the Prisma filter (inside the
// query) and the SQL fragment (for statements that go straight to the driver).
// tests/integration/access-rules.test.ts runs all forms over every case and checks that they agree.
//
// The SQL fragments are Prisma.Sql values that carry their own parameters: compose them in
// $queryRaw`… ${fragment} …`, or in a Prisma.sql statement whose .text and .values go to the
// driver. They are boolean expressions over fixed aliases: r for "Regio", g for "Gemeente".
import { Prisma } from "@/lib/generated/prisma/client";
import { leaderRegioIds, type Grants } from "../grants";

// ---- Pure form ----------------------------------------------------------------------------

/** The actor leads the region. */
export function canLeadRegio(actor: Grants, regioId: string): boolean {
  return leaderRegioIds(actor).includes(regioId);
}

// ---- Prisma form --------------------------------------------------------------------------

/** The regions the actor leads. */
export function ledRegioWhere(actor: Grants): Prisma.RegioWhereInput {
  return { id: { in: leaderRegioIds(actor) } };
}

/** The gemeenten of the regions the actor leads. */
export function ledGemeenteWhere(actor: Grants): Prisma.GemeenteWhereInput {
  return { regioId: { in: leaderRegioIds(actor) } };
}

// ---- SQL form -----------------------------------------------------------------------------

/** ledRegioWhere over r ("Regio"). */
export function ledRegioSql(actor: Grants): Prisma.Sql {
  return Prisma.sql`r.id = ANY(${leaderRegioIds(actor)}::text[])`;
}

/** ledGemeenteWhere over g ("Gemeente"). */
export function ledGemeenteSql(actor: Grants): Prisma.Sql {
  return Prisma.sql`g."regioId" = ANY(${leaderRegioIds(actor)}::text[])`;
}
