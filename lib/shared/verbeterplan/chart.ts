// Pure: the geometry of the bar chart "score per eis: current, projected and target", drawn by
// components/verbeterplan/ScoreChart.tsx on the report page and in the PDF. Each eis has two bars
// (the current score, solid; below it the projected score once the actions are done, hatched) and
// the target as a dashed line; the marks differ in shape as well as colour, and the table beside
// the chart carries the same figures.
import type { ScanProjection } from "@/lib/scoring/projection";
import type { RequirementResult } from "@/lib/scoring/score";
import { formatScore } from "@/lib/shared/format";

export type ChartRow = { number: number; shortTitle: string; current: number | null; projected: number | null; target: number };

type Bar = { x: number; y: number; width: number; valueX: number; valueText: string };

export type ChartLayout = {
  width: number;
  height: number;
  bars: { key: number; label: string; y: number; current: Bar; projected: Bar; targetX: number }[];
  ticks: { value: number; x: number; y: number }[];
  legend: { current: string; projected: string; target: string };
  description: string;
};

/** The chart's rows from a scan's score and its projection (the same requirements, in order). */
export function chartRows(requirements: readonly RequirementResult[], projection: Pick<ScanProjection, "requirements">): ChartRow[] {
  return requirements.map((result, index) => ({
    number: result.requirement.number,
    shortTitle: result.requirement.shortTitle,
    current: result.mean,
    projected: projection.requirements[index]?.projected ?? result.mean,
    target: result.doelniveau,
  }));
}

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 150;
const WIDTH = 480;
const LEGEND_HEIGHT = 20;

export function chartLayout(rows: readonly ChartRow[], max: number): ChartLayout {
  const height = LEGEND_HEIGHT + rows.length * ROW_HEIGHT + 24;
  const x = (value: number) => LABEL_WIDTH + (value / max) * (WIDTH - LABEL_WIDTH - 40);
  const bar = (value: number | null, y: number): Bar => ({
    x: LABEL_WIDTH,
    y,
    width: Math.max(0, x(value ?? 0) - LABEL_WIDTH),
    valueX: x(value ?? 0) + 4,
    valueText: value === null ? "–" : formatScore(value),
  });
  return {
    width: WIDTH,
    height,
    bars: rows.map((row, index) => {
      const y = LEGEND_HEIGHT + 6 + index * ROW_HEIGHT;
      return {
        key: row.number,
        label: `Eis ${row.number} ${row.shortTitle}`,
        y,
        current: bar(row.current, y + 2),
        projected: bar(row.projected, y + 14),
        targetX: x(row.target),
      };
    }),
    ticks: Array.from({ length: max + 1 }, (_, value) => ({ value, x: x(value) - 3, y: height - 4 })),
    legend: { current: "Huidige score (gevuld)", projected: "Verwacht na de acties (gearceerd)", target: "Doelniveau (stippellijn)" },
    description: `Staafdiagram per eis (0 tot ${max}): de huidige score, daaronder de verwachte score na de geplande acties, en het doelniveau als stippellijn. De tabel bevat dezelfde gegevens.`,
  };
}
