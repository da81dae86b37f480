// The regional overview of one round, ready for the PDF, xlsx and CSV exports (each one audited). Access is checked
// by getRegioAnalysis (only the region's leaders); anything else is null (404).
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { recordExport } from "@/lib/audit/export";
import type { Framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { commonGaps, heatMap, sortRows, type CommonGap, type HeatMap } from "./aggregate";
import { getRegioAnalysis } from "./analysis";
import { parseThreshold } from "@/lib/shared/regio/view";

export type RegioOverviewExport = {
  regio: { name: string };
  meetronde: { name: string; deadline: Date; status: string };
  framework: Framework;
  map: HeatMap;
  gaps: readonly CommonGap[];
  threshold: number;
};

export async function getRegioOverviewExport(
  prisma: PrismaClient,
  actor: Actor,
  input: { slug: string; meetrondeId: string; minimaal: string | null; format: "csv" | "pdf" | "xlsx" },
): Promise<RegioOverviewExport | null> {
  const analysis = await getRegioAnalysis(prisma, actor, { slug: input.slug, meetrondeId: input.meetrondeId });
  if (analysis && analysis.meetronde?.id !== input.meetrondeId) {
    // The region is the leader's, the round is not one of it: another region's round, asked for by id.
    await auditRefusal(prisma, actor, { type: "Meetronde", id: input.meetrondeId }, "regio-overzicht exporteren");
  }
  if (!analysis?.meetronde || analysis.meetronde.id !== input.meetrondeId || !analysis.framework) return null;
  const threshold = parseThreshold(input.minimaal ?? undefined, analysis.scans.length);
  // The export is audited: who took the region's figures out, of which round, in which format.
  await recordExport(prisma, actor, {
    kind: "regio-overzicht",
    format: input.format,
    targetType: "Meetronde",
    targetId: analysis.meetronde.id,
    regioId: analysis.regio.id,
    details: { gemeenten: analysis.scans.length },
  });
  const map = heatMap(analysis.framework, analysis.scans);
  return {
    regio: { name: analysis.regio.name },
    meetronde: { name: analysis.meetronde.name, deadline: analysis.meetronde.deadline, status: analysis.meetronde.status },
    framework: analysis.framework,
    // Every format lists the gemeenten by name.
    map: { ...map, rows: sortRows(map.rows, { by: "gemeente" }, "asc") },
    gaps: commonGaps(analysis.framework, analysis.scans, threshold),
    threshold,
  };
}
