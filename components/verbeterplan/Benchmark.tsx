// A gemeente's score per eis beside the distribution of its region and of the country in the same
// year (median and quartiles, lib/landelijk/verdeling.ts), on the report page and in the PDF. Plain
// server component. A figure about fewer than MIN_GEMEENTEN gemeenten (passed with the data) is suppressed and said in
// words, without its n. The chart pictures the table; the table holds every figure.
import type { Spreiding, Verdeling } from "@/lib/landelijk/verdeling";
import type { ScanScore } from "@/lib/scoring/score";
import { formatScore } from "@/lib/shared/format";

type BenchmarkData = { jaar: number; regio: Verdeling; landelijk: Verdeling; minGemeenten: number };
const cellClass = "border border-slate-400 px-2 py-1 align-top";

function SpreidingCells({ spreiding, minGemeenten }: { spreiding: Spreiding | undefined; minGemeenten: number }) {
  if (!spreiding || spreiding.onderdrukt)
    return (
      <td colSpan={3} className={cellClass}>
        onderdrukt (minder dan {minGemeenten} gemeenten)
      </td>
    );
  return (
    <>
      <td className={cellClass}>{formatScore(spreiding.mediaan)}</td>
      <td className={cellClass}>
        {formatScore(spreiding.q1)} – {formatScore(spreiding.q3)}
      </td>
      <td className={cellClass}>{spreiding.n}</td>
    </>
  );
}

