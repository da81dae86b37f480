import Link from "next/link";
import { ProgressBar, ScanStatus } from "@/components/zelfscan/ScanStatus";
import { redirect } from "next/navigation";
import { getCurrentSession, MFA_SETUP_PATH, requireActor } from "@/lib/auth/current";
import { getDashboard } from "@/lib/dashboard/queries";
import { prisma } from "@/lib/db/client";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { formatDate } from "@/lib/shared/format";

export default async function HomePage() {
  // Anonymous visitors get the introduction; a session that still lacks its second factor goes to set it up.
  const session = await getCurrentSession();
  if (!session) return <Welcome />;
  if (!session.mfaSatisfied) redirect(MFA_SETUP_PATH);
  const actor = await requireActor();
  const dashboard = await getDashboard(prisma(), actor);
  const nothing = dashboard.gemeenten.length === 0 && dashboard.regios.length === 0 && !dashboard.isBeheerder && !dashboard.isLandelijk;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Mijn overzicht</h1>
      {nothing && <p>Uw account heeft nog geen gemeente of regio. Vraag de beheerder of uw projectleider om toegang.</p>}

      {dashboard.gemeenten.map((gemeente) => (
        <section key={gemeente.slug} aria-labelledby={`gemeente-${gemeente.slug}`} className="space-y-3 rounded border border-slate-300 p-4">
          <h2 id={`gemeente-${gemeente.slug}`} className="text-xl font-semibold">
            Gemeente {gemeente.name}
          </h2>
          {gemeente.openMeetrondes.length === 0 ? (
            <p>Er is op dit moment geen open meetronde in uw regio.</p>
          ) : (
            <ul className="space-y-3">
              {gemeente.openMeetrondes.map((meetronde) => (
                <li key={meetronde.name}>
                  <p>
                    <strong>{meetronde.name}</strong>: invullen vóór {formatDate(meetronde.deadline)}.
                  </p>
                  <p>
                    Status: <ScanStatus scan={meetronde.scan} />
                  </p>
                  {meetronde.scan && meetronde.scan.status !== "INGEDIEND" && (
                    <ProgressBar percentage={meetronde.scan.progress.percentage} label={`Voortgang ${meetronde.name}`} />
                  )}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href={`/gemeenten/${gemeente.slug}`} className="text-brand-700 underline underline-offset-4">
              Naar de zelfscans van {gemeente.name}
            </Link>
          </p>
        </section>
      ))}

      {dashboard.regios.map((regio) => (
        <section key={regio.slug} aria-labelledby={`regio-${regio.slug}`} className="space-y-3 rounded border border-slate-300 p-4">
          <h2 id={`regio-${regio.slug}`} className="text-xl font-semibold">
            Regio {regio.name}
          </h2>
          <ul className="space-y-2">
            {regio.openMeetrondes.map((meetronde) => (
              <li key={meetronde.name}>
                <strong>{meetronde.name}</strong> (deadline {formatDate(meetronde.deadline)}): {meetronde.ingediend} van {regio.gemeenten} gemeenten ingediend,{" "}
                {meetronde.gestart} gestart.
              </li>
            ))}
          </ul>
          <p>
            <Link href={`/regios/${regio.slug}`} className="text-brand-700 underline underline-offset-4">
              Naar het overzicht van regio {regio.name}
            </Link>
          </p>
        </section>
      ))}

      {dashboard.isLandelijk && (
        <section aria-labelledby="landelijk" className="space-y-2 rounded border border-slate-300 p-4">
          <h2 id="landelijk" className="text-xl font-semibold">
            Landelijk programmateam
          </h2>
          <p>Per jaar de spreiding van de scores van alle ingediende zelfscans, landelijk en per regio, zonder gemeenten te noemen.</p>
          <p>
            <Link href="/landelijk" className="text-brand-700 underline underline-offset-4">
              Naar het landelijk overzicht
            </Link>
          </p>
        </section>
      )}

      {dashboard.isBeheerder && (
        <section aria-labelledby="beheer" className="rounded border border-slate-300 p-4">
          <h2 id="beheer" className="text-xl font-semibold">
            Beheer
          </h2>
          <p className="mt-2">
            <Link href="/beheer" className="text-brand-700 underline underline-offset-4">
              Regio&apos;s, gemeenten en gebruikers beheren
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

function Welcome() {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Zelfscan Werken aan Veiligheid</h1>
      <p className="max-w-prose">
        Met deze zelfscan bepaalt uw gemeente hoe goed de lokale (wijk)teams zijn toegerust om huiselijk geweld en kindermishandeling te stoppen. U beoordeelt
        de {framework.onderdelen.length} onderdelen van het kwaliteitskader &ldquo;{framework.title}&rdquo; van de {framework.publisher} en maakt op basis van
        de uitkomst een verbeterplan. Regionaal projectleiders vergelijken de gemeenten in hun regio.
      </p>
      <p className="flex flex-wrap gap-4">
        <Link href="/login" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white no-underline">
          Inloggen
        </Link>
        <Link href="/kwaliteitskader" className="self-center text-brand-700 underline underline-offset-4">
          Lees het kwaliteitskader
        </Link>
      </p>
    </div>
  );
}
