// Who hears of an event in a gemeente or region: the active accounts holding the grant now. A
// deactivated account, or one whose grant was taken away, gets nothing; the person who caused the
// event never hears of it from the application.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Person = { id: string; email: string; name: string };

type Reader = Pick<Prisma.TransactionClient, "user">;

const PERSON = { id: true, email: true, name: true } as const;

/** The active beleidsmedewerkers of a gemeente, in a stable order (by id). */
export function officersOf(tx: Reader, gemeenteId: string): Promise<Person[]> {
  return tx.user.findMany({
    where: { active: true, roles: { some: { role: "BELEIDSMEDEWERKER", gemeenteId } } },
    select: PERSON,
    orderBy: { id: "asc" },
  });
}

/** The active projectleiders of a region, in a stable order (by id). */
export function leadersOf(tx: Reader, regioId: string): Promise<Person[]> {
  return tx.user.findMany({
    where: { active: true, roles: { some: { role: "PROJECTLEIDER", regioId } } },
    select: PERSON,
    orderBy: { id: "asc" },
  });
}

/** Everyone once, without `actorId`, in the order first seen. */
export function withoutActor(people: Person[], actorId: string): Person[] {
  const seen = new Set<string>([actorId]);
  return people.filter((person) => (seen.has(person.id) ? false : (seen.add(person.id), true)));
}

/** The acting user as a person the messages name. */
export const personOf = (actor: { userId: string; email: string; name: string }): Person => ({ id: actor.userId, email: actor.email, name: actor.name });
