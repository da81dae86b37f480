import type { Change } from "@/lib/regio/aggregate";
import { formatScore } from "@/lib/shared/format";

/**
 * The region's score per requirement in two rounds as paired bars. The figures are written next
 * to every bar and the two rounds differ in pattern as well as colour; the table beside it holds
 * the same data for those who cannot see the chart.
 */
export function ComparisonChart({
  rows,
  max,
  fromLabel,
  toLabel,
  onderwerp = "de regio",
}: {
  /** Whose scores: "de regio" (the default) or a gemeente's name. */
  onderwerp?: string;
  rows: { label: string; change: Change }[];
  max: number;
  fromLabel: string;
  toLabel: string;
}) {
  const labelWidth = 70;
  const width = 520;
  const barArea = width - labelWidth - 50;
  const rowHeight = 40;
  const height = rows.length * rowHeight + 50;
  const x = (value: number) => labelWidth + (value / max) * barArea;
  return (
    <svg
      role="img"
      aria-label={`Staafdiagram: score van ${onderwerp} per eis in ${fromLabel} en ${toLabel}, schaal 0 tot ${max}. De tabel hieronder bevat dezelfde gegevens.`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full max-w-2xl"
    >
      <defs>
        <pattern id="arcering" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#cbd5e1" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#475569" strokeWidth="2" />
        </pattern>
      </defs>
      {rows.map((row, index) => {
        const y = 10 + index * rowHeight;
        const from = row.change.from;
        const to = row.change.to;
        return (
          <g key={row.label}>
            <text x="0" y={y + 20} fontSize="12" fill="#0f172a">
              {row.label}
            </text>
            <rect x={labelWidth} y={y + 2} width={Math.max(0, x(from ?? 0) - labelWidth)} height="14" fill="url(#arcering)" stroke="#475569" />
            <text x={x(from ?? 0) + 4} y={y + 13} fontSize="11" fill="#0f172a">
              {formatScore(from)}
            </text>
            <rect x={labelWidth} y={y + 19} width={Math.max(0, x(to ?? 0) - labelWidth)} height="14" fill="#0b4f71" />
            <text x={x(to ?? 0) + 4} y={y + 30} fontSize="11" fill="#0f172a">
              {formatScore(to)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${labelWidth}, ${height - 22})`}>
        <rect x="0" y="0" width="14" height="12" fill="url(#arcering)" stroke="#475569" />
        <text x="20" y="11" fontSize="12" fill="#0f172a">
          {fromLabel} (gearceerd)
        </text>
        <rect x="220" y="0" width="14" height="12" fill="#0b4f71" />
        <text x="240" y="11" fontSize="12" fill="#0f172a">
          {toLabel} (effen)
        </text>
      </g>
    </svg>
  );
}
