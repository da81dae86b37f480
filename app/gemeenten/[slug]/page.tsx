import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar, ScanStatus } from "@/components/zelfscan/ScanStatus";
import { isEditable } from "@/lib/access/rules/editable";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDate } from "@/lib/shared/format";
import { getGemeenteOntwikkeling, getGemeenteOverview } from "@/lib/gemeente/queries";
import { regionaleActiesVoorGemeente } from "@/lib/regio/queries";
import { MEETRONDE_STATUS_LABEL } from "@/lib/shared/zelfscan/status";
import { RegionaleActiesVoorGemeente } from "@/components/regio/RegionaleActiesVoorGemeente";
import { Ontwikkeling } from "@/components/gemeente/Ontwikkeling";
import { primaryButtonClass } from "@/components/ui/styles";
import { VoorbeeldenDelenForm } from "@/components/leernetwerk/VoorbeeldenDelenForm";
import { setVoorbeeldenDelenAction, startZelfscanAction } from "./actions";

export const metadata: Metadata = { title: "Gemeente" };

export default async function GemeentePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ melding?: string; delen?: string }>;
}) {
  const { slug } = await params;
  const { melding, delen: saved } = await searchParams;
  const actor = await requireActor(`/gemeenten/${slug}`);
  const overview = await getGemeenteOverview(prisma(), actor, slug);
  if (!overview) notFound();
  const { gemeente, meetrondes, mayEdit, delen } = overview;
  const hasEarlierScan = meetrondes.some((meetronde) => meetronde.scan);
  const openMeetrondes = meetrondes.filter((meetronde) => meetronde.status === "OPEN");
  const [regionaleActies, ontwikkeling] = await Promise.all([
    regionaleActiesVoorGemeente(prisma(), actor, gemeente.id),
    getGemeenteOntwikkeling(prisma(), actor, gemeente.slug),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Gemeente {gemeente.name}</h1>
      <p>Regio {gemeente.regio.name}</p>
      <nav aria-label={`Gemeente ${gemeente.name}`}>
        <Link href={`/gemeenten/${gemeente.slug}/team`} className="text-brand-700 underline underline-offset-4">
          Team van {gemeente.name}: beleidsmedewerkers en coördinator
        </Link>
        {mayEdit && (
          <>
            {" · "}
            <Link href={`/gemeenten/${gemeente.slug}/documenten`} className="text-brand-700 underline underline-offset-4">
              Documenten van {gemeente.name}
            </Link>
          </>
        )}
      </nav>
      {melding && (
        <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-800">
          {melding === "gesloten"
            ? "Deze meetronde is niet open; u kunt er geen zelfscan in starten."
            : melding === "delen-geweigerd"
              ? "Uw keuze over het delen van goede voorbeelden is niet opgeslagen: alleen de coördinator van de gemeente (zonder coördinator: elke beleidsmedewerker) kan die wijzigen."
              : "Deze zelfscan kon niet worden gestart."}
        </p>
      )}
      {openMeetrondes.map((meetronde) => (
        <div key={meetronde.id} className="space-y-3 rounded border-2 border-brand-700 bg-brand-50 p-3">
          <p>
            Open meetronde van regio {gemeente.regio.name}: <strong>{meetronde.name}</strong>, deadline <strong>{formatDate(meetronde.deadline)}</strong>.
          </p>
          {mayEdit && !meetronde.scan && (
            <form action={startZelfscanAction.bind(null, gemeente.slug, gemeente.id, meetronde.id)} className="space-y-2">
              {hasEarlierScan && (
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="overnemen" value="ja" className="mt-1 h-5 w-5" />
                  <span>Antwoorden van de vorige meting overnemen (u bevestigt ze daarna per onderdeel)</span>
                </label>
              )}
              <button type="submit" className={primaryButtonClass}>
                Zelfscan {meetronde.name} starten
              </button>
            </form>
          )}
          {mayEdit && meetronde.scan && isEditable({ status: meetronde.scan.status, meetrondeStatus: meetronde.status }) && (
            <p>
              <Link href={`/zelfscans/${meetronde.scan.id}`} className={primaryButtonClass}>
                Verder met de zelfscan {meetronde.name}
              </Link>
            </p>
          )}
        </div>
      ))}
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">Meetrondes en zelfscans</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className="py-2 pr-4">
              Meetronde
            </th>
            <th scope="col" className="py-2 pr-4">
              Deadline
            </th>
            <th scope="col" className="py-2 pr-4">
              Zelfscan
            </th>
          </tr>
        </thead>
        <tbody>
          {meetrondes.map((meetronde) => (
            <tr key={meetronde.id} className="border-b border-slate-300 align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                {meetronde.name} <span className="text-sm">({MEETRONDE_STATUS_LABEL[meetronde.status]})</span>
              </th>
              <td className="py-2 pr-4">{formatDate(meetronde.deadline)}</td>
              <td className="py-2 pr-4">
                <ScanStatus scan={meetronde.scan} />
                {meetronde.scan && meetronde.scan.status !== "INGEDIEND" && (
                  <ProgressBar percentage={meetronde.scan.progress.percentage} label={`Voortgang ${meetronde.name}`} />
                )}
                {meetronde.scan && (
                  <p>
                    <Link href={`/zelfscans/${meetronde.scan.id}`} className="text-brand-700 underline underline-offset-4">
                      Zelfscan {meetronde.name} bekijken
                    </Link>
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ontwikkeling && <Ontwikkeling gemeente={gemeente.name} ontwikkeling={ontwikkeling} />}
      <RegionaleActiesVoorGemeente gemeente={gemeente.name} acties={regionaleActies} />
      <VoorbeeldenDelenForm
        gemeente={gemeente.name}
        deelt={delen.deelt}
        saved={saved === "aan" || saved === "uit" ? saved : undefined}
        {...(delen.mayChange ? { action: setVoorbeeldenDelenAction.bind(null, gemeente.slug, gemeente.id) } : {})}
      />
    </div>
  );
}
