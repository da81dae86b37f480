import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommonGapList } from "@/components/regio/CommonGapList";
import { HeatMapLegend, HeatMapTable } from "@/components/regio/HeatMapTable";
import { Presentatie } from "@/components/regio/Presentatie";
import { GoedeVoorbeelden } from "@/components/leernetwerk/GoedeVoorbeelden";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import type { ActieStatus } from "@/lib/generated/prisma/enums";
import { presentatieSleutel } from "@/lib/leernetwerk/anoniem";
import { anonimiseerPresentatie, anonimiseringVoor, type Presentatie as PresentatieData } from "@/lib/leernetwerk/presentatie";
import { applicationSecret } from "@/lib/auth/secret";
import { getVoorbeeldenVoorRegio } from "@/lib/leernetwerk/queries";
import { commonGaps, heatMap, sortRows } from "@/lib/regio/aggregate";
import { getRegioAnalysis } from "@/lib/regio/analysis";
import { listRegionaleActies } from "@/lib/regio/queries";
import { formatDate } from "@/lib/shared/format";
import { heatMapColumns, parseThreshold, SCORE_BANDS } from "@/lib/shared/regio/view";
import { ACTIE_STATUS_LABEL } from "@/lib/shared/verbeterplan/labels";

export const metadata: Metadata = { title: "Presentatie" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PresentatiePage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: SearchParams }) {
  const { slug, id } = await params;
  const query = await searchParams;
  const anoniem = first(query.anoniem) === "1";
  const actor = await requireActor(`/regios/${slug}/meetrondes/${id}/presentatie`);
  const analysis = await getRegioAnalysis(prisma(), actor, { slug, meetrondeId: id });
  if (!analysis?.meetronde || analysis.meetronde.id !== id || !analysis.framework) notFound();
  const { framework, meetronde, regio, scans } = analysis;
  const threshold = parseThreshold(first(query.minimaal), scans.length);
  const gaps = commonGaps(framework, scans, threshold);
  const voorbeelden = (await getVoorbeeldenVoorRegio(prisma(), actor, { slug, meetrondeId: id, onderdeelIds: gaps.map((gap) => gap.onderdeel.id) })) ?? [];
  const acties = (await listRegionaleActies(prisma(), actor, slug)) ?? [];
  const plain: PresentatieData = {
    rows: sortRows(heatMap(framework, scans).rows, { by: "gemeente" }, "asc"),
    gaps,
    voorbeelden,
    acties: acties.map((actie) => ({
      id: actie.id,
      title: actie.title,
      description: actie.description,
      onderdeelIds: actie.onderdeelIds,
      status: actie.status,
      ownerName: actie.ownerName,
      ownerRole: actie.ownerRole,
      deadline: actie.deadline,
      gemeenten: actie.gemeenten.map((entry) => ({ id: entry.gemeenteId, name: entry.gemeente.name, accent: entry.accent })),
    })),
  };
  const anonimisering = anonimiseringVoor(scans, presentatieSleutel(applicationSecret(), meetronde.id));
  const shown = anoniem ? anonimiseerPresentatie(plain, anonimisering) : plain;
  const map = heatMap(framework, scans);
  const columns = heatMapColumns(framework, "eisen");
  const base = `/regios/${slug}/meetrondes/${id}/presentatie`;
  const title = `Regionale analyse ${meetronde.name} – regio ${regio.name}${anoniem ? " (geanonimiseerd)" : ""}`;

  const slides = [
    {
      id: "heatmap",
      title: "Heatmap: score per eis per gemeente",
      content: (
        <>
          <p>Score per eis (gemiddelde van de beantwoorde onderdelen) op de schaal 0 tot {framework.scale.max}; &ldquo;Weet ik niet&rdquo; telt als 0.</p>
          <HeatMapLegend bands={SCORE_BANDS} />
          <HeatMapTable
            caption={`Score per eis per gemeente, ${meetronde.name}`}
            captionId="presentatie-heatmap"
            map={map}
            rows={shown.rows}
            columns={columns}
          />
        </>
      ),
    },
    {
      id: "knelpunten",
      title: "Gedeelde tekortkomingen",
      content: (
        <>
          <p>
            Onderdelen waarop ten minste {threshold} {threshold === 1 ? "gemeente" : "gemeenten"} onder het doelniveau {threshold === 1 ? "zit" : "zitten"}, de
            meest gedeelde eerst: {shown.gaps.length === 1 ? "1 onderdeel" : `${shown.gaps.length} onderdelen`}.
          </p>
          <CommonGapList gaps={shown.gaps} headingLevel={3} />
        </>
      ),
    },
    {
      id: "voorbeelden",
      title: "Goede voorbeelden uit de regio",
      content: (
        <>
          <p>Per gedeelde tekortkoming: de gemeenten die er 3 op scoren en hun voorbeelden delen. Wie niet deelt, wordt alleen geteld.</p>
          {shown.gaps.length === 0 && <p>Er zijn geen gedeelde tekortkomingen in deze meetronde.</p>}
          {shown.gaps.map((gap) => {
            const list = shown.voorbeelden.find((candidate) => candidate.onderdeelId === gap.onderdeel.id);
            return (
              <div key={gap.onderdeel.id} className="space-y-2">
                <h3 className="text-lg font-semibold">
                  Onderdeel {gap.onderdeel.id}: {gap.onderdeel.shortTitle}
                </h3>
                <GoedeVoorbeelden
                  onderdeelId={gap.onderdeel.id}
                  voorbeelden={list?.voorbeelden ?? []}
                  nietGedeeld={list?.nietGedeeld ?? 0}
                  headingLevel={4}
                  downloads={!anoniem}
                />
              </div>
            );
          })}
        </>
      ),
    },
    {
      id: "plan",
      title: "Regionaal uitvoeringsplan",
      content:
        shown.acties.length === 0 ? (
          <p>Er zijn nog geen regionale acties.</p>
        ) : (
          <div role="region" aria-label="Regionale acties" tabIndex={0} className="max-w-full overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="mb-2 text-left text-lg font-semibold">Regionale acties ({shown.acties.length})</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-2 pr-4">
                    Actie
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Onderdelen
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Eigenaar
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Deadline
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Gemeenten (lokaal accent)
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.acties.map((actie) => (
                  <tr key={actie.id} className="border-b border-slate-300 align-top">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <span className="font-semibold">{actie.title}</span>
                      {actie.description && <span className="block whitespace-pre-line">{actie.description}</span>}
                    </th>
                    <td className="py-2 pr-4">{actie.onderdeelIds.join(", ") || "–"}</td>
                    <td className="py-2 pr-4">{[actie.ownerName, actie.ownerRole].filter(Boolean).join(", ") || "–"}</td>
                    <td className="py-2 pr-4">{ACTIE_STATUS_LABEL[actie.status as ActieStatus]}</td>
                    <td className="py-2 pr-4">{actie.deadline ? formatDate(actie.deadline) : "–"}</td>
                    <td className="py-2 pr-4">
                      {actie.gemeenten.length === 0 ? (
                        "–"
                      ) : (
                        <ul>
                          {actie.gemeenten.map((entry) => (
                            <li key={entry.id}>
                              {entry.name}
                              {entry.accent ? `: ${entry.accent}` : ""}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
    },
  ];

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="flex flex-wrap gap-x-5 gap-y-1">
        <Link href={`/regios/${slug}/meetrondes`} className={linkClass}>
          Terug naar de meetrondes
        </Link>
        {anoniem ? (
          <Link href={base} className={linkClass}>
            Presentatie met namen
          </Link>
        ) : (
          <Link href={`${base}?anoniem=1`} className={linkClass}>
            Geanonimiseerde presentatie (gemeenten als A, B, C)
          </Link>
        )}
      </p>
      {anoniem && (
        <p className="max-w-prose">
          Geanonimiseerd: elke gemeente heet hier Gemeente A, B, C…, ook in toelichtingen, documenttitels en het regionale plan. De letters volgen niet het
          alfabet van de namen. Documenten zijn in deze weergave niet te downloaden.
        </p>
      )}
      <Presentatie title={title} slides={slides} />
    </div>
  );
}
