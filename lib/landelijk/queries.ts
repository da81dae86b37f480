import "server-only";
import type { Actor } from "@/lib/access/actor";
import { isLandelijk } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { CURRENT_FRAMEWORK_VERSION, getFramework, listFrameworkVersions, type Framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { benchmark, landelijkeVerdelingen, type TelbareScan, type Verdeling } from "./verdeling";

// The national aggregate. What leaves this module is figures per eis and onderdeel, nationally and
// per region, suppressed (verdeling.ts); never a gemeente's id, name, slug, score, toelichting or
// document. Gemeente ids are read only to keep one counted scan per gemeente and stay here.

const yearRange = (jaar: number) => ({ gte: new Date(Date.UTC(jaar, 0, 1)), lt: new Date(Date.UTC(jaar + 1, 0, 1)) });

/** Years (UTC year of the round's start) that have at least one submitted scan, newest first. */
async function jarenMetScans(prisma: PrismaClient): Promise<number[]> {
  const rondes = await prisma.meetronde.findMany({ where: { zelfscans: { some: { status: "INGEDIEND" } } }, select: { startsOn: true } });
  return [...new Set(rondes.map((ronde) => ronde.startsOn.getUTCFullYear()))].sort((a, b) => b - a);
}

/**
 * The counted scans of a year: submitted, and per gemeente only the one of its latest round in
 * that year; with the framework the year is measured against (the latest version among them).
 */
async function telbareScans(prisma: PrismaClient, jaar: number): Promise<{ framework: Framework; scans: TelbareScan[] }> {
  // One row per counted scan with its answers folded into a string ("3a=2,3b=?"): a national
  // year is some 13,000 answers, and a few hundred short rows cross the wire (and PGlite's worker)
  // far faster than that many objects. Only the region and the answers leave the database.
  const { gte, lt } = yearRange(jaar);
  const rows = await prisma.$queryRaw<{ regioId: string; frameworkVersion: string; answers: string | null }[]>`
    WITH telbaar AS (
      SELECT DISTINCT ON (z."gemeenteId") z.id, z."frameworkVersion", g."regioId"
      FROM "Zelfscan" z
      JOIN "Meetronde" m ON m.id = z."meetrondeId"
      JOIN "Gemeente" g ON g.id = z."gemeenteId"
      WHERE z.status = 'INGEDIEND' AND m."startsOn" >= ${gte} AND m."startsOn" < ${lt}
      ORDER BY z."gemeenteId", m."startsOn" DESC, z.id DESC
    )
    SELECT t."regioId", t."frameworkVersion",
      string_agg(a."onderdeelId" || '=' || CASE WHEN a."weetIkNiet" THEN '?' ELSE a.score::text END, ',') AS answers
    FROM telbaar t
    LEFT JOIN "Answer" a ON a."zelfscanId" = t.id AND (a."weetIkNiet" OR a.score IS NOT NULL)
    GROUP BY t.id, t."regioId", t."frameworkVersion"`;
  const known = listFrameworkVersions();
  const versions = [...new Set(rows.map((row) => row.frameworkVersion))].filter((version) => known.includes(version)).sort();
  const framework = getFramework(versions.at(-1) ?? CURRENT_FRAMEWORK_VERSION);
  return {
    framework,
    scans: rows.map((row) => ({
      regioId: row.regioId,
      answers: (row.answers ? row.answers.split(",") : []).map((pair) => {
        const [onderdeelId, value] = pair.split("=") as [string, string];
        return value === "?" ? { onderdeelId, score: null, weetIkNiet: true } : { onderdeelId, score: Number(value), weetIkNiet: false };
      }),
    })),
  };
}

export type LandelijkeVerdeling = {
  /** Years with submitted scans, newest first. */
  jaren: number[];
  /** The year shown: the one asked for, else the latest; null when there is none. */
  jaar: number | null;
  framework: Framework;
  /** Every region, for the filter. */
  regios: { name: string; slug: string }[];
  /** The region filtered on; null: all regions. */
  regio: { name: string; slug: string } | null;
  landelijk: Verdeling;
  /** The distribution per region (only the chosen one when filtered), suppressed. */
  perRegio: { regio: { name: string; slug: string }; verdeling: Verdeling }[];
};

/** The national distribution of a year, nationally and per region. Only for the national team. */
export async function getLandelijkeVerdeling(
  prisma: PrismaClient,
  actor: Actor,
  input: { jaar?: number; regio?: string } = {},
): Promise<LandelijkeVerdeling | null> {
  if (!isLandelijk(actor)) {
    await auditRefusal(prisma, actor, { type: "Landelijk", byRole: true }, "landelijke verdeling bekijken");
    return null;
  }
  const [jaren, regioRows] = await Promise.all([
    jarenMetScans(prisma),
    prisma.regio.findMany({ select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } }),
  ]);
  const jaar = input.jaar ?? jaren[0] ?? null;
  const { framework, scans } = jaar === null ? { framework: getFramework(CURRENT_FRAMEWORK_VERSION), scans: [] } : await telbareScans(prisma, jaar);
  const { landelijk, regios } = landelijkeVerdelingen(
    framework,
    regioRows.map((row) => row.id),
    scans,
  );
  const gekozen = input.regio ? (regioRows.find((row) => row.slug === input.regio) ?? null) : null;
  return {
    jaren,
    jaar,
    framework,
    regios: regioRows.map((row) => ({ name: row.name, slug: row.slug })),
    regio: gekozen && { name: gekozen.name, slug: gekozen.slug },
    landelijk,
    perRegio: regioRows
      .filter((row) => !input.regio || row.id === gekozen?.id)
      .map((row) => ({ regio: { name: row.name, slug: row.slug }, verdeling: regios[row.id]! })),
  };
}

/**
 * A scan's benchmark: the region's and the national distribution of the scan's year, suppressed as
 * the national view is. Internal: the caller has already authorized the scan (getRapport, exportRapport for the PDF).
 */
export async function benchmarkVoorScan(
  prisma: PrismaClient,
  scan: { id: string; gemeente: { regioId: string }; meetronde: { startsOn: Date } },
): Promise<{ jaar: number; regio: Verdeling; landelijk: Verdeling }> {
  const jaar = scan.meetronde.startsOn.getUTCFullYear();
  const [{ framework, scans }, regioRows] = await Promise.all([telbareScans(prisma, jaar), prisma.regio.findMany({ select: { id: true } })]);
  return {
    jaar,
    ...benchmark(
      framework,
      regioRows.map((row) => row.id),
      scans,
      scan.gemeente.regioId,
    ),
  };
}
