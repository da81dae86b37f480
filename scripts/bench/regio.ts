// National-scale fixture: 342 municipalities in 25 regions, 3 rounds each, all 38 items answered
// (1,026 scans, 38,988 answers). Measures, per region, the server work behind the heat map page
// (scoped query + aggregation) and the common-gaps computation; then the growth with the number
// of municipalities in one region. Target: p95 < 300 ms, growth linear.
import { createDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { commonGaps, heatMap } from "@/lib/regio/aggregate";
import { getRegioAnalysis } from "@/lib/regio/analysis";
import { fillNationalFixture, NATIONAL_REGIONS } from "../../tests/support/national-fixture";
import { percentile, type BenchResult } from "./stats";

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

  // 342 municipalities over 25 regions: 17 regions of 14 and 8 of 13 (tests/support/national-fixture.ts).
  const regions = NATIONAL_REGIONS;
  let [leaders, fillMs] = await timed(() => fillNationalFixture(db.prisma, regions));
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
    await fillNationalFixture(
      db.prisma,
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
