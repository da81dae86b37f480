import "server-only";
import type { Actor } from "@/lib/access/actor";
import { recordExport } from "@/lib/audit/export";
import { getAnswerDocuments } from "@/lib/documenten/queries";
import { ontwikkelingVoorScan } from "@/lib/gemeente/queries";
import { benchmarkVoorScan } from "@/lib/landelijk/queries";
import { MIN_GEMEENTEN } from "@/lib/landelijk/verdeling";
import { getZelfscan } from "@/lib/zelfscan/queries";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { projectScan } from "@/lib/scoring/projection";
import { scoreScan } from "@/lib/scoring/score";

/**
 * Everything the report, the verbeterplan and their exports need about one scan, within the
 * actor's scope: the scan, its score and projected score, its actions and the comments per item.
 */
export async function getVerbeterplan(prisma: PrismaClient, actor: Actor, zelfscanId: string) {
  const found = await getZelfscan(prisma, actor, zelfscanId);
  if (!found) return null;
  const { scan, framework } = found;
  const [acties, comments, documents] = await Promise.all([
    prisma.verbeteractie.findMany({
      where: { zelfscanId: scan.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: {
        owner: { select: { id: true, name: true } },
        voortgang: { orderBy: [{ notedOn: "asc" }, { createdAt: "asc" }], include: { author: { select: { name: true } } } },
      },
    }),
    prisma.comment.findMany({ where: { zelfscanId: scan.id }, orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } }),
    getAnswerDocuments(prisma, actor, scan.id),
  ]);
  const score = scoreScan(framework, scan.answers);
  const actionOnderdeelIds = new Set(acties.filter((actie) => actie.status !== "VERVALLEN").flatMap((actie) => actie.onderdeelIds));
  const withoutAction = score.gaps.filter((gap) => !actionOnderdeelIds.has(gap.onderdeel.id));
  const active = acties.filter((actie) => actie.status !== "VERVALLEN");
  return {
    ...found,
    score,
    // Current, projected (once the actions with a doelscore are done) and target per eis.
    projectie: projectScan(score, acties),
    acties,
    comments,
    withoutAction,
    // The evidence documents per onderdeel, in the framework's order (the PDF's annex, the xlsx).
    documenten: framework.onderdelen.flatMap((onderdeel) => {
      const linked = documents.get(onderdeel.id) ?? [];
      return linked.length ? [{ onderdeelId: onderdeel.id, documents: linked }] : [];
    }),
    progress: {
      total: active.length,
      afgerond: active.filter((actie) => actie.status === "AFGEROND").length,
      inUitvoering: active.filter((actie) => actie.status === "IN_UITVOERING").length,
      gepland: active.filter((actie) => actie.status === "GEPLAND").length,
      percentage: active.length ? Math.round((active.filter((actie) => actie.status === "AFGEROND").length / active.length) * 100) : 0,
    },
  };
}

/**
 * The active officers of a gemeente, who may own an action (the form's choice of colleague).
 * Only for an actor who may edit the plan: the caller shows it to editors only.
 */
export function possibleOwners(prisma: PrismaClient, gemeenteId: string) {
  return prisma.user.findMany({
    where: { active: true, roles: { some: { role: "BELEIDSMEDEWERKER", gemeenteId } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * The verbeterplan with the comparisons that only the rapport and its PDF show: the region's and the
 * national distribution of the scan's year (lib/landelijk, anonymised) and the gemeente over time up
 * to this scan. Apart, because the benchmark reads every counted scan of the year: the verbeterplan
 * page and the CSV and xlsx exports do without.
 */
async function metVergelijkingen(prisma: PrismaClient, data: VerbeterplanData) {
  const [ontwikkeling, benchmark] = await Promise.all([ontwikkelingVoorScan(prisma, data.scan), benchmarkVoorScan(prisma, data.scan)]);
  // The rule's threshold travels with the figures, for the components that say it.
  return { ...data, ontwikkeling, benchmark: { ...benchmark, minGemeenten: MIN_GEMEENTEN } };
}

/** The rapport of a scan within the actor's scope: the verbeterplan and its comparisons. */
export async function getRapport(prisma: PrismaClient, actor: Actor, zelfscanId: string) {
  const data = await getVerbeterplan(prisma, actor, zelfscanId);
  return data ? metVergelijkingen(prisma, data) : null;
}

/** The PDF's data: the audited export of the verbeterplan, with the rapport's comparisons. */
export async function exportRapport(prisma: PrismaClient, actor: Actor, zelfscanId: string) {
  const data = await exportVerbeterplan(prisma, actor, zelfscanId, "pdf");
  return data ? metVergelijkingen(prisma, data) : null;
}

/** The verbeterplan for an export (CSV, PDF, xlsx): the same data, and the export is audited. */
export async function exportVerbeterplan(prisma: PrismaClient, actor: Actor, zelfscanId: string, format: "csv" | "pdf" | "xlsx") {
  const data = await getVerbeterplan(prisma, actor, zelfscanId);
  if (!data) return null;
  await recordExport(prisma, actor, {
    kind: "verbeterplan",
    format,
    targetType: "Zelfscan",
    targetId: data.scan.id,
    gemeenteId: data.scan.gemeenteId,
    regioId: data.scan.gemeente.regioId,
    details: { acties: data.acties.length },
  });
  return data;
}

export type VerbeterplanData = NonNullable<Awaited<ReturnType<typeof getVerbeterplan>>>;
export type RapportData = Awaited<ReturnType<typeof metVergelijkingen>>;
