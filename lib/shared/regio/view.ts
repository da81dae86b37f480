// Pure presentation rules of the regional overview, shared by the pages and the exports: which
// columns a heat map shows, how a sort is written in the URL, and the colour band of a score.
// Browser-safe (lib/shared): the types come from the server side, the code does not.
import type { Framework } from "@/lib/framework";
import type { ColumnStats, HeatMap, HeatMapRow, SortKey } from "@/lib/regio/aggregate";
import { formatScore } from "@/lib/shared/format";

export type Weergave = "eisen" | "onderdelen";

export type HeatMapColumn = {
  key: string;
  label: string;
  title: string;
  sort: SortKey;
  value: (row: HeatMapRow) => number | null;
  stats: (map: HeatMap) => ColumnStats;
  anchor: string;
};

/** The ten requirements, or the 38 items, as columns of the heat map. */
export function heatMapColumns(framework: Framework, weergave: Weergave): HeatMapColumn[] {
  if (weergave === "eisen") {
    return framework.requirements.map((requirement) => ({
      key: `eis-${requirement.number}`,
      label: `Eis ${requirement.number}`,
      title: requirement.shortTitle,
      sort: { by: "requirement", number: requirement.number },
      value: (row) => row.requirements[requirement.number] ?? null,
      stats: (map) => map.requirementStats[requirement.number]!,
      anchor: `eis-${requirement.number}`,
    }));
  }
  return framework.onderdelen.map((onderdeel) => ({
    key: `onderdeel-${onderdeel.id}`,
    label: onderdeel.id,
    title: onderdeel.shortTitle,
    sort: { by: "item", id: onderdeel.id },
    value: (row) => row.onderdelen[onderdeel.id] ?? null,
    stats: (map) => map.onderdeelStats[onderdeel.id]!,
    anchor: `onderdeel-${onderdeel.id}`,
  }));
}

/** "eis-3", "onderdeel-3a", "totaal", "gemeente" in the URL; anything unknown sorts by name. */
export function parseSort(framework: Framework, value: string | undefined): SortKey {
  if (value === "totaal") return { by: "overall" };
  const eis = /^eis-(\d+)$/.exec(value ?? "");
  if (eis && framework.requirements.some((requirement) => requirement.number === Number(eis[1]))) return { by: "requirement", number: Number(eis[1]) };
  const onderdeel = /^onderdeel-([0-9a-z]+)$/.exec(value ?? "");
  if (onderdeel && framework.onderdelen.some((candidate) => candidate.id === onderdeel[1])) return { by: "item", id: onderdeel[1]! };
  return { by: "gemeente" };
}

export function sortParam(key: SortKey): string {
  return key.by === "overall" ? "totaal" : key.by === "requirement" ? `eis-${key.number}` : key.by === "item" ? `onderdeel-${key.id}` : "gemeente";
}

export function parseDirection(value: string | undefined): "asc" | "desc" {
  return value === "af" ? "desc" : "asc";
}

export function parseWeergave(value: string | undefined): Weergave {
  return value === "onderdelen" ? "onderdelen" : "eisen";
}

/** At least 1, at most the number of gemeenten; default 3. */
export function parseThreshold(value: string | undefined, gemeenten: number): number {
  const number = Number.parseInt(value ?? "", 10);
  if (!Number.isFinite(number)) return Math.min(3, Math.max(1, gemeenten));
  return Math.min(Math.max(1, number), Math.max(1, gemeenten));
}

/**
 * Colour band of a score on the 0–3 scale. Every band is a light background on which black text
 * has a contrast far above 4.5:1; the number is always written in the cell as well.
 */
export const SCORE_BANDS = [
  { upTo: 0.75, label: "0 tot 0,75: niet ingericht", background: "#fecaca" },
  { upTo: 1.5, label: "0,75 tot 1,5: in ontwikkeling", background: "#fed7aa" },
  { upTo: 2.25, label: "1,5 tot 2,25: grotendeels ingericht", background: "#fef08a" },
  { upTo: Infinity, label: "2,25 tot 3: volledig ingericht", background: "#bbf7d0" },
] as const;

export const NO_VALUE_BACKGROUND = "#ffffff";

export function scoreBackground(value: number | null): string {
  if (value === null) return NO_VALUE_BACKGROUND;
  return SCORE_BANDS.find((band) => value < band.upTo)!.background;
}

export function formatStat(value: number | null): string {
  return formatScore(value);
}

/** "1,2 → 1,8: beter (+0,6)"; a dash when either round has no score. */
export function formatChange(change: { from: number | null; to: number | null; delta: number | null; direction: string | null }): string {
  if (change.delta === null || change.direction === null) return `${formatScore(change.from)} → ${formatScore(change.to)}: geen vergelijking (score ontbreekt)`;
  const sign = change.delta > 0 ? "+" : "";
  return `${formatScore(change.from)} → ${formatScore(change.to)}: ${change.direction} (${sign}${formatScore(change.delta)})`;
}
