import type { ChartLayout } from "@/lib/shared/verbeterplan/chart";

/** The bar chart of the report (page and PDF); the table next to it carries the same figures. */
export function ScoreChart({ layout }: { layout: ChartLayout }) {
  return (
    <svg
      role="img"
      aria-label={layout.description}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="grafiek h-auto w-full max-w-2xl"
      xmlns="http://www.w3.org/2000/svg"
    >
      {layout.bars.map((bar) => (
        <g key={bar.key}>
          <text x="0" y={bar.y + 14} fontSize="10">
            {bar.label}
          </text>
          <rect x={bar.barX} y={bar.y + 3} width={bar.barWidth} height="14" fill="#0b4f71" />
          <text x={bar.valueX} y={bar.y + 14} fontSize="10">
            {bar.valueText}
          </text>
          <line x1={bar.targetX} x2={bar.targetX} y1={bar.y} y2={bar.y + 20} stroke="#b45309" strokeWidth="2" strokeDasharray="3 2" />
        </g>
      ))}
      {layout.ticks.map((tick) => (
        <text key={tick.value} x={tick.x} y={tick.y} fontSize="9">
          {tick.value}
        </text>
      ))}
    </svg>
  );
}
