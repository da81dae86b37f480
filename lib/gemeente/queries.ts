import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { maySubmit } from "@/lib/access/rules/coordinates";
import { canEditGemeente } from "@/lib/access/rules/editable";
import { readableGemeenteWhere } from "@/lib/access/rules/readable";
import { getFramework } from "@/lib/framework";
import { gemeenteOntwikkeling } from "./ontwikkeling";
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

const ONTWIKKELING_SCAN = {
  id: true,
  status: true,
  frameworkVersion: true,
  meetronde: { select: { id: true, name: true, startsOn: true } },
  answers: { select: { onderdeelId: true, score: true, weetIkNiet: true, doelniveau: true } },
} as const;

async function ontwikkelingVan(prisma: PrismaClient, gemeente: { id: string; name: string; slug: string }, tot?: string) {
  const scans = await prisma.zelfscan.findMany({ where: { gemeenteId: gemeente.id }, select: ONTWIKKELING_SCAN });
  const ontwikkeling = gemeenteOntwikkeling(
    gemeente,
    scans.map((scan) => ({ ...scan, framework: getFramework(scan.frameworkVersion) })),
    tot,
  );
  // The herhaalmeting's framework names the eisen and onderdelen (items are matched by id).
  const framework = ontwikkeling.herhaalmeting ? getFramework(ontwikkeling.herhaalmeting.kaderversie) : null;
  return { ...ontwikkeling, framework };
}

/**
 * One gemeente over time: its nulmeting beside its herhaalmeting (lib/gemeente/ontwikkeling.ts),
 * for whoever may read the gemeente (its officers, the leaders of its region); null otherwise.
 */
export async function getGemeenteOntwikkeling(prisma: PrismaClient, actor: Actor, slug: string) {
  const gemeente = await prisma.gemeente.findFirst({ where: { AND: [{ slug }, readableGemeenteWhere(actor)] }, select: { id: true, name: true, slug: true } });
  if (!gemeente) {
    await auditRefusal(prisma, actor, { type: "Gemeente", slug }, "ontwikkeling van gemeente bekijken");
    return null;
  }
  return { gemeente, ...(await ontwikkelingVan(prisma, gemeente)) };
}

/**
 * The same, up to one scan (its PDF): that scan is the herhaalmeting. For a scan the caller has
 * already authorized (getRapport).
 */
export function ontwikkelingVoorScan(prisma: PrismaClient, scan: { id: string; gemeente: { id: string; name: string; slug: string } }) {
  return ontwikkelingVan(prisma, scan.gemeente, scan.id);
}
