import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommonGapList } from "@/components/regio/CommonGapList";
import { RegioNav } from "@/components/regio/RegioNav";
import { GoedeVoorbeelden } from "@/components/leernetwerk/GoedeVoorbeelden";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { getDocumentsForScans } from "@/lib/documenten/queries";
import { getVoorbeeldenVoorRegio } from "@/lib/leernetwerk/queries";
import { documentDownloadHref } from "@/lib/shared/documenten/documents";
import { commonGaps } from "@/lib/regio/aggregate";
import { getRegioAnalysis } from "@/lib/regio/analysis";
import { parseThreshold } from "@/lib/shared/regio/view";

export const metadata: Metadata = { title: "Gedeelde tekortkomingen" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const link = "text-brand-700 underline underline-offset-4";

export default async function KnelpuntenPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: SearchParams }) {
  const { slug, id } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/regios/${slug}/meetrondes/${id}/knelpunten`);
  const analysis = await getRegioAnalysis(prisma(), actor, { slug, meetrondeId: id });
  if (!analysis?.meetronde || analysis.meetronde.id !== id || !analysis.framework) notFound();
  const { framework, meetronde, regio, scans } = analysis;
  const threshold = parseThreshold(first(query.minimaal), scans.length);
  const gaps = commonGaps(framework, scans, threshold);
  const documents = await getDocumentsForScans(
    prisma(),
    actor,
    scans.flatMap((candidate) => (candidate.scan ? [candidate.scan.id] : [])),
  );
  const voorbeelden = await getVoorbeeldenVoorRegio(prisma(), actor, { slug, meetrondeId: id, onderdeelIds: gaps.map((gap) => gap.onderdeel.id) });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        Gedeelde tekortkomingen {meetronde.name} – regio {regio.name}
      </h1>
      <RegioNav slug={slug} current="meetrondes" />
      <p>
        Onderdelen waarop ten minste het gekozen aantal gemeenten onder hun doelniveau zit, de meest gedeelde eerst (daarna het grootste gemiddelde tekort).
        &ldquo;Weet ik niet&rdquo; telt als 0.
      </p>
      <p>
        Bij elk onderdeel staan de goede voorbeelden uit het leernetwerk: gemeenten van de regio die er in hun ingediende zelfscan 3 op scoren en hebben gekozen
        hun voorbeelden te delen, met hun toelichting en documenten. Gemeenten die 3 scoren maar niet delen worden alleen geteld.
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="minimaal" className="block font-semibold">
            Ten minste hoeveel gemeenten onder het doelniveau?
          </label>
          <input
            id="minimaal"
            name="minimaal"
            type="number"
            min={1}
            max={scans.length}
            defaultValue={threshold}
            className="mt-1 w-24 rounded border border-slate-600 px-3 py-2 text-base"
          />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          Toon
        </button>
      </form>
      <p role="status">
        {gaps.length === 1 ? "1 onderdeel" : `${gaps.length} onderdelen`} waarop ten minste {threshold} {threshold === 1 ? "gemeente" : "gemeenten"} onder het
        doelniveau {threshold === 1 ? "zit" : "zitten"}.
      </p>
      <p className="flex flex-wrap gap-x-5 gap-y-1">
        <span>Downloaden met deze drempel:</span>
        <a href={`/regios/${slug}/meetrondes/${id}/overzicht.pdf?minimaal=${threshold}`} className={link}>
          PDF
        </a>
        <a href={`/regios/${slug}/meetrondes/${id}/overzicht.xlsx?minimaal=${threshold}`} className={link}>
          Excel
        </a>
        <a href={`/regios/${slug}/meetrondes/${id}/overzicht.csv?minimaal=${threshold}`} className={link}>
          CSV
        </a>
      </p>
      <CommonGapList
        gaps={gaps}
        headingLevel={2}
        scanHref={(gemeenteId, onderdeelId) => {
          const scanId = scans.find((candidate) => candidate.gemeente.id === gemeenteId)?.scan?.id;
          return scanId ? `/zelfscans/${scanId}#onderdeel-${onderdeelId}` : undefined;
        }}
        documentsOf={(gemeenteId, onderdeelId) => {
          const scanId = scans.find((candidate) => candidate.gemeente.id === gemeenteId)?.scan?.id ?? "";
          return { documents: documents.get(scanId)?.get(onderdeelId) ?? [], downloadHref: (versieId) => documentDownloadHref(scanId, versieId) };
        }}
        after={(onderdeelId) => {
          const list = voorbeelden?.find((candidate) => candidate.onderdeelId === onderdeelId);
          return list && <GoedeVoorbeelden onderdeelId={onderdeelId} voorbeelden={list.voorbeelden} nietGedeeld={list.nietGedeeld} headingLevel={3} />;
        }}
      />
    </div>
  );
}
