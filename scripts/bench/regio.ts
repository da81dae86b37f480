// National-scale fixture: 342 municipalities in 25 regions, 3 rounds each, all 38 items answered
// (1,026 scans, 38,988 answers). Measures, per region, the server work behind the heat map page
// (scoped query + aggregation) and the common-gaps computation; then the growth with the number
// of municipalities in one region. Target: p95 < 300 ms, growth linear.
import type { Actor } from "@/lib/access/actor";
import { createDatabase, type Database } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { commonGaps, heatMap } from "@/lib/regio/aggregate";
import { getRegioAnalysis } from "@/lib/regio/analysis";
import { percentile, type BenchResult } from "./stats";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

async function fill(db: Database, regions: { slug: string; gemeenten: number }[]): Promise<Map<string, Actor>> {
  const leaders = new Map<string, Actor>();
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (const region of regions) {
    const regio = await db.prisma.regio.create({ data: { name: `Regio ${region.slug}`, slug: region.slug } });
    const user = await db.prisma.user.create({ data: { email: `leider@${region.slug}.example`, name: `Leider ${region.slug}` } });
    await db.prisma.roleGrant.create({ data: { userId: user.id, role: "PROJECTLEIDER", regioId: regio.id } });
    leaders.set(region.slug, {
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: "bench",
      grants: [{ role: "PROJECTLEIDER", regioId: regio.id, gemeenteId: null }],
    });
    await db.prisma.gemeente.createMany({
      data: Array.from({ length: region.gemeenten }, (_, index) => ({
        name: `Gemeente ${region.slug}-${index + 1}`,
        slug: `${region.slug}-${index + 1}`,
        regioId: regio.id,
      })),
    });
    const gemeenten = await db.prisma.gemeente.findMany({ where: { regioId: regio.id } });
    for (const [index, year] of [2021, 2023, 2025].entries()) {
      const meetronde = await db.prisma.meetronde.create({
        data: {
          regioId: regio.id,
          name: `Ronde ${year}`,
          startsOn: new Date(Date.UTC(year, 0, 10)),
          deadline: new Date(Date.UTC(year, 2, 31)),
          status: index === 2 ? "OPEN" : "GESLOTEN",
          frameworkId: framework.id,
          frameworkVersion: framework.version,
        },
      });
      await db.prisma.zelfscan.createMany({
        data: gemeenten.map((gemeente) => ({
          gemeenteId: gemeente.id,
          meetrondeId: meetronde.id,
          frameworkId: framework.id,
          frameworkVersion: framework.version,
          status: "INGEDIEND" as const,
        })),
      });
      const scans = await db.prisma.zelfscan.findMany({ where: { meetrondeId: meetronde.id }, select: { id: true } });
      await db.prisma.answer.createMany({
        data: scans.flatMap((scan) =>
          framework.onderdelen.map((onderdeel) => {
            const weetIkNiet = random() < 0.04;
            const score = weetIkNiet ? null : Math.min(3, Math.floor(random() * 4 + index * 0.3));
            return {
              zelfscanId: scan.id,
              onderdeelId: onderdeel.id,
              score,
              weetIkNiet,
              toelichting: score === 3 ? "" : `Toelichting bij ${onderdeel.id}: nog niet volledig geborgd in de werkinstructie.`,
              version: 1,
            };
          }),
        ),
      });
    }
  }
  return leaders;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

export async function benchRegio(kind: "embedded" | "postgresql" = "embedded"): Promise<BenchResult[]> {
  const url = process.env.BENCH_POSTGRES_URL;
  if (kind === "postgresql" && !url) return [];
  const db = kind === "postgresql" ? createDatabase({ kind: "postgresql", url: url! }) : createDatabase({ kind: "embedded", dataDir: "memory://" });
  await applyMigrations(db.sql);
  const label = kind === "postgresql" ? "PostgreSQL" : "ingebouwd";

  // 342 municipalities over 25 regions: 17 regions of 14 and 8 of 13.
  const regions = Array.from({ length: 25 }, (_, index) => ({ slug: `r${index + 1}`, gemeenten: index < 17 ? 14 : 13 }));
  let [leaders, fillMs] = await timed(() => fill(db, regions));
  const heat: number[] = [];
  const gaps: number[] = [];
  for (let repeat = 0; repeat < 4; repeat++) {
    for (const region of regions) {
      const actor = leaders.get(region.slug)!;
      const [analysis, queryMs] = await timed(() => getRegioAnalysis(db.prisma, actor, { slug: region.slug }));
      const [, heatMs] = await timed(async () => heatMap(analysis!.framework!, analysis!.scans));
      const [, gapMs] = await timed(async () => commonGaps(analysis!.framework!, analysis!.scans, 3));
      if (repeat > 0) {
        heat.push(queryMs + heatMs);
        gaps.push(gapMs);
      }
    }
  }

  // Growth: single regions of 25, 50, 100 and 200 municipalities in the same database.
  const sizes = [25, 50, 100, 200];
  [leaders, fillMs] = [
    await fill(
      db,
      sizes.map((size) => ({ slug: `groei${size}`, gemeenten: size })),
    ),
    fillMs,
  ];
  const growth: BenchResult[] = [];
  for (const size of sizes) {
    const actor = leaders.get(`groei${size}`)!;
    const runs: number[] = [];
    for (let repeat = 0; repeat < 6; repeat++) {
      const [, ms] = await timed(async () => {
        const analysis = await getRegioAnalysis(db.prisma, actor, { slug: `groei${size}` });
        heatMap(analysis!.framework!, analysis!.scans);
        commonGaps(analysis!.framework!, analysis!.scans, 3);
      });
      if (repeat > 0) runs.push(ms);
    }
    const median = percentile(runs, 50);
    growth.push({
      name: `[${label}] regio met ${size} gemeenten: heatmap + tekortkomingen, mediaan (${(median / size).toFixed(2)} ms per gemeente)`,
      value: median,
      unit: "ms",
    });
  }
  await db.prisma.$disconnect();
  if (kind === "postgresql") await db.sql.close();
  return [
    { name: `[${label}] opbouw landelijke fixture (342 gemeenten, 25 regio's, 3 rondes, 38.988 antwoorden)`, value: fillMs, unit: "ms" },
    { name: `[${label}] heatmap per regio (query + aggregatie), p50`, value: percentile(heat, 50), unit: "ms" },
    { name: `[${label}] heatmap per regio (query + aggregatie), p95`, value: percentile(heat, 95), unit: "ms", target: "< 300 ms" },
    { name: `[${label}] gemeenschappelijke tekortkomingen per regio, p95`, value: percentile(gaps, 95), unit: "ms", target: "< 300 ms" },
    ...growth,
  ];
}
