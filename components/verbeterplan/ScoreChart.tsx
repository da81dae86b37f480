import type { ChartLayout } from "@/lib/shared/verbeterplan/chart";

const CURRENT = "#0b4f71";
const TARGET = "#b45309";

/** The bar chart of the report (page and PDF): current (solid), projected (hatched), target (dashed). The table next to it carries the same figures. */
export function ScoreChart({ layout }: { layout: ChartLayout }) {
  return (
    <svg
      role="img"
      aria-label={layout.description}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="grafiek h-auto w-full max-w-2xl"
      xmlns="http://www.w3.org/2000/svg"
    >
      <defs>
        <pattern id="verwacht-arcering" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="4" stroke={CURRENT} strokeWidth="2" />
        </pattern>
      </defs>
      <g fontSize="9">
        <rect x="0" y="4" width="14" height="9" fill={CURRENT} />
        <text x="18" y="12">
          {layout.legend.current}
        </text>
        <rect x="130" y="4" width="14" height="9" fill="url(#verwacht-arcering)" stroke={CURRENT} strokeWidth="1" />
        <text x="148" y="12">
          {layout.legend.projected}
        </text>
        <line x1="318" x2="318" y1="2" y2="15" stroke={TARGET} strokeWidth="2" strokeDasharray="3 2" />
        <text x="324" y="12">
          {layout.legend.target}
        </text>
      </g>
      {layout.bars.map((bar) => (
        <g key={bar.key}>
          <text x="0" y={bar.y + 16} fontSize="10">
            {bar.label}
          </text>
          <rect x={bar.current.x} y={bar.current.y} width={bar.current.width} height="10" fill={CURRENT} />
          <text x={bar.current.valueX} y={bar.current.y + 9} fontSize="9">
            {bar.current.valueText}
          </text>
          <rect
            x={bar.projected.x}
            y={bar.projected.y}
            width={bar.projected.width}
            height="10"
            fill="url(#verwacht-arcering)"
            stroke={CURRENT}
            strokeWidth="1"
          />
          <text x={bar.projected.valueX} y={bar.projected.y + 9} fontSize="9">
            {bar.projected.valueText}
          </text>
          <line x1={bar.targetX} x2={bar.targetX} y1={bar.y} y2={bar.y + 26} stroke={TARGET} strokeWidth="2" strokeDasharray="3 2" />
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
