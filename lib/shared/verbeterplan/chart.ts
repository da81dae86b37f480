// Pure: the geometry of the bar chart "score per eis with the target line", drawn by
// components/verbeterplan/ScoreChart.tsx on the report page and in the PDF.
import type { RequirementResult } from "@/lib/scoring/score";
import { formatScore } from "@/lib/shared/format";

export type ChartLayout = {
  width: number;
  height: number;
  bars: { key: number; label: string; y: number; barX: number; barWidth: number; valueX: number; valueText: string; targetX: number }[];
  ticks: { value: number; x: number; y: number }[];
  description: string;
};

export function chartLayout(requirements: readonly RequirementResult[], max: number): ChartLayout {
  const rowHeight = 22;
  const labelWidth = 150;
  const width = 480;
  const height = requirements.length * rowHeight + 30;
  const x = (value: number) => labelWidth + (value / max) * (width - labelWidth - 40);
  return {
    width,
    height,
    bars: requirements.map((result, index) => {
      const y = 10 + index * rowHeight;
      const value = result.mean ?? 0;
      return {
        key: result.requirement.number,
        label: `Eis ${result.requirement.number} ${result.requirement.shortTitle}`,
        y,
        barX: labelWidth,
        barWidth: Math.max(0, x(value) - labelWidth),
        valueX: x(value) + 4,
        valueText: result.mean === null ? "–" : formatScore(result.mean),
        targetX: x(result.doelniveau),
      };
    }),
    ticks: Array.from({ length: max + 1 }, (_, value) => ({ value, x: x(value) - 3, y: height - 4 })),
    description: `Staafdiagram van de score per eis (0 tot ${max}) met het doelniveau als stippellijn. De tabel bevat dezelfde gegevens.`,
  };
}
