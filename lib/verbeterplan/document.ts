// The verbeterplan as a printable HTML document (the PDF export): title page, summary with chart
// and data table, the gaps in order of priority, the actions, and the framework version.
import "server-only";
import { formatDate } from "@/lib/shared/format";
import { fontFaceCss } from "@/lib/pdf/fonts";
import { html, SafeHtml } from "@/lib/pdf/html";
import { formatScore, type RequirementResult } from "@/lib/scoring/score";
import { chartLayout } from "./chart";
import { answerLabel } from "@/lib/zelfscan/progress";
import { ZELFSCAN_STATUS_LABEL } from "@/lib/shared/zelfscan/status";
import type { VerbeterplanData } from "./queries";
import { ACTIE_STATUS, PRIORITEIT } from "@/lib/shared/verbeterplan/labels";

const STYLE = `
@page { size: A4; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 22pt; margin: 0 0 8mm; color: #083b55; }
h2 { font-size: 15pt; margin: 8mm 0 3mm; color: #083b55; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.titelpagina { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.titelpagina .sub { font-size: 14pt; margin-bottom: 3mm; }
.samenvatting { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 2mm 0 4mm; }
.kengetal { border: 1px solid #94a3b8; padding: 3mm; break-inside: avoid; }
.kengetal strong { display: block; font-size: 16pt; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
caption { text-align: left; font-weight: 700; margin-bottom: 1mm; }
th, td { border: 1px solid #94a3b8; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #e2e8f0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.gat { border-left: 3px solid #b45309; padding: 1mm 0 1mm 3mm; margin: 0 0 4mm; break-inside: avoid; }
.officieel { font-style: italic; }
.opmerking { margin-left: 4mm; font-size: 9pt; }
.voorlopig { border: 2px solid #b45309; padding: 2mm 3mm; margin: 3mm 0; }
.grafiek { break-inside: avoid; }
.tekst { white-space: pre-line; }
.nowrap { white-space: nowrap; }
`;

function chart(requirements: RequirementResult[], max: number): SafeHtml {
  const layout = chartLayout(requirements, max);
  const rows = layout.bars.map(
    (bar) => html`<g>
      <text x="0" y="${bar.y + 14}" font-size="10">${bar.label}</text>
      <rect x="${bar.barX}" y="${bar.y + 3}" width="${bar.barWidth}" height="14" fill="#0b4f71"></rect>
      <text x="${bar.valueX}" y="${bar.y + 14}" font-size="10">${bar.valueText}</text>
      <line x1="${bar.targetX}" x2="${bar.targetX}" y1="${bar.y}" y2="${bar.y + 20}" stroke="#b45309" stroke-width="2" stroke-dasharray="3 2"></line>
    </g>`,
  );
  const ticks = layout.ticks.map((tick) => html`<text x="${tick.x}" y="${tick.y}" font-size="9">${tick.value}</text>`);
  return html`<svg role="img" aria-label="${layout.description}" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" xmlns="http://www.w3.org/2000/svg">${rows}${ticks}</svg>`;
}

