import "server-only";
import { isBeheerder, type Actor } from "@/lib/access/actor";
import { editableGemeenteWhere } from "@/lib/access/rules/editable";
import { ledRegioWhere } from "@/lib/access/rules/leads-region";
import { getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scanProgress } from "@/lib/shared/zelfscan/progress";

/** What the start page shows a signed-in user: their gemeenten with open rounds, their regions. */
export async function getDashboard(prisma: PrismaClient, actor: Actor) {
  const gemeenten = await prisma.gemeente.findMany({
    where: editableGemeenteWhere(actor),
    orderBy: { name: "asc" },
    include: {
      regio: { include: { meetrondes: { where: { status: "OPEN" }, orderBy: { deadline: "asc" } } } },
      zelfscans: { include: { answers: { select: { itemId: true, score: true, unknown: true, toelichting: true } } } },
    },
  });
  const regios = await prisma.regio.findMany({
    where: ledRegioWhere(actor),
    orderBy: { name: "asc" },
    include: {
      _count: { select: { gemeenten: true } },
      meetrondes: {
        where: { status: "OPEN" },
        orderBy: { deadline: "asc" },
        include: { zelfscans: { select: { status: true } } },
      },
    },
  });
  return {
    isBeheerder: isBeheerder(actor),
    gemeenten: gemeenten.map((gemeente) => ({
      name: gemeente.name,
      slug: gemeente.slug,
      openRondes: gemeente.regio.meetrondes.map((ronde) => {
        const scan = gemeente.zelfscans.find((candidate) => candidate.meetrondeId === ronde.id);
        return {
          name: ronde.name,
          deadline: ronde.deadline,
          scan: scan
            ? { id: scan.id, status: scan.status, progress: scanProgress(getFramework(scan.frameworkVersion), scan.answers) }
            : null,
        };
      }),
    })),
    regios: regios.map((regio) => ({
      name: regio.name,
      slug: regio.slug,
      gemeenten: regio._count.gemeenten,
      openRondes: regio.meetrondes.map((ronde) => ({
        name: ronde.name,
        deadline: ronde.deadline,
        ingediend: ronde.zelfscans.filter((scan) => scan.status === "INGEDIEND").length,
        gestart: ronde.zelfscans.length,
      })),
    })),
  };
}
