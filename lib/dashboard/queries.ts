import "server-only";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder, isLandelijk } from "@/lib/access/grants";
import { editableGemeenteWhere } from "@/lib/access/rules/editable";
import { ledRegioWhere } from "@/lib/access/rules/leads-region";
import { getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scanProgress } from "@/lib/shared/zelfscan/progress";

/**
 * What the start page shows a signed-in user: their gemeenten with open rounds, their regions,
 * whether they are a beheerder or on the national programme team (which sees the national view only).
 */
export async function getDashboard(prisma: PrismaClient, actor: Actor) {
  const gemeenten = await prisma.gemeente.findMany({
    where: editableGemeenteWhere(actor),
    orderBy: { name: "asc" },
    include: {
      regio: { include: { meetrondes: { where: { status: "OPEN" }, orderBy: { deadline: "asc" } } } },
      zelfscans: { include: { answers: { select: { onderdeelId: true, score: true, weetIkNiet: true, toelichting: true } } } },
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
    isLandelijk: isLandelijk(actor),
    gemeenten: gemeenten.map((gemeente) => ({
      name: gemeente.name,
      slug: gemeente.slug,
      openMeetrondes: gemeente.regio.meetrondes.map((meetronde) => {
        const scan = gemeente.zelfscans.find((candidate) => candidate.meetrondeId === meetronde.id);
        return {
          name: meetronde.name,
          deadline: meetronde.deadline,
          scan: scan ? { id: scan.id, status: scan.status, progress: scanProgress(getFramework(scan.frameworkVersion), scan.answers) } : null,
        };
      }),
    })),
    regios: regios.map((regio) => ({
      name: regio.name,
      slug: regio.slug,
      gemeenten: regio._count.gemeenten,
      openMeetrondes: regio.meetrondes.map((meetronde) => ({
        name: meetronde.name,
        deadline: meetronde.deadline,
        ingediend: meetronde.zelfscans.filter((scan) => scan.status === "INGEDIEND").length,
        gestart: meetronde.zelfscans.length,
      })),
    })),
  };
}
