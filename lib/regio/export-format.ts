// Pure: the regional overview of one round as a table of rows, written as CSV (lib/export/csv.ts)
// and used as-is by the xlsx export.
import { toCsv } from "@/lib/export/csv";
import type { Framework } from "@/lib/framework";
import { zelfscanStatusLabel } from "@/lib/shared/zelfscan/status";
import type { CommonGap, HeatMap } from "./aggregate";

export type OverviewTable = { header: string[]; rows: (string | number | null)[][]; footer: (string | number | null)[][] };

/** One row per gemeente: status, total, the ten requirements, then the 38 items; mean and spread below. */
export function overviewTable(framework: Framework, map: HeatMap): OverviewTable {
  const header = [
    "gemeente",
    "status",
    "voorlopig",
    "totaal",
    ...framework.requirements.map((requirement) => `eis ${requirement.number}`),
    ...framework.onderdelen.map((onderdeel) => `onderdeel ${onderdeel.id}`),
  ];
  const rows = map.rows.map((row) => [
    row.gemeente.name,
    zelfscanStatusLabel(row.status),
    row.scanId === null ? "" : row.provisional ? "ja" : "nee",
    row.overall,
    ...framework.requirements.map((requirement) => row.requirements[requirement.number] ?? null),
    ...framework.onderdelen.map((onderdeel) => row.onderdelen[onderdeel.id] ?? null),
  ]);
  const stat = (label: string, pick: "mean" | "spread") => [
    label,
    "",
    "",
    map.overallStats[pick],
    ...framework.requirements.map((requirement) => map.requirementStats[requirement.number]![pick]),
    ...framework.onderdelen.map((onderdeel) => map.onderdeelStats[onderdeel.id]![pick]),
  ];
  return { header, rows, footer: [stat("gemiddelde regio", "mean"), stat("spreiding (standaardafwijking)", "spread")] };
}

export function gapsTable(gaps: readonly CommonGap[]): OverviewTable {
  return {
    header: ["onderdeel", "omschrijving", "aantal gemeenten", "gemiddeld tekort", "gemeente", "score", "doelniveau", "toelichting"],
    rows: gaps.flatMap((gap) =>
      gap.gemeenten.map((entry) => [
        gap.onderdeel.id,
        gap.onderdeel.shortTitle,
        gap.gemeenten.length,
        gap.meanGap,
        entry.gemeente.name,
        entry.weetIkNiet ? "weet ik niet" : entry.value,
        entry.doelniveau,
        entry.toelichting,
      ]),
    ),
    footer: [],
  };
}

export function overviewToCsv(
  meta: { regio: string; meetronde: string; kaderversie: string },
  table: OverviewTable,
  gaps: OverviewTable,
  threshold: number,
): string {
  const lines: (string | number | null)[][] = [
    ["regio", "meetronde", "kaderversie"],
    [meta.regio, meta.meetronde, meta.kaderversie],
    [],
    table.header,
    ...table.rows,
    ...table.footer,
    [],
    [`gedeelde tekortkomingen (ten minste ${threshold} gemeenten onder het doelniveau)`],
    gaps.header,
    ...gaps.rows,
  ];
  return toCsv(lines);
}
