// A gemeente's coordinator is one of its officers: when that stops (the officer grant is
// withdrawn, the account is deactivated), the appointment ends in the same transaction, so that
// the gemeente is never left with a coordinator who cannot act (and so no one could submit).
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Ends the user's appointment as coordinator (of one gemeente, or of all), with an audit entry per gemeente. */
export async function endCoordinatorship(
  tx: Prisma.TransactionClient,
  input: { userId: string; gemeenteId?: string; actorId: string; reden: string },
): Promise<number> {
  const gemeenten = await tx.gemeente.findMany({
    where: { coordinatorId: input.userId, ...(input.gemeenteId ? { id: input.gemeenteId } : {}) },
    select: { id: true, name: true, regioId: true },
  });
  for (const gemeente of gemeenten) {
    await tx.gemeente.update({ where: { id: gemeente.id }, data: { coordinatorId: null } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "gemeente.coordinator-ingetrokken",
      targetType: "Gemeente",
      targetId: gemeente.id,
      gemeenteId: gemeente.id,
      regioId: gemeente.regioId,
      details: { gemeente: gemeente.name, coordinatorId: input.userId, reden: input.reden },
    });
  }
  return gemeenten.length;
}
