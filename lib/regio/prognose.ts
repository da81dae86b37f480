// Pure: the regional prognose of a round — per gemeente and eis the current, the projected (once
// the gemeente's actions with a doelscore are done) and the target score, by the same rules as a
// single scan's report (lib/scoring/projection.ts). No I/O.
import type { Framework } from "@/lib/framework";
import { projectScan, type ProjectedActie } from "@/lib/scoring/projection";
import { scoreScan } from "@/lib/scoring/score";
import { columnStats, type RegioScan } from "./aggregate";

export type PrognoseScan = {
  gemeente: RegioScan["gemeente"];
  scan: (NonNullable<RegioScan["scan"]> & { acties: readonly ProjectedActie[] }) | null;
};

type PrognoseCel = { current: number | null; projected: number | null; target: number | null };

export type PrognoseRow = {
  gemeente: RegioScan["gemeente"];
  scanId: string | null;
  status: string | null;
  provisional: boolean;
  /** How many of the gemeente's actions count in its projection. */
  acties: number;
  overall: PrognoseCel;
  requirements: Record<number, PrognoseCel>;
};

export type RegioPrognose = {
  rows: PrognoseRow[];
  /** The region's mean per eis over the gemeenten with a value (current and projected). */
  gemiddeld: Record<number, { current: number | null; projected: number | null; n: number }>;
};

const EMPTY: PrognoseCel = { current: null, projected: null, target: null };
const round2 = (value: number) => Math.round(value * 100) / 100;

export function regioPrognose(framework: Framework, scans: readonly PrognoseScan[]): RegioPrognose {
  const rows = scans.map((entry): PrognoseRow => {
    if (!entry.scan) {
      return {
        gemeente: entry.gemeente,
        scanId: null,
        status: null,
        provisional: true,
        acties: 0,
        overall: EMPTY,
        requirements: Object.fromEntries(framework.requirements.map((requirement) => [requirement.number, EMPTY])),
      };
    }
    const score = scoreScan(framework, entry.scan.answers);
    const projection = projectScan(score, entry.scan.acties);
    const targets = score.requirements.map((result) => result.doelniveau);
    return {
      gemeente: entry.gemeente,
      scanId: entry.scan.id,
      status: entry.scan.status,
      provisional: score.provisional,
      acties: projection.counted.length,
      overall: {
        current: projection.overall.current,
        projected: projection.overall.projected,
        target: round2(targets.reduce((sum, value) => sum + value, 0) / targets.length),
      },
      requirements: Object.fromEntries(
        projection.requirements.map((requirement) => [
          requirement.number,
          { current: requirement.current, projected: requirement.projected, target: requirement.target },
        ]),
      ),
    };
  });
  return {
    rows,
    gemiddeld: Object.fromEntries(
      framework.requirements.map((requirement) => {
        const current = columnStats(rows.map((row) => row.requirements[requirement.number]!.current));
        const projected = columnStats(rows.map((row) => row.requirements[requirement.number]!.projected));
        return [requirement.number, { current: current.mean, projected: projected.mean, n: current.n }];
      }),
    ),
  };
}
