// The regional overview of one round as a printable document (the PDF export), made of the
// components the heat map page and the shared-gaps page render: the heat map per requirement and
// per item with the number in every cell and the region's mean and spread, and the gaps the
// gemeenten share. A4 landscape.
import type { RegioOverviewExport } from "@/lib/regio/export";
import { heatMapColumns, SCORE_BANDS } from "@/lib/shared/regio/view";
import { formatDate } from "@/lib/shared/format";
import { CommonGapList } from "./CommonGapList";
import { HeatMapColumnList, HeatMapLegend, HeatMapTable } from "./HeatMapTable";

/** The document's title (the PDF's metadata, its heading and its footer). */
export function regioOverviewTitle(data: Pick<RegioOverviewExport, "regio" | "meetronde">): string {
  return `Regionaal overzicht ${data.regio.name} – ${data.meetronde.name}`;
}

/** The print design: A4 landscape, the pages' components laid out for paper. */
export const REGIO_OVERVIEW_PRINT_CSS = `
@page { size: A4 landscape; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", sans-serif; font-size: 9pt; line-height: 1.4; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; color: #083b55; }
h2 { font-size: 14pt; margin: 6mm 0 3mm; color: #083b55; break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
caption { text-align: left; font-weight: 700; margin-bottom: 1mm; }
th, td { border: 1px solid #94a3b8; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.heatmap td.getal { text-align: right; }
.heatmap thead th, .heatmap td { white-space: nowrap; }
thead th { background: #e2e8f0; }
tfoot th, tfoot td { background: #f1f5f9; font-weight: 700; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
section[aria-labelledby="onderdelen"] table { font-size: 6.5pt; }
section[aria-labelledby="onderdelen"] th, section[aria-labelledby="onderdelen"] td { padding: 0.6mm 0.7mm; }
ul.kolommen { columns: 2; column-gap: 8mm; margin: 0 0 3mm; padding-left: 5mm; }
ul.kolommen li { break-inside: avoid; }
.legenda ul { list-style: none; padding: 0; margin: 1mm 0 3mm; }
.legenda li { display: inline-block; border: 1px solid #94a3b8; padding: 0 2mm; margin-right: 2mm; }
.legenda p { margin: 0; }
.gedeelde-tekortkomingen { list-style: none; padding: 0; }
.gat { border-left: 3px solid #b45309; padding: 1mm 0 1mm 3mm; margin: 0 0 4mm; break-inside: avoid; }
.officieel { font-style: italic; }
.tekst { white-space: pre-line; }
`;

export function RegioOverviewDocument({ data, generatedAt }: { data: RegioOverviewExport; generatedAt: Date }) {
  const { framework, map, gaps, threshold } = data;
  const rows = map.rows;
  const eisen = heatMapColumns(framework, "eisen");
  const onderdelen = heatMapColumns(framework, "onderdelen");
  return (
    <>
      <h1>{regioOverviewTitle(data)}</h1>
      <p>
        Regio {data.regio.name}, meetronde {data.meetronde.name} (deadline {formatDate(data.meetronde.deadline)}). Datum: {formatDate(generatedAt)}.
      </p>
      <p>
        Scores op de schaal 0 tot {framework.scale.max}; “Weet ik niet” telt als 0. De score per eis is het gemiddelde van de beantwoorde onderdelen; een scan
        die nog niet is ingediend geeft voorlopige scores.
      </p>
      <div className="legenda">
        <HeatMapLegend bands={SCORE_BANDS} />
      </div>

      <section aria-labelledby="heatmap">
        <h2 id="heatmap">1. Score per eis per gemeente</h2>
        <HeatMapTable caption={`Score per eis per gemeente, ${data.meetronde.name}`} captionId="eisen-titel" map={map} rows={rows} columns={eisen} />
        <HeatMapColumnList columns={eisen} weergave="eisen" id="eisen" headingLevel={3} />
      </section>

      <section aria-labelledby="onderdelen">
        <h2 id="onderdelen">2. Score per onderdeel per gemeente</h2>
        <HeatMapTable
          caption={`Score per onderdeel per gemeente, ${data.meetronde.name}`}
          captionId="onderdelen-titel"
          map={map}
          rows={rows}
          columns={onderdelen}
        />
        <HeatMapColumnList columns={onderdelen} weergave="onderdelen" id="onderdelen-lijst" headingLevel={3} />
      </section>

      <section aria-labelledby="knelpunten">
        <h2 id="knelpunten">3. Gedeelde tekortkomingen (ten minste {threshold} gemeenten onder het doelniveau)</h2>
        {gaps.length === 0 ? (
          <p>Geen onderdeel waarop {threshold} of meer gemeenten onder hun doelniveau zitten.</p>
        ) : (
          <CommonGapList gaps={gaps} headingLevel={3} />
        )}
      </section>

      <section aria-labelledby="verantwoording">
        <h2 id="verantwoording">Verantwoording</h2>
        <p>
          Kwaliteitskader: {framework.title} ({framework.publisher}, versie {framework.version}). Gemaakt met Zelfscan Werken aan Veiligheid op{" "}
          {formatDate(generatedAt)}.
        </p>
      </section>
    </>
  );
}
