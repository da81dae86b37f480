// The verbeterplan as a printable document (the PDF export), made of the components the report
// page and the verbeterplan page render: a title page, the summary with chart and table, the gaps
// in order of priority, what is still unknown, the actions, the framework version, and an annex
// listing the evidence documents per onderdeel.
import { formatDate, formatDay } from "@/lib/shared/format";
import { ZELFSCAN_STATUS_LABEL } from "@/lib/shared/zelfscan/status";
import type { RapportData, VerbeterplanData } from "@/lib/verbeterplan/queries";
import { Ontwikkeling } from "@/components/gemeente/Ontwikkeling";
import { Benchmark } from "./Benchmark";
import { ActieList, ActieVoortgang, Voortgangsrapportage } from "./Acties";
import { ProjectieTabel } from "./Projectie";
import { GapList, ProvisionalNotice, ScoreSummary, scoreKengetallen, UnknownList } from "./Rapport";

/** The document's title (the PDF's metadata). */
export function verbeterplanDocumentTitle(data: VerbeterplanData): string {
  return `Verbeterplan Werken aan Veiligheid – ${data.scan.gemeente.name} – ${data.scan.meetronde.name}`;
}

/** The plan's name as the page's heading and the PDF's footer say it. */
export function verbeterplanTitle(data: VerbeterplanData): string {
  return `Verbeterplan ${data.scan.gemeente.name} – ${data.scan.meetronde.name}`;
}

/** The print design: A4 portrait, the page's components laid out for paper. */
export const VERBETERPLAN_PRINT_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 22pt; margin: 0 0 8mm; color: #083b55; }
h2 { font-size: 15pt; margin: 8mm 0 3mm; color: #083b55; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
ol, ul { margin: 0 0 3mm; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
.titelpagina { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
.titelpagina .sub { font-size: 14pt; margin-bottom: 3mm; }
.kengetallen { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 2mm 0 4mm; padding: 0; list-style: none; }
.kengetal { border: 1px solid #94a3b8; padding: 3mm; break-inside: avoid; }
.kengetal span { display: block; }
.kengetal strong { display: block; font-size: 16pt; }
.grafiek { display: block; width: 127mm; height: auto; margin: 2mm 0; break-inside: avoid; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
caption { text-align: left; font-weight: 700; margin-bottom: 1mm; }
th, td { border: 1px solid #94a3b8; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #e2e8f0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.tekortkomingen, .acties { list-style: none; padding: 0; }
.gat { border-left: 3px solid #b45309; padding: 1mm 0 1mm 3mm; margin: 0 0 4mm; break-inside: avoid; }
.gat h3 { margin-top: 0; }
.officieel { font-style: italic; }
.opmerking { margin-left: 4mm; font-size: 9pt; }
.voorlopig { border: 2px solid #b45309; padding: 2mm 3mm; margin: 3mm 0; font-weight: 700; }
.tekst { white-space: pre-line; }
.actie { border: 1px solid #94a3b8; padding: 2mm 3mm; margin: 0 0 3mm; break-inside: avoid; }
.actie h3 { margin-top: 0; }
.actie dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 1mm 0 0; }
.actie dt { font-weight: 700; }
.actie dd { margin: 0; }
.bijlage { break-before: page; }
.bestand { overflow-wrap: anywhere; }
progress { width: 40mm; height: 3mm; margin-right: 2mm; vertical-align: middle; }
`;

export function VerbeterplanDocument({ data, generatedAt }: { data: RapportData; generatedAt: Date }) {
  const { scan, framework, score, acties, progress, withoutAction } = data;
  const kengetallen = [
    ...scoreKengetallen(score),
    { title: "Verbeteracties", value: String(progress.total), unit: `${progress.afgerond} afgerond` },
    { title: "Nog geen actie", value: String(withoutAction.length), unit: "tekortkomingen" },
  ];
  const weetIkNietOnderdelen = score.weetIkNietOnderdelen.length > 0;
  return (
    <>
      <section className="titelpagina">
        <h1>Verbeterplan Werken aan Veiligheid</h1>
        <p className="sub">Gemeente {scan.gemeente.name}</p>
        <p className="sub">
          {scan.meetronde.name} (regio {scan.gemeente.regio.name})
        </p>
        <p>Datum: {formatDate(generatedAt)}</p>
        <p>
          Status van de zelfscan: {ZELFSCAN_STATUS_LABEL[scan.status]}
          {scan.submittedAt && scan.status === "INGEDIEND" ? ` op ${formatDate(scan.submittedAt)}` : ""}
        </p>
        <p>
          Getoetst aan het kwaliteitskader “{framework.title}” van de {framework.publisher}, versie {framework.version}.
        </p>
      </section>

      <ScoreSummary score={score} projectie={data.projectie} kengetallen={kengetallen} number={1}>
        <ProvisionalNotice score={score} />
      </ScoreSummary>
      <GapList plan={data} number={2} />
      <UnknownList plan={data} number={3} />

      <section aria-labelledby="acties">
        <h2 id="acties">{weetIkNietOnderdelen ? 4 : 3}. Verbeteracties</h2>
        <ActieVoortgang progress={progress} acties={acties} />
        <ProjectieTabel score={score} projectie={data.projectie} acties={acties} />
        <ActieList acties={acties} niveaus={framework.scale.levels} history={false} />
      </section>

      <Voortgangsrapportage acties={acties} number={weetIkNietOnderdelen ? 5 : 4} />

      <Benchmark gemeente={scan.gemeente.name} regio={scan.gemeente.regio.name} score={score} benchmark={data.benchmark} />

      <Ontwikkeling gemeente={scan.gemeente.name} ontwikkeling={data.ontwikkeling} />

      <section aria-labelledby="verantwoording">
        <h2 id="verantwoording">Verantwoording</h2>
        <p>
          Kwaliteitskader: {framework.title} ({framework.publisher}, versie {framework.version}, vastgesteld op {formatDate(framework.adoptedOn)}).{" "}
          {framework.status}
        </p>
        <p>Gemaakt met Zelfscan Werken aan Veiligheid op {formatDate(generatedAt)}.</p>
      </section>

      <section aria-labelledby="bijlage-documenten" className="bijlage">
        <h2 id="bijlage-documenten">Bijlage: documenten per onderdeel</h2>
        {data.documenten.length === 0 ? (
          <p>Bij geen enkel onderdeel is een document gevoegd.</p>
        ) : (
          <table>
            <caption>Documenten die {scan.gemeente.name} als onderbouwing bij de onderdelen heeft gevoegd</caption>
            <thead>
              <tr>
                <th scope="col">Onderdeel</th>
                <th scope="col">Titel</th>
                <th scope="col">Ingangsdatum</th>
                <th scope="col">Bestand</th>
                <th scope="col">Versie</th>
              </tr>
            </thead>
            <tbody>
              {data.documenten.flatMap(({ onderdeelId, documents }) =>
                documents.map((document) => (
                  <tr key={`${onderdeelId}-${document.id}`}>
                    <th scope="row">{onderdeelId}</th>
                    <td className="tekst">{document.title}</td>
                    <td>{formatDay(document.ingangsdatum)}</td>
                    <td className="bestand">{document.versies[0]?.fileName}</td>
                    <td>{document.versies[0]?.nummer}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
