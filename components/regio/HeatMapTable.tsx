import Link from "next/link";
import { Fragment } from "react";
import type { HeatMap, HeatMapRow, SortKey } from "@/lib/regio/aggregate";
import { formatScore } from "@/lib/shared/format";
import { formatStat, NO_VALUE_BACKGROUND, scoreBackground, sortParam, type HeatMapColumn, type Weergave } from "@/lib/shared/regio/view";
import { zelfscanStatusLabel } from "@/lib/shared/zelfscan/status";

type Sort = { key: SortKey; direction: "asc" | "desc" };

function sameKey(a: SortKey, b: SortKey): boolean {
  return sortParam(a) === sortParam(b);
}

function statusText(row: HeatMapRow): string {
  const label = zelfscanStatusLabel(row.status);
  return row.status !== null && row.provisional ? `${label} (voorlopig)` : label;
}

/**
 * The heat map as a real table: gemeenten as rows, requirements or items as columns. Every cell
 * shows its number (the colour only repeats it); the footer holds the region's mean and spread.
 * On the page (with `links`) every cell links to the gemeente's answer and each column header is
 * a sort link with aria-sort; without, as in the PDF, the same table is plain text.
 */
export function HeatMapTable({
  caption,
  captionId = "heatmap-titel",
  map,
  rows,
  columns,
  links,
}: {
  caption: string;
  captionId?: string;
  map: HeatMap;
  rows: HeatMapRow[];
  columns: HeatMapColumn[];
  links?: { sort: Sort; baseHref: string; weergave: Weergave };
}) {
  const sortHeader = (key: SortKey, label: string, title?: string) => {
    if (!links) {
      return (
        <th key={sortParam(key)} scope="col" className="border border-slate-400 bg-slate-100 px-2 py-1 align-bottom whitespace-nowrap">
          {label}
        </th>
      );
    }
    const { sort, baseHref, weergave } = links;
    const active = sameKey(sort.key, key);
    const next = active && sort.direction === "asc" ? "af" : "op";
    const href = `${baseHref}?weergave=${weergave}&sorteer=${sortParam(key)}&richting=${next}`;
    return (
      <th
        key={sortParam(key)}
        scope="col"
        aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}
        className="border border-slate-400 bg-slate-100 px-2 py-1 align-bottom whitespace-nowrap"
      >
        <Link href={href} className="text-brand-800 underline underline-offset-4" title={title}>
          {label}
          <span className="sr-only">
            {title ? ` (${title})` : ""}, sorteer {next === "op" ? "oplopend" : "aflopend"}
          </span>
          {active && <span aria-hidden="true">{sort.direction === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </th>
    );
  };
  const cell = (row: HeatMapRow, value: number | null, label: string, anchor: string) => (
    <td className="getal border border-slate-400 p-0 text-right whitespace-nowrap" style={{ background: scoreBackground(value) }}>
      {!links ? (
        <span className="block px-2 py-1">{formatScore(value)}</span>
      ) : row.scanId && value !== null ? (
        <Link
          href={anchor ? `/zelfscans/${row.scanId}#${anchor}` : `/zelfscans/${row.scanId}`}
          className="block px-2 py-1 text-slate-900 underline underline-offset-2"
        >
          <span className="sr-only">
            {row.gemeente.name}, {label}:{" "}
          </span>
          {formatScore(value)}
        </Link>
      ) : (
        <span className="block px-2 py-1">
          <span className="sr-only">
            {row.gemeente.name}, {label}:{" "}
          </span>
          –<span className="sr-only"> geen antwoord</span>
        </span>
      )}
    </td>
  );
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="relative max-w-full overflow-x-auto border border-slate-300">
      <table className="heatmap border-collapse text-left text-sm [overflow-wrap:normal]">
        <caption id={captionId} className="p-2 text-left text-base font-semibold">
          {caption}
        </caption>
        <thead>
          <tr>
            {sortHeader({ by: "gemeente" }, "Gemeente")}
            <th scope="col" className="border border-slate-400 bg-slate-100 px-2 py-1 align-bottom whitespace-nowrap">
              Status
            </th>
            {sortHeader({ by: "overall" }, "Totaal")}
            {columns.map((column) => sortHeader(column.sort, column.label, column.title))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.gemeente.id}>
              <th scope="row" className="border border-slate-400 px-2 py-1 font-semibold whitespace-nowrap">
                {row.gemeente.name}
              </th>
              <td className="border border-slate-400 px-2 py-1">{statusText(row)}</td>
              {cell(row, row.overall, "totaal", "")}
              {columns.map((column) => (
                <Fragment key={column.key}>{cell(row, column.value(row), column.label, column.anchor)}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="border border-slate-400 bg-slate-100 px-2 py-1">
              Gemiddelde regio
            </th>
            <td className="border border-slate-400 bg-slate-100 px-2 py-1"></td>
            <td className="border border-slate-400 bg-slate-100 px-2 py-1 text-right font-semibold whitespace-nowrap">{formatStat(map.overallStats.mean)}</td>
            {columns.map((column) => (
              <td key={column.key} className="border border-slate-400 bg-slate-100 px-2 py-1 text-right font-semibold whitespace-nowrap">
                {formatStat(column.stats(map).mean)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className="border border-slate-400 bg-slate-100 px-2 py-1">
              Spreiding (standaardafwijking)
            </th>
            <td className="border border-slate-400 bg-slate-100 px-2 py-1"></td>
            <td className="border border-slate-400 bg-slate-100 px-2 py-1 text-right whitespace-nowrap">{formatStat(map.overallStats.spread)}</td>
            {columns.map((column) => (
              <td key={column.key} className="border border-slate-400 bg-slate-100 px-2 py-1 text-right whitespace-nowrap">
                {formatStat(column.stats(map).spread)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export function HeatMapLegend({ bands }: { bands: readonly { label: string; background: string }[] }) {
  return (
    <div>
      <p className="font-semibold">Kleuren (het getal staat altijd in de cel):</p>
      <ul className="mt-1 flex flex-wrap gap-2 text-sm">
        {bands.map((band) => (
          <li key={band.label} className="border border-slate-400 px-2 py-1" style={{ background: band.background }}>
            {band.label}
          </li>
        ))}
        <li className="border border-slate-400 px-2 py-1" style={{ background: NO_VALUE_BACKGROUND }}>
          – : geen antwoord
        </li>
      </ul>
    </div>
  );
}

/** What each column of the heat map stands for ("Eis 3: Signaleren…", "3a: …"). */
export function HeatMapColumnList({
  columns,
  weergave,
  id = "kolommen",
  headingLevel = 2,
}: {
  columns: readonly HeatMapColumn[];
  weergave: Weergave;
  id?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className="space-y-2">
      <Heading id={id} className="text-lg font-semibold">
        {weergave === "eisen" ? "De eisen" : "De onderdelen"}
      </Heading>
      <ul className="kolommen list-disc pl-5 text-sm">
        {columns.map((column) => (
          <li key={column.key}>
            {column.label}: {column.title}
          </li>
        ))}
      </ul>
    </section>
  );
}