export function verbeterplanDocument(data: VerbeterplanData, generatedAt: Date = new Date()): string {
  const { scan, framework, score, acties, comments, withoutAction } = data;
  const title = `Verbeterplan Werken aan Veiligheid – ${scan.gemeente.name} – ${scan.meetronde.name}`;
  const answers = new Map(scan.answers.map((answer) => [answer.itemId, answer]));
  const commentsByItem = (itemId: string) => comments.filter((comment) => comment.itemId === itemId);
  const label = (list: readonly { value: string; label: string }[], value: string) => list.find((entry) => entry.value === value)?.label ?? value;

  const body = html`
<section class="titelpagina">
  <h1>Verbeterplan Werken aan Veiligheid</h1>
  <p class="sub">Gemeente ${scan.gemeente.name}</p>
  <p class="sub">${scan.meetronde.name} (regio ${scan.gemeente.regio.name})</p>
  <p>Datum: ${formatDate(generatedAt)}</p>
  <p>Status van de zelfscan: ${ZELFSCAN_STATUS_LABEL[scan.status]}${scan.submittedAt && scan.status === "INGEDIEND" ? ` op ${formatDate(scan.submittedAt)}` : ""}</p>
  <p>Getoetst aan het kwaliteitskader &ldquo;${framework.title}&rdquo; van de ${framework.publisher}, versie ${framework.version}.</p>
</section>

<section aria-labelledby="samenvatting">
  <h2 id="samenvatting">1. Samenvatting</h2>
  ${score.provisional ? html`<p class="voorlopig">Voorlopige uitkomst: ${score.counts.unanswered} van de ${score.counts.items} onderdelen zijn nog niet beantwoord.</p>` : ""}
  <div class="samenvatting">
    <div class="kengetal">Totaalscore<strong>${formatScore(score.overall.mean)} van ${score.max}</strong>${score.overall.percentage === null ? "" : `${score.overall.percentage}%`}</div>
    <div class="kengetal">Op doelniveau<strong>${score.counts.atTarget} van ${score.counts.items}</strong>onderdelen</div>
    <div class="kengetal">Tekortkomingen<strong>${score.counts.gaps}</strong>onderdelen onder het doelniveau</div>
    <div class="kengetal">Weet ik niet<strong>${score.counts.unknown}</strong>onderdelen om uit te zoeken</div>
    <div class="kengetal">Verbeteracties<strong>${data.progress.total}</strong>${data.progress.afgerond} afgerond</div>
    <div class="kengetal">Nog geen actie<strong>${withoutAction.length}</strong>tekortkomingen</div>
  </div>
  <p>De totaalscore is het gemiddelde van de tien eisen; elke eis weegt even zwaar. &ldquo;Weet ik niet&rdquo; telt als 0.</p>
  <div class="grafiek">${chart(score.requirements, score.max)}</div>
  <table>
    <caption>Score per eis</caption>
    <thead><tr><th scope="col">Eis</th><th scope="col">Score (0–${score.max})</th><th scope="col">Percentage</th><th scope="col">Doelniveau</th><th scope="col">Beantwoord</th></tr></thead>
    <tbody>
      ${score.requirements.map(
        (result) => html`<tr><th scope="row">${result.requirement.number}. ${result.requirement.shortTitle}</th><td>${formatScore(result.mean)}</td><td>${result.percentage === null ? "–" : `${result.percentage}%`}</td><td>${formatScore(result.target)}</td><td>${result.answered} van ${result.items.length}</td></tr>`,
      )}
    </tbody>
  </table>
</section>

<section aria-labelledby="tekortkomingen">
  <h2 id="tekortkomingen">2. Tekortkomingen, grootste eerst</h2>
  ${score.gaps.length === 0 ? html`<p>Alle beantwoorde onderdelen zitten op hun doelniveau.</p>` : ""}
  ${score.gaps.map((gap) => {
    const answer = answers.get(gap.item.id);
    return html`<div class="gat">
      <h3>Onderdeel ${gap.item.id}: ${gap.item.shortTitle}</h3>
      <p class="officieel">${gap.item.text}</p>
      <p>Antwoord: ${answerLabel(framework, answer)}. Doelniveau: ${gap.target}. Verschil: ${gap.gap}.</p>
      ${answer?.toelichting ? html`<p class="tekst">Toelichting: ${answer.toelichting}</p>` : ""}
      ${commentsByItem(gap.item.id).map((comment) => html`<p class="opmerking">Opmerking van ${comment.author.name} (${formatDate(comment.createdAt)}): ${comment.body}</p>`)}
      ${withoutAction.some((candidate) => candidate.item.id === gap.item.id) ? html`<p><strong>Nog geen actie.</strong></p>` : ""}
    </div>`;
  })}
</section>

${score.unknowns.length
  ? html`<section aria-labelledby="onbekend">
  <h2 id="onbekend">3. Nog uit te zoeken (&ldquo;Weet ik niet&rdquo;)</h2>
  <ul>${score.unknowns.map((result) => html`<li>Onderdeel ${result.item.id}: ${result.item.shortTitle}${answers.get(result.item.id)?.toelichting ? ` – ${answers.get(result.item.id)!.toelichting}` : ""}</li>`)}</ul>
</section>`
  : ""}

<section aria-labelledby="acties">
  <h2 id="acties">${score.unknowns.length ? "4" : "3"}. Verbeteracties</h2>
  <p>${data.progress.total} acties, waarvan ${data.progress.afgerond} afgerond en ${data.progress.inUitvoering} in uitvoering (${data.progress.percentage}% afgerond).</p>
  <table>
    <caption>Verbeteracties met eigenaar en deadline</caption>
    <thead><tr><th scope="col">#</th><th scope="col">Actie</th><th scope="col">Onderdelen</th><th scope="col">Eigenaar</th><th scope="col">Partners</th><th scope="col">Deadline</th><th scope="col">Status</th><th scope="col">Prioriteit</th><th scope="col">Borging</th></tr></thead>
    <tbody>
      ${acties.map(
        (actie, index) => html`<tr>
          <td>${index + 1}</td>
          <th scope="row">${actie.title}${actie.description ? html`<br><span class="tekst">${actie.description}</span>` : ""}</th>
          <td>${actie.itemIds.join(", ")}</td>
          <td>${actie.ownerName || "–"}${actie.ownerRole ? html`<br>${actie.ownerRole}` : ""}</td>
          <td>${actie.partners.join(", ") || "–"}</td>
          <td class="nowrap">${actie.deadline ? formatDate(actie.deadline) : "–"}</td>
          <td class="nowrap">${label(ACTIE_STATUS, actie.status)}</td>
          <td class="nowrap">${label(PRIORITEIT, actie.priority)}</td>
          <td>${actie.borging || "–"}</td>
        </tr>`,
      )}
    </tbody>
  </table>
</section>

<section aria-labelledby="verantwoording">
  <h2 id="verantwoording">Verantwoording</h2>
  <p>Kwaliteitskader: ${framework.title} (${framework.publisher}, versie ${framework.version}, vastgesteld op ${formatDate(framework.adoptedOn)}). ${framework.status}</p>
  <p>Gemaakt met Zelfscan Werken aan Veiligheid op ${formatDate(generatedAt)}.</p>
</section>`;

  return html`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title><style>${new SafeHtml(fontFaceCss() + STYLE)}</style></head><body>${body}</body></html>`.toString();
}

export function verbeterplanTitle(data: VerbeterplanData): string {
  return `Verbeterplan ${data.scan.gemeente.name} – ${data.scan.meetronde.name}`;
}
