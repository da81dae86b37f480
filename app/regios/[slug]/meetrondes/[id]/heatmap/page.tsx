import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HeatMapColumnList, HeatMapLegend, HeatMapTable } from "@/components/regio/HeatMapTable";
import { RegioNav } from "@/components/regio/RegioNav";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { heatMap, sortRows } from "@/lib/regio/aggregate";
import { getRegioAnalysis } from "@/lib/regio/analysis";
import { heatMapColumns, parseDirection, parseSort, parseWeergave, SCORE_BANDS } from "@/lib/shared/regio/view";

export const metadata: Metadata = { title: "Heatmap" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const link = "text-brand-700 underline underline-offset-4";

export default async function HeatmapPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: SearchParams }) {
  const { slug, id } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/regios/${slug}/meetrondes/${id}/heatmap`);
  const analysis = await getRegioAnalysis(prisma(), actor, { slug, meetrondeId: id });
  if (!analysis?.meetronde || analysis.meetronde.id !== id || !analysis.framework) notFound();
  const { framework, meetronde, regio } = analysis;
  const weergave = parseWeergave(first(query.weergave));
  const sort = { key: parseSort(framework, first(query.sorteer)), direction: parseDirection(first(query.richting)) };
  const map = heatMap(framework, analysis.scans);
  const rows = sortRows(map.rows, sort.key, sort.direction);
  const columns = heatMapColumns(framework, weergave);
  const baseHref = `/regios/${slug}/meetrondes/${id}/heatmap`;
  const exportBase = `/regios/${slug}/meetrondes/${id}/overzicht`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        Heatmap {meetronde.name} – regio {regio.name}
      </h1>
      <RegioNav slug={slug} current="meetrondes" />
      <p>
        Score per {weergave === "eisen" ? "eis (gemiddelde van de beantwoorde onderdelen)" : "onderdeel"} op de schaal 0 tot {framework.scale.max}; &ldquo;Weet
        ik niet&rdquo; telt als 0. Kies een kolomkop om op die kolom te sorteren; een cel opent het antwoord en de toelichting van de gemeente.
      </p>
      <p>
        {weergave === "eisen" ? (
          <Link href={`${baseHref}?weergave=onderdelen`} className={link}>
            Toon alle {framework.onderdelen.length} onderdelen
          </Link>
        ) : (
          <Link href={`${baseHref}?weergave=eisen`} className={link}>
            Toon de {framework.requirements.length} eisen
          </Link>
        )}
      </p>
      <HeatMapLegend bands={SCORE_BANDS} />
      <HeatMapTable
        caption={`Score per ${weergave === "eisen" ? "eis" : "onderdeel"} per gemeente, ${meetronde.name}`}
        map={map}
        rows={rows}
        columns={columns}
        links={{ sort, baseHref, weergave }}
      />
      <HeatMapColumnList columns={columns} weergave={weergave} />
      <section aria-labelledby="downloads" className="space-y-2">
        <h2 id="downloads" className="text-lg font-semibold">
          Downloaden
        </h2>
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          <li>
            <a href={`${exportBase}.pdf`} className={link}>
              Regionaal overzicht (PDF)
            </a>
          </li>
          <li>
            <a href={`${exportBase}.xlsx`} className={link}>
              Regionaal overzicht (Excel)
            </a>
          </li>
          <li>
            <a href={`${exportBase}.csv`} className={link}>
              Regionaal overzicht (CSV)
            </a>
          </li>
        </ul>
      </section>
      <p>
        <Link href={`/regios/${slug}/meetrondes/${id}/knelpunten`} className={link}>
          Gedeelde tekortkomingen in {meetronde.name}
        </Link>
        {" · "}
        <Link href={`/regios/${slug}/meetrondes/${id}/prognose`} className={link}>
          Prognose {meetronde.name}
        </Link>
      </p>
    </div>
  );
}
