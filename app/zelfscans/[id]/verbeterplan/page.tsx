import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegionaleActiesVoorGemeente } from "@/components/regio/RegionaleActiesVoorGemeente";
import { ActieList, ActieVoortgang } from "@/components/verbeterplan/Acties";
import { ActieForm, type OnderdeelOption } from "@/components/verbeterplan/ActieForm";
import { ProjectieTabel } from "@/components/verbeterplan/Projectie";
import { VoortgangForm } from "@/components/verbeterplan/VoortgangForm";
import { dangerButtonClass, linkClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { canEditGemeente } from "@/lib/access/rules/editable";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { dayInAmsterdam } from "@/lib/shared/dates";
import { regionaleActiesVoorGemeente } from "@/lib/regio/queries";
import { MERGE_CONFLICT_MESSAGE } from "@/lib/verbeterplan/mutations";
import { getVerbeterplan, possibleOwners } from "@/lib/verbeterplan/queries";
import type { TVerbeteractie } from "@/lib/shared/verbeterplan/schema";
import { deleteActieAction, mergeActiesAction, moveActieAction, proposeActiesAction, reportVoortgangAction, saveActieAction } from "./actions";

export const metadata: Metadata = { title: "Verbeterplan" };

const MELDING: Record<string, { text: string; error?: boolean }> = {
  verwijderd: { text: "De actie is verwijderd." },
  verplaatst: { text: "De volgorde is aangepast." },
  samengevoegd: { text: "De acties zijn samengevoegd tot één actie." },
  voorgesteld: { text: "Voor elke tekortkoming zonder actie staat nu een conceptactie klaar. Pas ze aan, voeg ze samen of verwijder ze." },
  "kies-twee": { text: "Kies ten minste twee acties om samen te voegen.", error: true },
  conflict: { text: "Iemand anders heeft het plan intussen gewijzigd. Bekijk de actuele stand en probeer het opnieuw.", error: true },
  "samenvoegen-conflict": { text: MERGE_CONFLICT_MESSAGE, error: true },
  "niet-gevonden": { text: "Die actie bestaat niet (meer), of u heeft er geen toegang toe.", error: true },
  ongeldig: { text: "Dat kon niet: controleer de gekozen acties.", error: true },
};

export default async function VerbeterplanPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ melding?: string }> }) {
  const { id } = await params;
  const { melding } = await searchParams;
  const actor = await requireActor(`/zelfscans/${id}/verbeterplan`);
  const data = await getVerbeterplan(prisma(), actor, id);
  if (!data) notFound();
  const { scan, framework, score, projectie, acties, withoutAction, progress } = data;
  const mayEdit = canEditGemeente(actor, scan.gemeente);
  const [regionaal, owners] = await Promise.all([
    regionaleActiesVoorGemeente(prisma(), actor, scan.gemeenteId),
    mayEdit ? possibleOwners(prisma(), scan.gemeenteId) : Promise.resolve([]),
  ]);
  const today = dayInAmsterdam(new Date());
  const gapIds = new Set(score.gaps.map((gap) => gap.onderdeel.id));
  const onderdelen: OnderdeelOption[] = framework.onderdelen.map((onderdeel) => ({
    id: onderdeel.id,
    label: `${onderdeel.id} ${onderdeel.shortTitle}`,
    gap: gapIds.has(onderdeel.id),
  }));
  const empty: TVerbeteractie = {
    onderdeelIds: [],
    title: "",
    description: "",
    ownerKind: "account",
    ownerId: null,
    ownerName: "",
    ownerRole: "",
    partners: [],
    deadline: null,
    status: "GEPLAND",
    priority: "MIDDEN",
    borging: "",
    doelscore: null,
  };
  const niveaus = framework.scale.levels.map(({ value, label }) => ({ value, label }));
  const notice = melding ? MELDING[melding] : undefined;
  const base = `/zelfscans/${scan.id}`;
  // What an editor can do with each action; the action itself is shown as in the PDF (ActieList).
  const controls = (actie: (typeof acties)[number], index: number) => (
    <div className="flex flex-wrap items-start gap-3 border-t border-slate-300 pt-3">
      <label className="flex items-center gap-2">
        <input type="checkbox" name="acties" value={actie.id} form="samenvoegen" className="h-5 w-5" />
        Kiezen om samen te voegen
      </label>
      {/* The version shown here goes with a merge: a change made since is a conflict, not lost. */}
      <input type="hidden" name={`versie-${actie.id}`} value={actie.version} form="samenvoegen" />
      {index > 0 && (
        <form action={moveActieAction.bind(null, scan.id, actie.id, "up")}>
          <button type="submit" className={secondaryButtonClass} aria-label={`${actie.title} omhoog`}>
            Omhoog
          </button>
        </form>
      )}
      {index < acties.length - 1 && (
        <form action={moveActieAction.bind(null, scan.id, actie.id, "down")}>
          <button type="submit" className={secondaryButtonClass} aria-label={`${actie.title} omlaag`}>
            Omlaag
          </button>
        </form>
      )}
      <details className="w-full" open={actie.ownerId === actor.userId}>
        <summary className="cursor-pointer font-semibold text-brand-800 underline">Voortgang melden</summary>
        <div className="mt-3">
          <VoortgangForm
            idPrefix={`voortgang-${actie.id}`}
            initial={{ status: actie.status, note: "", notedOn: today }}
            today={today}
            action={reportVoortgangAction.bind(null, scan.id, actie.id, actie.version)}
          />
        </div>
      </details>
      <details className="w-full">
        <summary className="cursor-pointer font-semibold text-brand-800 underline">Bewerken</summary>
        <div className="mt-3">
          <ActieForm
            idPrefix={`actie-${actie.id}`}
            initial={{
              onderdeelIds: actie.onderdeelIds,
              title: actie.title,
              description: actie.description,
              ownerKind: actie.ownerId || !actie.ownerName ? "account" : "extern",
              ownerId: actie.ownerId,
              ownerName: actie.ownerName,
              ownerRole: actie.ownerRole,
              partners: actie.partners,
              deadline: actie.deadline ? dayInAmsterdam(actie.deadline) : null,
              status: actie.status,
              priority: actie.priority,
              borging: actie.borging,
              doelscore: actie.doelscore,
            }}
            onderdelen={onderdelen}
            owners={owners}
            niveaus={niveaus}
            submitLabel="Wijzigingen opslaan"
            action={saveActieAction.bind(null, scan.id, actie.id, actie.version)}
          />
        </div>
      </details>
      <details className="w-full">
        <summary className="cursor-pointer font-semibold text-red-800 underline">Verwijderen</summary>
        <form action={deleteActieAction.bind(null, scan.id, actie.id)} className="mt-2 space-y-2">
          <p>Weet u zeker dat u “{actie.title}” wilt verwijderen? Dit kan niet ongedaan worden gemaakt.</p>
          <button type="submit" className={dangerButtonClass}>
            Ja, actie verwijderen
          </button>
        </form>
      </details>
    </div>
  );

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href={base} className={linkClass}>
            Zelfscan {scan.gemeente.name} – {scan.meetronde.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          Verbeterplan {scan.gemeente.name} – {scan.meetronde.name}
        </h1>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={`${base}/rapport`} className={linkClass}>
            Rapport met de tekortkomingen
          </Link>
          <a href={`${base}/verbeterplan.pdf`} className={linkClass} download>
            Verbeterplan downloaden (pdf)
          </a>
          <a href={`${base}/verbeterplan.xlsx`} className={linkClass} download>
            Acties downloaden (Excel)
          </a>
          <a href={`${base}/verbeterplan.csv`} className={linkClass} download>
            Acties downloaden (CSV)
          </a>
        </p>
      </header>

      {notice && (
        <p
          role={notice.error ? "alert" : "status"}
          className={`rounded border-2 p-3 font-semibold ${notice.error ? "border-red-700 bg-red-50 text-red-800" : "border-green-700 bg-green-50"}`}
        >
          {notice.text}
        </p>
      )}

      <section aria-labelledby="voortgang" className="space-y-2">
        <h2 id="voortgang" className="text-xl font-semibold">
          Voortgang
        </h2>
        <ActieVoortgang progress={progress} acties={acties} />
      </section>

      <section aria-labelledby="verwachte-score" className="space-y-2">
        <h2 id="verwachte-score" className="text-xl font-semibold">
          Verwachte score
        </h2>
        <ProjectieTabel score={score} projectie={projectie} acties={acties} />
      </section>

      <section aria-labelledby="zonder-actie" className="space-y-2">
        <h2 id="zonder-actie" className="text-xl font-semibold">
          Tekortkomingen zonder actie
        </h2>
        {withoutAction.length === 0 ? (
          <p>Elke tekortkoming heeft een actie.</p>
        ) : (
          <>
            <ul className="list-disc pl-6">
              {withoutAction.map((gap) => (
                <li key={gap.onderdeel.id}>
                  Onderdeel {gap.onderdeel.id} ({gap.onderdeel.shortTitle}): nog geen actie
                </li>
              ))}
            </ul>
            {mayEdit && (
              <form action={proposeActiesAction.bind(null, scan.id)}>
                <button type="submit" className={secondaryButtonClass}>
                  Conceptacties voorstellen
                </button>
              </form>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="acties" className="space-y-4">
        <h2 id="acties" className="text-xl font-semibold">
          Verbeteracties
        </h2>
        <ActieList acties={acties} niveaus={niveaus} controls={mayEdit ? controls : undefined} />
        {mayEdit && acties.length > 1 && (
          <form id="samenvoegen" action={mergeActiesAction.bind(null, scan.id)}>
            <button type="submit" className={secondaryButtonClass}>
              Gekozen acties samenvoegen
            </button>
          </form>
        )}
      </section>

      {mayEdit && (
        <section aria-labelledby="nieuwe-actie" className="space-y-3 rounded border-2 border-brand-700 p-4">
          <h2 id="nieuwe-actie" className="text-xl font-semibold">
            Nieuwe actie
          </h2>
          <ActieForm
            idPrefix="nieuw"
            initial={empty}
            onderdelen={onderdelen}
            owners={owners}
            niveaus={niveaus}
            submitLabel="Actie toevoegen"
            action={saveActieAction.bind(null, scan.id, null, 0)}
          />
        </section>
      )}

      <RegionaleActiesVoorGemeente gemeente={scan.gemeente.name} acties={regionaal} />
      <p>
        <Link href={base} className={primaryButtonClass}>
          Terug naar de zelfscan
        </Link>
      </p>
    </div>
  );
}
