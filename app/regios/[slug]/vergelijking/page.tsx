import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparisonChart } from "@/components/regio/ComparisonChart";
import { RegioNav } from "@/components/regio/RegioNav";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { compareMeetrondes, type Change } from "@/lib/regio/aggregate";
import { getRegioComparison } from "@/lib/regio/analysis";
import { getRegioOverview } from "@/lib/regio/queries";
import { formatChange, parseWeergave } from "@/lib/shared/regio/view";

export const metadata: Metadata = { title: "Vergelijking tussen meetrondes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const link = "text-brand-700 underline underline-offset-4";
const cellClass = "border border-slate-400 px-2 py-1 align-top";

export default async function VergelijkingPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/regios/${slug}/vergelijking`);
  const overview = await getRegioOverview(prisma(), actor, slug);
  if (!overview) notFound();
  // Default: the two most recent rounds in which any gemeente has a scan, older one first.
  const withScans = overview.meetrondes.filter((meetronde) => meetronde.gemeenten.some((gemeente) => gemeente.scan));
  const fromId = first(query.van) ?? withScans[1]?.id;
  const toId = first(query.naar) ?? withScans[0]?.id;
  const weergave = parseWeergave(first(query.weergave));
  const data = fromId && toId ? await getRegioComparison(prisma(), actor, { slug, fromId, toId }) : null;
  if ((first(query.van) || first(query.naar)) && !data) notFound();
  const comparison = data ? compareMeetrondes(data.from, data.to) : null;

  const selectClass = "mt-1 block rounded border border-slate-600 px-3 py-2 text-base";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Vergelijking tussen meetrondes – regio {overview.regio.name}</h1>
      <RegioNav slug={slug} current="vergelijking" />
      <form method="get" className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="van" className="block font-semibold">
            Eerdere meetronde
          </label>
          <select id="van" name="van" defaultValue={fromId} className={selectClass}>
            {overview.meetrondes.map((meetronde) => (
              <option key={meetronde.id} value={meetronde.id}>
                {meetronde.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="naar" className="block font-semibold">
            Latere meetronde
          </label>
          <select id="naar" name="naar" defaultValue={toId} className={selectClass}>
            {overview.meetrondes.map((meetronde) => (
              <option key={meetronde.id} value={meetronde.id}>
                {meetronde.name}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="weergave" value={weergave} />
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          Vergelijk
        </button>
      </form>
      {!data || !comparison ? (
        <p>Er zijn nog geen twee meetrondes met zelfscans om te vergelijken.</p>
      ) : (
        <>
          <section aria-labelledby="vergelijkbaar" className="space-y-2">
            <h2 id="vergelijkbaar" className="text-xl font-semibold">
              Wat is vergeleken
            </h2>
            <p>
              {data.from.meetronde.name} (kaderversie {data.from.framework.version}) met {data.to.meetronde.name} (kaderversie {data.to.framework.version}):{" "}
              {comparison.comparableOnderdelen.length} onderdelen komen in beide versies voor en zijn vergeleken. Een eis wordt vergeleken over deze onderdelen;
              een gemeente zonder score in een van beide rondes telt voor de regio niet mee.
            </p>
            {comparison.notComparable.onlyInFrom.length + comparison.notComparable.onlyInTo.length === 0 ? (
              <p>Alle onderdelen konden worden vergeleken.</p>
            ) : (
              <ul className="list-disc pl-5">
                {comparison.notComparable.onlyInFrom.length > 0 && (
                  <li>
                    Niet te vergelijken, alleen in kaderversie {data.from.framework.version}: {comparison.notComparable.onlyInFrom.join(", ")}
                  </li>
                )}
                {comparison.notComparable.onlyInTo.length > 0 && (
                  <li>
                    Niet te vergelijken, alleen in kaderversie {data.to.framework.version}: {comparison.notComparable.onlyInTo.join(", ")}
                  </li>
                )}
              </ul>
            )}
          </section>

          <section aria-labelledby="regio-verandering" className="space-y-3">
            <h2 id="regio-verandering" className="text-xl font-semibold">
              De regio per eis
            </h2>
            <ComparisonChart
              rows={Object.entries(comparison.regio.requirements).map(([number, change]) => ({ label: `Eis ${number}`, change }))}
              max={data.to.framework.scale.max}
              fromLabel={data.from.meetronde.name}
              toLabel={data.to.meetronde.name}
            />
            <div role="region" aria-labelledby="regio-tabel" tabIndex={0} className="relative max-w-full overflow-x-auto">
              <table className="border-collapse text-left text-sm [overflow-wrap:normal]">
                <caption id="regio-tabel" className="mb-2 text-left font-semibold">
                  Gemiddelde van de regio per eis: {data.from.meetronde.name} en {data.to.meetronde.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={cellClass}>
                      Eis
                    </th>
                    <th scope="col" className={cellClass}>
                      {data.from.meetronde.name}
                    </th>
                    <th scope="col" className={cellClass}>
                      {data.to.meetronde.name}
                    </th>
                    <th scope="col" className={cellClass}>
                      Verandering
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...Object.entries(comparison.regio.requirements), ["totaal", comparison.regio.overall] as const].map(([number, change]) => (
                    <tr key={number}>
                      <th scope="row" className={cellClass}>
                        {number === "totaal" ? "Totaal" : `Eis ${number}`}
                      </th>
                      <td className={cellClass}>{change.from === null ? "–" : change.from.toLocaleString("nl-NL")}</td>
                      <td className={cellClass}>{change.to === null ? "–" : change.to.toLocaleString("nl-NL")}</td>
                      <td className={cellClass}>{direction(change)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="per-gemeente" className="space-y-3">
            <h2 id="per-gemeente" className="text-xl font-semibold">
              Per gemeente, per {weergave === "eisen" ? "eis" : "onderdeel"}
            </h2>
            <p>
              {weergave === "eisen" ? (
                <Link href={`/regios/${slug}/vergelijking?van=${data.from.meetronde.id}&naar=${data.to.meetronde.id}&weergave=onderdelen`} className={link}>
                  Toon de verandering per onderdeel
                </Link>
              ) : (
                <Link href={`/regios/${slug}/vergelijking?van=${data.from.meetronde.id}&naar=${data.to.meetronde.id}&weergave=eisen`} className={link}>
                  Toon de verandering per eis
                </Link>
              )}
            </p>
            <div role="region" aria-labelledby="gemeente-tabel" tabIndex={0} className="relative max-w-full overflow-x-auto">
              <table className="border-collapse text-left text-sm [overflow-wrap:normal]">
                <caption id="gemeente-tabel" className="mb-2 text-left font-semibold">
                  Verandering per {weergave === "eisen" ? "eis" : "onderdeel"} van {data.from.meetronde.name} naar {data.to.meetronde.name}, voor de regio en
                  per gemeente
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className={cellClass}>
                      {weergave === "eisen" ? "Eis" : "Onderdeel"}
                    </th>
                    <th scope="col" className={cellClass}>
                      Regio
                    </th>
                    {comparison.gemeenten.map((entry) => (
                      <th key={entry.gemeente.id} scope="col" className={cellClass}>
                        {entry.gemeente.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(weergave === "eisen"
                    ? Object.keys(comparison.regio.requirements).map((number) => ({
                        key: number,
                        label: `Eis ${number}`,
                        regio: comparison.regio.requirements[Number(number)]!,
                        pick: (entry: (typeof comparison.gemeenten)[number]) => entry.requirements[Number(number)]!,
                      }))
                    : comparison.comparableOnderdelen.map((id) => ({
                        key: id,
                        label: id,
                        regio: comparison.regio.onderdelen[id]!,
                        pick: (entry: (typeof comparison.gemeenten)[number]) => entry.onderdelen[id]!,
                      }))
                  ).map((row) => (
                    <tr key={row.key}>
                      <th scope="row" className={cellClass}>
                        {row.label}
                      </th>
                      <td className={cellClass}>{formatChange(row.regio)}</td>
                      {comparison.gemeenten.map((entry) => (
                        <td key={entry.gemeente.id} className={cellClass}>
                          {formatChange(row.pick(entry))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function direction(change: Change): string {
  return formatChange(change).split(": ")[1] ?? "";
}