export function Benchmark({
  gemeente,
  regio,
  score,
  benchmark,
  headingId = "benchmark",
}: {
  gemeente: string;
  regio: string;
  score: ScanScore;
  benchmark: BenchmarkData;
  headingId?: string;
}) {
  const rows = score.requirements.map((result) => ({
    number: result.requirement.number,
    title: result.requirement.shortTitle,
    own: result.mean,
    regio: benchmark.regio.eisen[result.requirement.number],
    landelijk: benchmark.landelijk.eisen[result.requirement.number],
  }));
  const anyShown = rows.some((row) => (row.regio && !row.regio.onderdrukt) || (row.landelijk && !row.landelijk.onderdrukt));
  return (
    <section aria-labelledby={headingId} className="benchmark space-y-3">
      <h2 id={headingId} className="text-xl font-semibold">
        Vergelijking met de regio en het land
      </h2>
      <p>
        De score van {gemeente} per eis naast die van de gemeenten in regio {regio} en in het hele land, over de ingediende zelfscans van {benchmark.jaar} (per
        gemeente de laatste meetronde van dat jaar). De mediaan is de middelste score; de helft van de gemeenten scoort tussen het eerste en het derde kwartiel
        (Q1–Q3). Geen enkele andere gemeente wordt genoemd. Een cijfer over minder dan {benchmark.minGemeenten} gemeenten wordt niet getoond (onderdrukt), en
        soms ook een cijfer dat anders met een ander cijfer terug te rekenen zou zijn.
      </p>
      {anyShown && <BenchmarkChart rows={rows} max={score.max} gemeente={gemeente} regio={regio} />}
      <div role="region" aria-label={`Vergelijking per eis met regio ${regio} en het land`} tabIndex={0} className="relative max-w-full overflow-x-auto">
        <table className="border-collapse text-left text-sm [overflow-wrap:normal]">
          <caption className="mb-2 text-left font-semibold">
            Score per eis (0–{score.max}): {gemeente}, regio {regio} en landelijk, {benchmark.jaar}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className={cellClass}>
                Eis
              </th>
              <th scope="col" rowSpan={2} className={cellClass}>
                {gemeente}
              </th>
              <th scope="colgroup" colSpan={3} className={cellClass}>
                Regio {regio}
              </th>
              <th scope="colgroup" colSpan={3} className={cellClass}>
                Landelijk
              </th>
            </tr>
            <tr>
              <th scope="col" className={cellClass}>
                Mediaan
              </th>
              <th scope="col" className={cellClass}>
                Q1–Q3
              </th>
              <th scope="col" className={cellClass}>
                Aantal gemeenten
              </th>
              <th scope="col" className={cellClass}>
                Mediaan
              </th>
              <th scope="col" className={cellClass}>
                Q1–Q3
              </th>
              <th scope="col" className={cellClass}>
                Aantal gemeenten
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.number}>
                <th scope="row" className={cellClass}>
                  Eis {row.number}
                  <span className="block font-normal">{row.title}</span>
                </th>
                <td className={cellClass}>{row.own === null ? "nog niet beantwoord" : formatScore(row.own)}</td>
                <SpreidingCells spreiding={row.regio} minGemeenten={benchmark.minGemeenten} />
                <SpreidingCells spreiding={row.landelijk} minGemeenten={benchmark.minGemeenten} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type Row = { number: number; own: number | null; regio: Spreiding | undefined; landelijk: Spreiding | undefined };

/**
 * Per eis two boxes from Q1 to Q3 with the median as a thick line (the region hatched, the country
 * plain) and the gemeente's score as a black diamond: shape and pattern, not colour, tell them apart.
 */
function BenchmarkChart({ rows, max, gemeente, regio }: { rows: Row[]; max: number; gemeente: string; regio: string }) {
  const labelWidth = 60;
  const width = 480;
  const rowHeight = 34;
  const top = 8;
  const height = rows.length * rowHeight + top + 56;
  const x = (value: number) => labelWidth + (value / max) * (width - labelWidth - 20);
  const box = (spreiding: Spreiding | undefined, y: number, fill: string) =>
    spreiding && !spreiding.onderdrukt ? (
      <>
        <rect x={x(spreiding.q1)} y={y} width={Math.max(2, x(spreiding.q3) - x(spreiding.q1))} height="10" fill={fill} stroke="#334155" />
        <line x1={x(spreiding.mediaan)} x2={x(spreiding.mediaan)} y1={y - 2} y2={y + 12} stroke="#0f172a" strokeWidth="3" />
      </>
    ) : (
      <text x={labelWidth + 2} y={y + 9} fontSize="9" fill="#0f172a">
        onderdrukt
      </text>
    );
  const axisY = top + rows.length * rowHeight;
  return (
    <svg
      role="img"
      aria-label={`Diagram: per eis de score van ${gemeente} (ruit) naast het eerste tot derde kwartiel en de mediaan van regio ${regio} (gearceerd) en van het land (effen), schaal 0 tot ${max}. De tabel hieronder bevat dezelfde gegevens.`}
      viewBox={`0 0 ${width} ${height}`}
      className="grafiek h-auto w-full max-w-2xl"
      xmlns="http://www.w3.org/2000/svg"
    >
      <defs>
        <pattern id="benchmark-arcering" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#cbd5e1" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#475569" strokeWidth="2" />
        </pattern>
      </defs>
      {rows.map((row, index) => {
        const y = top + index * rowHeight;
        return (
          <g key={row.number}>
            <text x="0" y={y + 18} fontSize="11" fill="#0f172a">
              Eis {row.number}
            </text>
            {box(row.regio, y + 2, "url(#benchmark-arcering)")}
            {box(row.landelijk, y + 16, "#bfdbfe")}
            {row.own !== null && <path d={`M ${x(row.own)} ${y + 6} l 6 7 l -6 7 l -6 -7 z`} fill="#0f172a" stroke="#ffffff" strokeWidth="1" />}
          </g>
        );
      })}
      {Array.from({ length: max + 1 }, (_, value) => (
        <text key={value} x={x(value) - 3} y={axisY + 10} fontSize="9" fill="#0f172a">
          {value}
        </text>
      ))}
      <g transform={`translate(${labelWidth}, ${axisY + 22})`} fontSize="10" fill="#0f172a">
        <path d="M 6 0 l 6 7 l -6 7 l -6 -7 z" fill="#0f172a" />
        <text x="16" y="11">
          {gemeente}
        </text>
        <rect x="0" y="20" width="14" height="10" fill="url(#benchmark-arcering)" stroke="#334155" />
        <text x="18" y="29">
          Regio {regio}: Q1–Q3, mediaan
        </text>
        <rect x="200" y="20" width="14" height="10" fill="#bfdbfe" stroke="#334155" />
        <text x="218" y="29">
          Landelijk: Q1–Q3, mediaan
        </text>
      </g>
    </svg>
  );
}
