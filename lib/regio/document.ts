// The regional overview of one round as a printable HTML document (the PDF export): the heat map
// per requirement with the number in every cell, the region's mean and spread, and the gaps the
// gemeenten share. Rendered by lib/pdf exactly as the verbeterplan is.
import "server-only";
import type { Framework } from "@/lib/framework";
import { formatDate } from "@/lib/shared/format";
import { fontFaceCss } from "@/lib/pdf/fonts";
import { html, SafeHtml } from "@/lib/pdf/html";
import { formatScore } from "@/lib/scoring/score";
import { ZELFSCAN_STATUS_LABEL } from "@/lib/shared/zelfscan/status";
import type { CommonGap, HeatMap } from "./aggregate";
import { SCORE_BANDS, scoreBackground } from "./view";

const STYLE = `
@page { size: A4 landscape; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", sans-serif; font-size: 9pt; line-height: 1.4; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; color: #083b55; }
h2 { font-size: 14pt; margin: 6mm 0 3mm; color: #083b55; break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
caption { text-align: left; font-weight: 700; margin-bottom: 1mm; }
th, td { border: 1px solid #94a3b8; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
td.getal { text-align: right; }
thead th { background: #e2e8f0; }
tfoot th, tfoot td { background: #f1f5f9; font-weight: 700; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.gat { border-left: 3px solid #b45309; padding: 1mm 0 1mm 3mm; margin: 0 0 4mm; break-inside: avoid; }
.tekst { white-space: pre-line; }
.legenda span { display: inline-block; border: 1px solid #94a3b8; padding: 0 2mm; margin-right: 2mm; }
`;

export type RegioOverviewDocument = {
  regio: { name: string };
  ronde: { name: string; deadline: Date; status: string };
  framework: Framework;
  map: HeatMap;
  gaps: readonly CommonGap[];
  threshold: number;
};

export function regioOverviewTitle(data: Pick<RegioOverviewDocument, "regio" | "ronde">): string {
  return `Regionaal overzicht ${data.regio.name} – ${data.ronde.name}`;
}

