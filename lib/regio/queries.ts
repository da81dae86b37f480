import "server-only";
import type { Actor } from "@/lib/access/actor";
import { canReadGemeente } from "@/lib/access/rules/readable";
import { auditRefusal } from "@/lib/access/refusal";
import { ledRegioWhere } from "@/lib/access/rules/leads-region";
import { getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scanProgress } from "@/lib/shared/zelfscan/progress";

/** A region with, per round, the state of every gemeente's scan. Only for the region's leaders. */
export async function getRegioOverview(prisma: PrismaClient, actor: Actor, slug: string) {
  const regio = await prisma.regio.findFirst({
    where: { AND: [{ slug }, ledRegioWhere(actor)] },
    include: {
      gemeenten: { orderBy: { name: "asc" } },
      meetrondes: {
        orderBy: { startsOn: "desc" },
        include: { zelfscans: { include: { answers: { select: { onderdeelId: true, score: true, weetIkNiet: true, toelichting: true } } } } },
      },
    },
  });
  if (!regio) {
    await auditRefusal(prisma, actor, { type: "Regio", slug });
    return null;
  }
  return {
    regio: { id: regio.id, name: regio.name, slug: regio.slug },
    meetrondes: regio.meetrondes.map((meetronde) => ({
      id: meetronde.id,
      name: meetronde.name,
      status: meetronde.status,
      deadline: meetronde.deadline,
      gemeenten: regio.gemeenten.map((gemeente) => {
        const scan = meetronde.zelfscans.find((candidate) => candidate.gemeenteId === gemeente.id);
        return {
          name: gemeente.name,
          slug: gemeente.slug,
          scan: scan ? { id: scan.id, status: scan.status, progress: scanProgress(getFramework(scan.frameworkVersion), scan.answers) } : null,
        };
      }),
    })),
  };
}

export type VoortgangRij = {
  gemeente: { name: string; slug: string };
  scanId: string | null;
  counts: Record<"GEPLAND" | "IN_UITVOERING" | "AFGEROND" | "VERVALLEN", number>;
  total: number;
};

/**
 * The local verbeterplannen of a region at a glance: per gemeente the number of actions in each
 * status, in one round (default: the most recent round in which any gemeente has actions).
 */
export async function getVerbeterplanVoortgang(prisma: PrismaClient, actor: Actor, input: { slug: string; meetrondeId?: string }) {
  const regio = await prisma.regio.findFirst({
    where: { AND: [{ slug: input.slug }, ledRegioWhere(actor)] },
    include: { gemeenten: { orderBy: { name: "asc" } }, meetrondes: { orderBy: { startsOn: "desc" } } },
  });
  if (!regio) {
    await auditRefusal(prisma, actor, { type: "Regio", slug: input.slug });
    return null;
  }
  const meetronde = input.meetrondeId
    ? regio.meetrondes.find((candidate) => candidate.id === input.meetrondeId)
    : ((await prisma.meetronde.findFirst({ where: { regioId: regio.id, zelfscans: { some: { acties: { some: {} } } } }, orderBy: { startsOn: "desc" } })) ??
      regio.meetrondes[0]);
  const gemeenten = regio.gemeenten.map((gemeente) => ({ id: gemeente.id, name: gemeente.name, slug: gemeente.slug }));
  if (!meetronde)
    return {
      regio: { id: regio.id, name: regio.name, slug: regio.slug },
      gemeenten,
      meetrondes: regio.meetrondes,
      meetronde: null,
      rijen: [] as VoortgangRij[],
    };
  const scans = await prisma.zelfscan.findMany({
    where: { meetrondeId: meetronde.id, gemeente: { regioId: regio.id } },
    select: { id: true, gemeenteId: true, acties: { select: { status: true } } },
  });
  const rijen = regio.gemeenten.map((gemeente): VoortgangRij => {
    const scan = scans.find((candidate) => candidate.gemeenteId === gemeente.id);
    const counts = { GEPLAND: 0, IN_UITVOERING: 0, AFGEROND: 0, VERVALLEN: 0 };
    for (const actie of scan?.acties ?? []) counts[actie.status]++;
    return { gemeente: { name: gemeente.name, slug: gemeente.slug }, scanId: scan?.id ?? null, counts, total: scan?.acties.length ?? 0 };
  });
  return { regio: { id: regio.id, name: regio.name, slug: regio.slug }, gemeenten, meetrondes: regio.meetrondes, meetronde, rijen };
}

/** Framework versions an administrator has loaded: the ones a new round may use. */
export async function loadedFrameworkVersions(prisma: PrismaClient) {
  const loaded = await prisma.frameworkVersion.findMany({ orderBy: { version: "asc" } });
  return loaded.flatMap((row) => {
    try {
      const framework = getFramework(row.version);
      return [{ version: row.version, label: `${framework.title} (versie ${framework.version})` }];
    } catch {
      return [];
    }
  });
}

/** The regional plan of a region (its leaders), with the municipalities and accents of each action. */
export async function listRegionaleActies(prisma: PrismaClient, actor: Actor, regioSlug: string) {
  const regio = await prisma.regio.findFirst({ where: { AND: [{ slug: regioSlug }, ledRegioWhere(actor)] }, select: { id: true } });
  if (!regio) {
    await auditRefusal(prisma, actor, { type: "Regio", slug: regioSlug }, "regionaal plan bekijken");
    return null;
  }
  return prisma.regionaleActie.findMany({
    where: { regioId: regio.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { gemeenten: { include: { gemeente: { select: { name: true, slug: true } } } } },
  });
}

/** The regional actions that concern one gemeente, for its local verbeterplan (officers and leaders). */
export async function regionaleActiesVoorGemeente(prisma: PrismaClient, actor: Actor, gemeenteId: string) {
  const gemeente = await prisma.gemeente.findUnique({ where: { id: gemeenteId } });
  if (!gemeente) return [];
  if (!canReadGemeente(actor, gemeente)) {
    await auditRefusal(prisma, actor, { type: "Gemeente", id: gemeenteId }, "regionale acties van gemeente bekijken");
    return [];
  }
  const acties = await prisma.regionaleActie.findMany({
    where: { gemeenten: { some: { gemeenteId } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { gemeenten: { where: { gemeenteId } } },
  });
  return acties.map(({ gemeenten, ...actie }) => ({ ...actie, accent: gemeenten[0]?.accent ?? "" }));
}
