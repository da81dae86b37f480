// The project leader's analysis of a region: scans of a round as input for the pure aggregation
// in aggregate.ts. Only the region's own project leaders get anything.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { ledRegioWhere } from "@/lib/access/rules/leads-region";
import { getFramework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RegioScan } from "./aggregate";
import type { PrognoseScan } from "./prognose";

const ANSWER_FIELDS = { onderdeelId: true, score: true, weetIkNiet: true, doelniveau: true, toelichting: true } as const;

async function ledRegio(prisma: PrismaClient, actor: Actor, slug: string) {
  const regio = await prisma.regio.findFirst({
    where: { AND: [{ slug }, ledRegioWhere(actor)] },
    include: { gemeenten: { orderBy: { name: "asc" } }, meetrondes: { orderBy: { startsOn: "desc" } } },
  });
  if (!regio) await auditRefusal(prisma, actor, { type: "Regio", slug });
  return regio;
}

async function meetrondeScans(
  prisma: PrismaClient,
  regio: { gemeenten: { id: string; name: string; slug: string }[] },
  meetrondeId: string,
): Promise<RegioScan[]> {
  const scans = await prisma.zelfscan.findMany({
    where: { meetrondeId, gemeenteId: { in: regio.gemeenten.map((gemeente) => gemeente.id) } },
    select: { id: true, status: true, gemeenteId: true, answers: { select: ANSWER_FIELDS } },
  });
  const byGemeente = new Map(scans.map((scan) => [scan.gemeenteId, scan]));
  return regio.gemeenten.map((gemeente) => {
    const scan = byGemeente.get(gemeente.id);
    return {
      gemeente: { id: gemeente.id, name: gemeente.name, slug: gemeente.slug },
      scan: scan ? { id: scan.id, status: scan.status, answers: scan.answers } : null,
    };
  });
}

/** A region's scans in one round (default: the most recent round that has scans). */
export async function getRegioAnalysis(prisma: PrismaClient, actor: Actor, input: { slug: string; meetrondeId?: string }) {
  const regio = await ledRegio(prisma, actor, input.slug);
  if (!regio) return null;
  const withScans = input.meetrondeId
    ? regio.meetrondes.find((meetronde) => meetronde.id === input.meetrondeId)
    : ((await prisma.meetronde.findFirst({ where: { regioId: regio.id, zelfscans: { some: {} } }, orderBy: { startsOn: "desc" } })) ?? regio.meetrondes[0]);
  if (!withScans) return { regio, meetrondes: regio.meetrondes, meetronde: null, framework: null, scans: [] as RegioScan[] };
  return {
    regio,
    meetrondes: regio.meetrondes,
    meetronde: withScans,
    framework: getFramework(withScans.frameworkVersion),
    scans: await meetrondeScans(prisma, regio, withScans.id),
  };
}

/** Two rounds of a region side by side (nulmeting and herhaalmeting). */
export async function getRegioComparison(prisma: PrismaClient, actor: Actor, input: { slug: string; fromId: string; toId: string }) {
  const regio = await ledRegio(prisma, actor, input.slug);
  if (!regio) return null;
  const from = regio.meetrondes.find((meetronde) => meetronde.id === input.fromId);
  const to = regio.meetrondes.find((meetronde) => meetronde.id === input.toId);
  if (!from || !to) return null;
  return {
    regio,
    from: { meetronde: from, framework: getFramework(from.frameworkVersion), scans: await meetrondeScans(prisma, regio, from.id) },
    to: { meetronde: to, framework: getFramework(to.frameworkVersion), scans: await meetrondeScans(prisma, regio, to.id) },
  };
}

/**
 * The prognose of a round: per gemeente of the region its scan in the round with the actions that
 * may count in the projected score (id, status, doelscore, items; never their texts). Only the
 * region's own project leaders; anyone else gets null and the refusal is audited.
 */
export async function getRegioPrognose(prisma: PrismaClient, actor: Actor, input: { slug: string; meetrondeId: string }) {
  const regio = await ledRegio(prisma, actor, input.slug);
  if (!regio) return null;
  const meetronde = regio.meetrondes.find((candidate) => candidate.id === input.meetrondeId);
  if (!meetronde) {
    // The region is the leader's, the round is not one of it: another region's round, asked for by id.
    await auditRefusal(prisma, actor, { type: "Meetronde", id: input.meetrondeId }, "prognose bekijken");
    return null;
  }
  const scans = await prisma.zelfscan.findMany({
    where: { meetrondeId: meetronde.id, gemeenteId: { in: regio.gemeenten.map((gemeente) => gemeente.id) } },
    select: {
      id: true,
      status: true,
      gemeenteId: true,
      answers: { select: ANSWER_FIELDS },
      acties: { select: { id: true, status: true, doelscore: true, onderdeelIds: true }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
    },
  });
  const byGemeente = new Map(scans.map((scan) => [scan.gemeenteId, scan]));
  const entries: PrognoseScan[] = regio.gemeenten.map((gemeente) => {
    const scan = byGemeente.get(gemeente.id);
    return {
      gemeente: { id: gemeente.id, name: gemeente.name, slug: gemeente.slug },
      scan: scan ? { id: scan.id, status: scan.status, answers: scan.answers, acties: scan.acties } : null,
    };
  });
  return { regio, meetronde, framework: getFramework(meetronde.frameworkVersion), scans: entries };
}
