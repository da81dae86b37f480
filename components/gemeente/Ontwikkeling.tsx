// One gemeente over time: the nulmeting beside the herhaalmeting per eis and per onderdeel. Shown
// on the gemeente's page and in the PDF verbeterplan (plain server component, no hooks or links).
// The chart is a picture of the first table; the tables hold every figure.
import { ComparisonChart } from "@/components/regio/ComparisonChart";
import type { Framework } from "@/lib/framework";
import type { Ontwikkeling as OntwikkelingData } from "@/lib/gemeente/ontwikkeling";
import type { Change } from "@/lib/regio/aggregate";
import { formatScore } from "@/lib/shared/format";
import { zelfscanStatusLabel } from "@/lib/shared/zelfscan/status";

const cellClass = "border border-slate-400 px-2 py-1 align-top";

function verandering(change: Change): string {
  if (change.delta === null || change.direction === null) return "niet te vergelijken (score ontbreekt)";
  const sign = change.delta > 0 ? "+" : "";
  return `${change.direction} (${sign}${formatScore(change.delta)})`;
}

export function Ontwikkeling({
  gemeente,
  ontwikkeling,
  headingId = "ontwikkeling",
  chart = true,
}: {
  gemeente: string;
  ontwikkeling: OntwikkelingData & { framework: Framework | null };
  headingId?: string;
  chart?: boolean;
}) {
  const { nulmeting, herhaalmeting, vergelijking, framework } = ontwikkeling;
  return (
    <section aria-labelledby={headingId} className="ontwikkeling space-y-3">
      <h2 id={headingId} className="text-xl font-semibold">
        Ontwikkeling sinds de nulmeting
      </h2>
      {!nulmeting ? (
        <p>{gemeente} heeft nog geen ingediende zelfscan: er is nog geen nulmeting.</p>
      ) : !herhaalmeting || !vergelijking || !framework ? (
        <p>
          De nulmeting van {gemeente} is {nulmeting.meetronde.name}. Er is nog geen latere zelfscan om mee te vergelijken.
        </p>
      ) : (
        <>
          <p>
            De nulmeting ({nulmeting.meetronde.name}, de eerste ingediende zelfscan) naast de herhaalmeting ({herhaalmeting.meetronde.name}, de laatste
            zelfscan). Een eis is het gemiddelde van zijn beantwoorde onderdelen; onderdelen die maar in één kaderversie voorkomen tellen niet mee.
          </p>
          {herhaalmeting.voorlopig && (
            <p className="voorlopig rounded border-2 border-amber-700 bg-amber-50 p-3 font-semibold">
              Voorlopig: de herhaalmeting {herhaalmeting.meetronde.name} is nog niet ingediend (status:{" "}
              {zelfscanStatusLabel(herhaalmeting.status).toLowerCase()}
              ). De cijfers kunnen nog veranderen.
            </p>
          )}
          {vergelijking.notComparable.onlyInFrom.length + vergelijking.notComparable.onlyInTo.length > 0 && (
            <p>Niet vergeleken (maar in één kaderversie): {[...vergelijking.notComparable.onlyInFrom, ...vergelijking.notComparable.onlyInTo].join(", ")}.</p>
          )}
          {chart && (
            <ComparisonChart
              onderwerp={gemeente}
              rows={Object.entries(vergelijking.requirements).map(([number, change]) => ({ label: `Eis ${number}`, change }))}
              max={framework.scale.max}
              fromLabel={nulmeting.meetronde.name}
              toLabel={herhaalmeting.voorlopig ? `${herhaalmeting.meetronde.name} (voorlopig)` : herhaalmeting.meetronde.name}
            />
          )}
          <ChangeTable
            caption={`${gemeente} per eis: ${nulmeting.meetronde.name} en ${herhaalmeting.meetronde.name}${herhaalmeting.voorlopig ? " (voorlopig)" : ""}`}
            kop="Eis"
            from={nulmeting.meetronde.name}
            to={herhaalmeting.voorlopig ? `${herhaalmeting.meetronde.name} (voorlopig)` : herhaalmeting.meetronde.name}
            rows={[
              ...Object.entries(vergelijking.requirements).map(([number, change]) => ({
                key: number,
                label: `Eis ${number}`,
                title: framework.requirements.find((requirement) => requirement.number === Number(number))?.shortTitle ?? "",
                change,
              })),
              { key: "totaal", label: "Totaal", title: "", change: vergelijking.overall },
            ]}
          />
          <ChangeTable
            caption={`${gemeente} per onderdeel: ${nulmeting.meetronde.name} en ${herhaalmeting.meetronde.name}${herhaalmeting.voorlopig ? " (voorlopig)" : ""}`}
            kop="Onderdeel"
            from={nulmeting.meetronde.name}
            to={herhaalmeting.voorlopig ? `${herhaalmeting.meetronde.name} (voorlopig)` : herhaalmeting.meetronde.name}
            rows={vergelijking.comparableOnderdelen.map((id) => ({
              key: id,
              label: id,
              title: framework.onderdelen.find((onderdeel) => onderdeel.id === id)?.shortTitle ?? "",
              change: vergelijking.onderdelen[id]!,
            }))}
          />
        </>
      )}
    </section>
  );
}

function ChangeTable({
  caption,
  kop,
  from,
  to,
  rows,
}: {
  caption: string;
  kop: string;
  from: string;
  to: string;
  rows: { key: string; label: string; title: string; change: Change }[];
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="relative max-w-full overflow-x-auto">
      <table className="border-collapse text-left text-sm [overflow-wrap:normal]">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={cellClass}>
              {kop}
            </th>
            <th scope="col" className={cellClass}>
              {from}
            </th>
            <th scope="col" className={cellClass}>
              {to}
            </th>
            <th scope="col" className={cellClass}>
              Verandering
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={cellClass}>
                {row.label}
                {row.title && <span className="block font-normal">{row.title}</span>}
              </th>
              <td className={cellClass}>{formatScore(row.change.from)}</td>
              <td className={cellClass}>{formatScore(row.change.to)}</td>
              <td className={cellClass}>{verandering(row.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
