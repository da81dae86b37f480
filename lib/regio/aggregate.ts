// Pure aggregation over the municipalities of a region (no I/O): the heat map, the gaps they
// share, and how they moved between two rounds. Built on lib/scoring, so every figure follows the
// same rules as a single scan's report.
import type { Framework, Onderdeel } from "@/lib/framework";
import { scoreOnderdeel, scoreScan, type ScoredAnswer } from "@/lib/scoring/score";

export type RegioScan = {
  gemeente: { id: string; name: string; slug: string };
  scan: { id: string; status: string; answers: readonly (ScoredAnswer & { toelichting?: string })[] } | null;
};

export type ColumnStats = { mean: number | null; spread: number | null; min: number | null; max: number | null; n: number };

const round2 = (value: number) => Math.round(value * 100) / 100;

export function columnStats(values: (number | null)[]): ColumnStats {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return { mean: null, spread: null, min: null, max: null, n: 0 };
  const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
  // Spread: the population standard deviation, in points of the scale.
  const variance = present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / present.length;
  return { mean: round2(mean), spread: round2(Math.sqrt(variance)), min: Math.min(...present), max: Math.max(...present), n: present.length };
}

export type HeatMapRow = {
  gemeente: RegioScan["gemeente"];
  scanId: string | null;
  status: string | null;
  provisional: boolean;
  overall: number | null;
  requirements: Record<number, number | null>;
  onderdelen: Record<string, number | null>;
};

export type HeatMap = {
  rows: HeatMapRow[];
  requirementStats: Record<number, ColumnStats>;
  onderdeelStats: Record<string, ColumnStats>;
  overallStats: ColumnStats;
};

export function heatMap(framework: Framework, scans: readonly RegioScan[]): HeatMap {
  const rows = scans.map((entry): HeatMapRow => {
    const score = entry.scan ? scoreScan(framework, entry.scan.answers) : null;
    const values = new Map(score?.requirements.flatMap((requirement) => requirement.onderdelen).map((result) => [result.onderdeel.id, result.value]));
    return {
      gemeente: entry.gemeente,
      scanId: entry.scan?.id ?? null,
      status: entry.scan?.status ?? null,
      provisional: score?.provisional ?? true,
      overall: score?.overall.mean ?? null,
      requirements: Object.fromEntries(framework.requirements.map((requirement, index) => [requirement.number, score?.requirements[index]!.mean ?? null])),
      onderdelen: Object.fromEntries(framework.onderdelen.map((onderdeel) => [onderdeel.id, values.get(onderdeel.id) ?? null])),
    };
  });
  return {
    rows,
    requirementStats: Object.fromEntries(
      framework.requirements.map((requirement) => [requirement.number, columnStats(rows.map((row) => row.requirements[requirement.number]!))]),
    ),
    onderdeelStats: Object.fromEntries(framework.onderdelen.map((onderdeel) => [onderdeel.id, columnStats(rows.map((row) => row.onderdelen[onderdeel.id]!))])),
    overallStats: columnStats(rows.map((row) => row.overall)),
  };
}

export type SortKey = { by: "gemeente" } | { by: "overall" } | { by: "requirement"; number: number } | { by: "item"; id: string };

/** Sorts heat-map rows; municipalities without a value go last, ties by name. */
export function sortRows(rows: readonly HeatMapRow[], key: SortKey, direction: "asc" | "desc"): HeatMapRow[] {
  const value = (row: HeatMapRow): number | null =>
    key.by === "overall" ? row.overall : key.by === "requirement" ? row.requirements[key.number]! : key.by === "item" ? row.onderdelen[key.id]! : null;
  const byName = (a: HeatMapRow, b: HeatMapRow) => a.gemeente.name.localeCompare(b.gemeente.name, "nl");
  return [...rows].sort((a, b) => {
    if (key.by === "gemeente") return direction === "asc" ? byName(a, b) : byName(b, a);
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return (direction === "asc" ? va - vb : vb - va) || byName(a, b);
  });
}

export type CommonGap = {
  onderdeel: Onderdeel;
  /** The municipalities below their target on this item, largest gap first. */
  gemeenten: { gemeente: RegioScan["gemeente"]; value: number; doelniveau: number; gap: number; weetIkNiet: boolean; toelichting: string }[];
  meanGap: number;
};

/**
 * Items on which at least `minGemeenten` municipalities fall short of their target, ranked: most
 * municipalities first, then the largest mean gap, then the framework's order.
 */
export function commonGaps(framework: Framework, scans: readonly RegioScan[], minGemeenten: number): CommonGap[] {
  const result: CommonGap[] = [];
  const answersByScan = scans.map((entry) => new Map(entry.scan?.answers.map((answer) => [answer.onderdeelId, answer])));
  for (const onderdeel of framework.onderdelen) {
    const short = scans.flatMap((entry, index) => {
      const answer = answersByScan[index]!.get(onderdeel.id);
      if (!answer) return [];
      const scored = scoreOnderdeel(framework, onderdeel, answer);
      if (scored.gap === null || scored.gap <= 0) return [];
      return [
        {
          gemeente: entry.gemeente,
          value: scored.value!,
          doelniveau: scored.doelniveau,
          gap: scored.gap,
          weetIkNiet: scored.weetIkNiet,
          toelichting: answer.toelichting ?? "",
        },
      ];
    });
    if (short.length >= Math.max(1, minGemeenten)) {
      short.sort((a, b) => b.gap - a.gap || a.gemeente.name.localeCompare(b.gemeente.name, "nl"));
      result.push({ onderdeel, gemeenten: short, meanGap: round2(short.reduce((sum, entry) => sum + entry.gap, 0) / short.length) });
    }
  }
  return result.sort((a, b) => b.gemeenten.length - a.gemeenten.length || b.meanGap - a.meanGap || a.onderdeel.order - b.onderdeel.order);
}

