// The regional prognose of a round: per gemeente the current, projected and target score, overall
// and per eis (lib/regio/prognose.ts). Real tables with captions and header cells; figures in
// words, no colour carries meaning.
import type { PrognoseRow, RegioPrognose } from "@/lib/regio/prognose";
import { formatScore } from "@/lib/shared/format";
import { zelfscanStatusLabel } from "@/lib/shared/zelfscan/status";

type Eis = { number: number; shortTitle: string };

const th = "py-1 pr-3";

function ScoreHead() {
  return (
    <>
      <th scope="col" className={th}>
        Nu
      </th>
      <th scope="col" className={th}>
        Verwacht na de acties
      </th>
      <th scope="col" className={th}>
        Doelniveau
      </th>
    </>
  );
}

export function PrognoseOverzicht({ prognose, meetronde, max }: { prognose: RegioPrognose; meetronde: string; max: number }) {
  return (
    <div className="overflow-x-auto" role="region" aria-label="Totaalscore per gemeente" tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-semibold">
          Totaalscore per gemeente (0–{max}), {meetronde}: nu, verwacht na de acties en doelniveau
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={th}>
              Gemeente
            </th>
            <th scope="col" className={th}>
              Zelfscan
            </th>
            <ScoreHead />
            <th scope="col" className={th}>
              Acties met een beoogd niveau
            </th>
          </tr>
        </thead>
        <tbody>
          {prognose.rows.map((row) => (
            <tr key={row.gemeente.id} className="border-b border-slate-300">
              <th scope="row" className={`${th} font-normal`}>
                {row.gemeente.name}
              </th>
              <td className={th}>
                {zelfscanStatusLabel(row.status)}
                {row.scanId && row.provisional ? " (voorlopig)" : ""}
              </td>
              <td className={th}>{formatScore(row.overall.current)}</td>
              <td className={th}>{formatScore(row.overall.projected)}</td>
              <td className={th}>{formatScore(row.overall.target)}</td>
              <td className={th}>{row.scanId ? row.acties : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The region's mean per eis over the gemeenten with a scan: now and once the actions are done. */
export function PrognoseGemiddeld({ prognose, eisen }: { prognose: RegioPrognose; eisen: readonly Eis[] }) {
  return (
    <div className="overflow-x-auto" role="region" aria-label="Regiogemiddelde per eis" tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-semibold">Regiogemiddelde per eis: nu en verwacht na de acties</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={th}>
              Eis
            </th>
            <th scope="col" className={th}>
              Nu
            </th>
            <th scope="col" className={th}>
              Verwacht na de acties
            </th>
            <th scope="col" className={th}>
              Gemeenten met een score
            </th>
          </tr>
        </thead>
        <tbody>
          {eisen.map((eis) => {
            const cell = prognose.gemiddeld[eis.number]!;
            return (
              <tr key={eis.number} className="border-b border-slate-300">
                <th scope="row" className={`${th} font-normal`}>
                  {eis.number}. {eis.shortTitle}
                </th>
                <td className={th}>{formatScore(cell.current)}</td>
                <td className={th}>{formatScore(cell.projected)}</td>
                <td className={th}>{cell.n}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One gemeente: per eis now, projected and target. */
export function PrognoseGemeente({ row, eisen, headingId }: { row: PrognoseRow; eisen: readonly Eis[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-lg font-semibold">
        {row.gemeente.name}
      </h3>
      {!row.scanId ? (
        <p>Geen zelfscan in deze meetronde.</p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label={`Prognose per eis ${row.gemeente.name}`} tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left font-semibold">
              {row.gemeente.name}: score per eis nu, verwacht na de acties en doelniveau{row.provisional ? " (voorlopig: niet alles is beantwoord)" : ""}
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className={th}>
                  Eis
                </th>
                <ScoreHead />
              </tr>
            </thead>
            <tbody>
              {eisen.map((eis) => {
                const cell = row.requirements[eis.number]!;
                return (
                  <tr key={eis.number} className="border-b border-slate-300">
                    <th scope="row" className={`${th} font-normal`}>
                      {eis.number}. {eis.shortTitle}
                    </th>
                    <td className={th}>{formatScore(cell.current)}</td>
                    <td className={th}>{formatScore(cell.projected)}</td>
                    <td className={th}>{formatScore(cell.target)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