export function regioOverviewDocument(data: RegioOverviewDocument, generatedAt: Date = new Date()): string {
  const { framework, map, gaps } = data;
  const title = regioOverviewTitle(data);
  const cell = (value: number | null) => html`<td class="getal" style="background: ${scoreBackground(value)}">${formatScore(value)}</td>`;
  const body = html`
<h1>${title}</h1>
<p>Regio ${data.regio.name}, meetronde ${data.ronde.name} (deadline ${formatDate(data.ronde.deadline)}). Datum: ${formatDate(generatedAt)}.</p>
<p>Scores op de schaal 0 tot ${framework.scale.max}; &ldquo;Weet ik niet&rdquo; telt als 0. De score per eis is het gemiddelde van de beantwoorde onderdelen; een scan die nog niet is ingediend geeft voorlopige scores.</p>
<p class="legenda">Kleuren (het getal staat altijd in de cel): ${SCORE_BANDS.map((band) => html`<span style="background: ${band.background}">${band.label}</span>`)}</p>

<section aria-labelledby="heatmap">
  <h2 id="heatmap">1. Score per eis per gemeente</h2>
  <table>
    <caption>Score per eis (0–${framework.scale.max}) per gemeente, met het gemiddelde en de spreiding van de regio</caption>
    <thead><tr><th scope="col">Gemeente</th><th scope="col">Status</th><th scope="col">Totaal</th>${framework.requirements.map((requirement) => html`<th scope="col">Eis ${requirement.number}</th>`)}</tr></thead>
    <tbody>
      ${map.rows.map(
        (row) => html`<tr><th scope="row">${row.gemeente.name}</th><td>${row.status === null ? "Niet gestart" : ZELFSCAN_STATUS_LABEL[row.status as keyof typeof ZELFSCAN_STATUS_LABEL]}${row.scanId !== null && row.provisional ? " (voorlopig)" : ""}</td>${cell(row.overall)}${framework.requirements.map((requirement) => cell(row.requirements[requirement.number] ?? null))}</tr>`,
      )}
    </tbody>
    <tfoot>
      <tr><th scope="row">Gemiddelde regio</th><td></td><td class="getal">${formatScore(map.overallStats.mean)}</td>${framework.requirements.map((requirement) => html`<td class="getal">${formatScore(map.requirementStats[requirement.number]!.mean)}</td>`)}</tr>
      <tr><th scope="row">Spreiding (standaardafwijking)</th><td></td><td class="getal">${formatScore(map.overallStats.spread)}</td>${framework.requirements.map((requirement) => html`<td class="getal">${formatScore(map.requirementStats[requirement.number]!.spread)}</td>`)}</tr>
    </tfoot>
  </table>
  <table>
    <caption>De eisen</caption>
    <thead><tr><th scope="col">Eis</th><th scope="col">Onderwerp</th></tr></thead>
    <tbody>${framework.requirements.map((requirement) => html`<tr><th scope="row">${requirement.number}</th><td>${requirement.shortTitle}</td></tr>`)}</tbody>
  </table>
</section>

<section aria-labelledby="onderdelen">
  <h2 id="onderdelen">2. Score per onderdeel per gemeente</h2>
  <table>
    <caption>Score per onderdeel (0–${framework.scale.max}) per gemeente, met het gemiddelde en de spreiding van de regio</caption>
    <thead><tr><th scope="col">Onderdeel</th>${map.rows.map((row) => html`<th scope="col">${row.gemeente.name}</th>`)}<th scope="col">Gemiddelde</th><th scope="col">Spreiding</th></tr></thead>
    <tbody>
      ${framework.items.map(
        (item) => html`<tr><th scope="row">${item.id} ${item.shortTitle}</th>${map.rows.map((row) => cell(row.items[item.id] ?? null))}<td class="getal">${formatScore(map.itemStats[item.id]!.mean)}</td><td class="getal">${formatScore(map.itemStats[item.id]!.spread)}</td></tr>`,
      )}
    </tbody>
  </table>
</section>

<section aria-labelledby="knelpunten">
  <h2 id="knelpunten">3. Gedeelde tekortkomingen (ten minste ${data.threshold} gemeenten onder het doelniveau)</h2>
  ${gaps.length === 0 ? html`<p>Geen onderdeel waarop ${data.threshold} of meer gemeenten onder hun doelniveau zitten.</p>` : ""}
  ${gaps.map(
    (gap, index) => html`<div class="gat">
      <h3>${index + 1}. Onderdeel ${gap.item.id}: ${gap.item.shortTitle} (${gap.gemeenten.length} gemeenten, gemiddeld tekort ${formatScore(gap.meanGap)})</h3>
      <table>
        <caption>Gemeenten onder het doelniveau op onderdeel ${gap.item.id}</caption>
        <thead><tr><th scope="col">Gemeente</th><th scope="col">Score</th><th scope="col">Doel</th><th scope="col">Toelichting</th></tr></thead>
        <tbody>${gap.gemeenten.map((entry) => html`<tr><th scope="row">${entry.gemeente.name}</th><td>${entry.unknown ? "Weet ik niet" : entry.value}</td><td>${entry.target}</td><td class="tekst">${entry.toelichting || "–"}</td></tr>`)}</tbody>
      </table>
    </div>`,
  )}
</section>

<section aria-labelledby="verantwoording">
  <h2 id="verantwoording">Verantwoording</h2>
  <p>Kwaliteitskader: ${framework.title} (${framework.publisher}, versie ${framework.version}). Gemaakt met Zelfscan Werken aan Veiligheid op ${formatDate(generatedAt)}.</p>
</section>`;
  return html`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title><style>${new SafeHtml(fontFaceCss() + STYLE)}</style></head><body>${body}</body></html>`.toString();
}