type Direction = "beter" | "gelijk" | "slechter";
export type Change = { from: number | null; to: number | null; delta: number | null; direction: Direction | null };

function change(from: number | null, to: number | null): Change {
  if (from === null || to === null) return { from, to, delta: null, direction: null };
  const delta = round2(to - from);
  return { from, to, delta, direction: delta > 0 ? "beter" : delta < 0 ? "slechter" : "gelijk" };
}

export type MeetrondeComparison = {
  /** Item ids present in both framework versions: these are compared. */
  comparableOnderdelen: string[];
  /** Item ids of either version that the other lacks: said, not compared. */
  notComparable: { onlyInFrom: string[]; onlyInTo: string[] };
  gemeenten: { gemeente: RegioScan["gemeente"]; overall: Change; requirements: Record<number, Change>; onderdelen: Record<string, Change> }[];
  regio: { overall: Change; requirements: Record<number, Change>; onderdelen: Record<string, Change> };
};

/**
 * Nulmeting against herhaalmeting. Rounds may use different framework versions: items are
 * matched by id, requirements by number over the comparable items only.
 */
export function compareMeetrondes(
  from: { framework: Framework; scans: readonly RegioScan[] },
  to: { framework: Framework; scans: readonly RegioScan[] },
): MeetrondeComparison {
  const fromIds = new Set(from.framework.onderdelen.map((onderdeel) => onderdeel.id));
  const toIds = new Set(to.framework.onderdelen.map((onderdeel) => onderdeel.id));
  const comparableOnderdelen = to.framework.onderdelen.filter((onderdeel) => fromIds.has(onderdeel.id)).map((onderdeel) => onderdeel.id);
  const comparable = new Set(comparableOnderdelen);
  const requirementNumbers = [
    ...new Set(to.framework.onderdelen.filter((onderdeel) => comparable.has(onderdeel.id)).map((onderdeel) => onderdeel.requirementNumber)),
  ];

  const onderdeelValues = (framework: Framework, entry: RegioScan | undefined): Record<string, number | null> =>
    Object.fromEntries(
      comparableOnderdelen.map((id) => {
        const onderdeel = framework.onderdelen.find((candidate) => candidate.id === id)!;
        return [
          id,
          scoreOnderdeel(
            framework,
            onderdeel,
            entry?.scan?.answers.find((answer) => answer.onderdeelId === id),
          ).value,
        ];
      }),
    );
  const mean = (values: (number | null)[]) => columnStats(values).mean;
  const requirementMeans = (framework: Framework, values: Record<string, number | null>) =>
    Object.fromEntries(
      requirementNumbers.map((number) => [
        number,
        mean(
          comparableOnderdelen
            .filter((id) => framework.onderdelen.find((onderdeel) => onderdeel.id === id)?.requirementNumber === number)
            .map((id) => values[id]!),
        ),
      ]),
    ) as Record<number, number | null>;
  const overallOf = (means: Record<number, number | null>) => mean(Object.values(means));

  const gemeenten = to.scans.map((entry) => {
    const before = from.scans.find((candidate) => candidate.gemeente.id === entry.gemeente.id);
    const a = onderdeelValues(from.framework, before);
    const b = onderdeelValues(to.framework, entry);
    const ra = requirementMeans(from.framework, a);
    const rb = requirementMeans(to.framework, b);
    return {
      gemeente: entry.gemeente,
      overall: change(overallOf(ra), overallOf(rb)),
      requirements: Object.fromEntries(requirementNumbers.map((number) => [number, change(ra[number]!, rb[number]!)])),
      onderdelen: Object.fromEntries(comparableOnderdelen.map((id) => [id, change(a[id]!, b[id]!)])),
    };
  });
  // The region's change uses only municipalities with a value in both rounds, so that a
  // municipality that joined or skipped a round does not move the regional mean by itself.
  const regionChange = (pick: (g: (typeof gemeenten)[number]) => Change): Change => {
    const both = gemeenten.map(pick).filter((c) => c.from !== null && c.to !== null);
    return change(mean(both.map((c) => c.from)), mean(both.map((c) => c.to)));
  };
  return {
    comparableOnderdelen,
    notComparable: { onlyInFrom: [...fromIds].filter((id) => !toIds.has(id)), onlyInTo: [...toIds].filter((id) => !fromIds.has(id)) },
    gemeenten,
    regio: {
      overall: regionChange((g) => g.overall),
      requirements: Object.fromEntries(requirementNumbers.map((number) => [number, regionChange((g) => g.requirements[number]!)])),
      onderdelen: Object.fromEntries(comparableOnderdelen.map((id) => [id, regionChange((g) => g.onderdelen[id]!)])),
    },
  };
}
