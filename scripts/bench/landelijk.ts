// The national aggregate over the national fixture (tests/support/national-fixture.ts: 342
// gemeenten, 25 regions, 3 rounds): getLandelijkeVerdeling for the national team, per year and
// with a region filter, as the page and the exports call it. Target: p95 < 300 ms.
import os from "node:os";
import type { Actor } from "@/lib/access/actor";
import { createDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { getLandelijkeVerdeling } from "@/lib/landelijk/queries";
import { fillNationalFixture, NATIONAL_REGIONS, NATIONAL_YEARS } from "../../tests/support/national-fixture";
import { percentile, type BenchResult } from "./stats";

export async function benchLandelijk(kind: "embedded" | "postgresql" = "embedded"): Promise<BenchResult[]> {
  const url = process.env.BENCH_POSTGRES_URL;
  if (kind === "postgresql" && !url) return [];
  const db = kind === "postgresql" ? createDatabase({ kind: "postgresql", url: url! }) : createDatabase({ kind: "embedded", dataDir: "memory://" });
  await applyMigrations(db.sql);
  const label = kind === "postgresql" ? "PostgreSQL" : "ingebouwd";

  const fillStarted = performance.now();
  await fillNationalFixture(db.prisma);
  const fillMs = performance.now() - fillStarted;
  const user = await db.prisma.user.create({ data: { email: "landelijk@bench.example", name: "Landelijk" } });
  await db.prisma.roleGrant.create({ data: { userId: user.id, role: "LANDELIJK" } });
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    sessionId: "bench",
    grants: [{ role: "LANDELIJK", gemeenteId: null, regioId: null }],
  };

  const runs: number[] = [];
  // CPU time of the process (its PGlite worker thread included) per call: on a shared, loaded
  // machine the wall time says more about the neighbours than about this code.
  const cpu: number[] = [];
  const filters = [{}, ...NATIONAL_YEARS.map((jaar) => ({ jaar })), ...NATIONAL_REGIONS.slice(0, 5).map((regio) => ({ jaar: 2025, regio: regio.slug }))];
  for (let repeat = 0; repeat < 4; repeat++) {
    for (const filter of filters) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const result = await getLandelijkeVerdeling(db.prisma, actor, filter);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpuStarted);
      if (result?.landelijk.n !== 342) throw new Error(`landelijke verdeling telt ${result?.landelijk.n} gemeenten, verwacht 342`);
      if (repeat > 0) {
        runs.push(ms);
        cpu.push((used.user + used.system) / 1000);
      }
    }
  }
  await db.prisma.$disconnect();
  if (kind === "postgresql") await db.sql.close();
  return [
    { name: `[${label}] opbouw landelijke fixture (342 gemeenten, 25 regio's, 3 rondes)`, value: fillMs, unit: "ms" },
    { name: `[${label}] landelijke verdeling per jaar (query + aggregatie + onderdrukking), p50`, value: percentile(runs, 50), unit: "ms" },
    { name: `[${label}] landelijke verdeling per jaar (query + aggregatie + onderdrukking), p95`, value: percentile(runs, 95), unit: "ms", target: "< 300 ms" },
    { name: `[${label}] landelijke verdeling per jaar, CPU-tijd van het proces, p95`, value: percentile(cpu, 95), unit: "ms" },
    { name: `[${label}] belasting van de machine (load average, 1 min) na afloop`, value: os.loadavg()[0]!, unit: "" },
  ];
}
