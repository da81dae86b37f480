import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormActionButton } from "@/components/regio/FormActionButton";
import { RegionaleActieForm } from "@/components/regio/RegionaleActieForm";
import { RegioNav } from "@/components/regio/RegioNav";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { dayInAmsterdam } from "@/lib/shared/dates";
import { formatDate } from "@/lib/shared/format";
import { getVerbeterplanVoortgang, listRegionaleActies } from "@/lib/regio/queries";
import { createRegionaleActieAction, deleteRegionaleActieAction, updateRegionaleActieAction } from "../actions";
import { ACTIE_STATUS, ACTIE_STATUS_LABEL, ACTIE_STATUS_VALUES } from "@/lib/shared/verbeterplan/labels";

export const metadata: Metadata = { title: "Regionaal uitvoeringsplan" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const link = "text-brand-700 underline underline-offset-4";

export default async function RegioPlanPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const { slug } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/regios/${slug}/plan`);
  const voortgang = await getVerbeterplanVoortgang(prisma(), actor, { slug, meetrondeId: first(query.ronde) });
  if (!voortgang) notFound();
  const acties = (await listRegionaleActies(prisma(), actor, slug)) ?? [];
  const framework = getFramework(voortgang.meetrondes[0]?.frameworkVersion ?? CURRENT_FRAMEWORK_VERSION);
  const requirements = framework.requirements.map((requirement) => ({
    number: requirement.number,
    shortTitle: requirement.shortTitle,
    onderdelen: requirement.onderdelen.map((onderdeel) => ({ id: onderdeel.id, shortTitle: onderdeel.shortTitle })),
  }));
  const gemeenten = voortgang.gemeenten.map((gemeente) => ({ id: gemeente.id, name: gemeente.name }));
  const editing = acties.find((actie) => actie.id === first(query.bewerk));
  const onderdeelLabel = (id: string) => {
    const onderdeel = framework.onderdelen.find((candidate) => candidate.id === id);
    return onderdeel ? `${onderdeel.id} ${onderdeel.shortTitle}` : id;
  };

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Regionaal uitvoeringsplan {voortgang.regio.name}</h1>
      <RegioNav slug={slug} current="plan" />

      <section aria-labelledby="acties" className="space-y-4">
        <h2 id="acties" className="text-xl font-semibold">
          Regionale acties ({acties.length})
        </h2>
        {acties.length === 0 && <p>Er zijn nog geen regionale acties.</p>}
        <ol className="space-y-4">
          {acties.map((actie) => (
            <li key={actie.id} id={`actie-${actie.id}`} className="space-y-2 rounded border border-slate-400 p-4" data-actie={actie.title}>
              <h3 className="text-lg font-semibold">{actie.title}</h3>
              {actie.description && <p className="whitespace-pre-line">{actie.description}</p>}
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">Onderdelen</dt>
                <dd>{actie.onderdeelIds.map(onderdeelLabel).join("; ")}</dd>
                <dt className="font-semibold">Eigenaar</dt>
                <dd>{[actie.ownerName, actie.ownerRole].filter(Boolean).join(", ") || "Nog niet bepaald"}</dd>
                <dt className="font-semibold">Deadline</dt>
                <dd>{actie.deadline ? formatDate(actie.deadline) : "Geen"}</dd>
                <dt className="font-semibold">Status</dt>
                <dd>{ACTIE_STATUS_LABEL[actie.status]}</dd>
              </dl>
              <div>
                <p className="font-semibold">Gemeenten en lokale accenten</p>
                <ul className="list-disc pl-5" aria-label={`Gemeenten van ${actie.title}`}>
                  {actie.gemeenten.map((entry) => (
                    <li key={entry.gemeenteId}>
                      {entry.gemeente.name}
                      {entry.accent ? `: ${entry.accent}` : ""}
                    </li>
                  ))}
                </ul>
              </div>
              <div className="flex flex-wrap items-center gap-4">
                <Link href={`/regios/${slug}/plan?bewerk=${actie.id}#bewerken`} className={link}>
                  {actie.title} bewerken
                </Link>
                <FormActionButton
                  action={deleteRegionaleActieAction}
                  fields={{ actieId: actie.id }}
                  label={`${actie.title} verwijderen`}
                  pendingLabel="Bezig met verwijderen…"
                  doneMessage="De actie is verwijderd."
                  variant="danger"
                  confirmQuestion="Weet u zeker dat u deze actie voor alle gemeenten wilt verwijderen?"
                />
              </div>
            </li>
          ))}
        </ol>
      </section>

      {editing && (
        <section id="bewerken" aria-labelledby="bewerken-titel" className="space-y-3 border-t border-slate-300 pt-6">
          <h2 id="bewerken-titel" className="text-xl font-semibold">
            Actie bewerken: {editing.title}
          </h2>
          <RegionaleActieForm
            key={`${editing.id}-${editing.version}`}
            idPrefix="bewerk"
            regioSlug={slug}
            save={updateRegionaleActieAction.bind(null, editing.id, editing.version)}
            gemeenten={gemeenten}
            requirements={requirements}
            existing={{
              id: editing.id,
              version: editing.version,
              values: {
                onderdeelIds: editing.onderdeelIds,
                title: editing.title,
                description: editing.description,
                ownerName: editing.ownerName,
                ownerRole: editing.ownerRole,
                deadline: editing.deadline ? dayInAmsterdam(editing.deadline) : null,
                status: editing.status,
                gemeenten: editing.gemeenten.map((entry) => ({ gemeenteId: entry.gemeenteId, accent: entry.accent })),
              },
            }}
          />
          <p>
            <Link href={`/regios/${slug}/plan`} className={link}>
              Bewerken annuleren
            </Link>
          </p>
        </section>
      )}

      <section aria-labelledby="nieuwe-actie" className="space-y-3 border-t border-slate-300 pt-6">
        <h2 id="nieuwe-actie" className="text-xl font-semibold">
          Nieuwe regionale actie
        </h2>
        <RegionaleActieForm
          idPrefix="nieuw"
          regioSlug={slug}
          save={createRegionaleActieAction.bind(null, slug)}
          gemeenten={gemeenten}
          requirements={requirements}
        />
      </section>

      <section aria-labelledby="voortgang" className="space-y-3 border-t border-slate-300 pt-6">
        <h2 id="voortgang" className="text-xl font-semibold">
          Voortgang van de lokale verbeterplannen
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="ronde" className="block font-semibold">
              Meetronde
            </label>
            <select id="ronde" name="ronde" defaultValue={voortgang.meetronde?.id} className="mt-1 rounded border border-slate-600 px-3 py-2 text-base">
              {voortgang.meetrondes.map((meetronde) => (
                <option key={meetronde.id} value={meetronde.id}>
                  {meetronde.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
            Toon voortgang
          </button>
        </form>
        <div role="region" aria-labelledby="voortgang-titel" tabIndex={0} className="relative max-w-full overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption id="voortgang-titel" className="mb-2 text-left font-semibold">
              Aantal verbeteracties per status per gemeente{voortgang.meetronde ? `, ${voortgang.meetronde.name}` : ""}
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-2 pr-3">
                  Gemeente
                </th>
                {ACTIE_STATUS.map(({ value, label }) => (
                  <th key={value} scope="col" className="py-2 pr-3 text-right">
                    {label}
                  </th>
                ))}
                <th scope="col" className="py-2 pr-3 text-right">
                  Totaal
                </th>
              </tr>
            </thead>
            <tbody>
              {voortgang.rijen.map((rij) => (
                <tr key={rij.gemeente.slug} className="border-b border-slate-300">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {rij.scanId ? (
                      <Link href={`/zelfscans/${rij.scanId}`} className={link}>
                        {rij.gemeente.name}
                      </Link>
                    ) : (
                      `${rij.gemeente.name} (geen zelfscan)`
                    )}
                  </th>
                  {ACTIE_STATUS_VALUES.map((status) => (
                    <td key={status} className="py-2 pr-3 text-right">
                      {rij.counts[status]}
                    </td>
                  ))}
                  <td className="py-2 pr-3 text-right font-semibold">{rij.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
