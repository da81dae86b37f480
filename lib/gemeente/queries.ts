import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { maySubmit } from "@/lib/access/rules/coordinates";
import { canEditGemeente } from "@/lib/access/rules/editable";
import { readableGemeenteWhere } from "@/lib/access/rules/readable";
import { getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scanProgress } from "@/lib/shared/zelfscan/progress";

/** A gemeente with the rounds of its region and its scan in each, or null outside the actor's scope. */
export async function getGemeenteOverview(prisma: PrismaClient, actor: Actor, slug: string) {
  const gemeente = await prisma.gemeente.findFirst({
    where: { AND: [{ slug }, readableGemeenteWhere(actor)] },
    include: {
      regio: { include: { meetrondes: { orderBy: { startsOn: "desc" } } } },
      zelfscans: { include: { answers: { select: { onderdeelId: true, score: true, weetIkNiet: true, toelichting: true } } } },
    },
  });
  if (!gemeente) {
    await auditRefusal(prisma, actor, { type: "Gemeente", slug });
    return null;
  }
  return {
    gemeente: { id: gemeente.id, name: gemeente.name, slug: gemeente.slug, regio: { name: gemeente.regio.name, slug: gemeente.regio.slug } },
    mayEdit: canEditGemeente(actor, gemeente),
    /** The learning network (lib/leernetwerk): whether it shares, and whether the actor may change that. */
    delen: { deelt: gemeente.deeltVoorbeelden, mayChange: maySubmit(actor, gemeente) },
    meetrondes: gemeente.regio.meetrondes.map((meetronde) => {
      const scan = gemeente.zelfscans.find((candidate) => candidate.meetrondeId === meetronde.id);
      return {
        id: meetronde.id,
        name: meetronde.name,
        status: meetronde.status,
        deadline: meetronde.deadline,
        scan: scan ? { id: scan.id, status: scan.status, progress: scanProgress(getFramework(scan.frameworkVersion), scan.answers) } : null,
      };
    }),
  };
}
