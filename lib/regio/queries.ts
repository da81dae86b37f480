import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { ledRegioWhere } from "@/lib/access/scope";
import { getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scanProgress } from "@/lib/zelfscan/progress";

/** A region with, per round, the state of every gemeente's scan. Only for the region's leaders. */
export async function getRegioOverview(prisma: PrismaClient, actor: Actor, slug: string) {
  const regio = await prisma.regio.findFirst({
    where: { AND: [{ slug }, ledRegioWhere(actor)] },
    include: {
      gemeenten: { orderBy: { name: "asc" } },
      meetrondes: {
        orderBy: { startsOn: "desc" },
        include: { zelfscans: { include: { answers: { select: { itemId: true, score: true, unknown: true, toelichting: true } } } } },
      },
    },
  });
  if (!regio) {
    await auditRefusal(prisma, actor, { type: "Regio", slug });
    return null;
  }
  return {
    regio: { id: regio.id, name: regio.name, slug: regio.slug },
    rondes: regio.meetrondes.map((ronde) => ({
      id: ronde.id,
      name: ronde.name,
      status: ronde.status,
      deadline: ronde.deadline,
      gemeenten: regio.gemeenten.map((gemeente) => {
        const scan = ronde.zelfscans.find((candidate) => candidate.gemeenteId === gemeente.id);
        return {
          name: gemeente.name,
          slug: gemeente.slug,
          scan: scan
            ? { id: scan.id, status: scan.status, progress: scanProgress(getFramework(scan.frameworkVersion), scan.answers) }
            : null,
        };
      }),
    })),
  };
}
