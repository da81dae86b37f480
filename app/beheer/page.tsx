import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { getBeheerOverview } from "@/lib/beheer/organisatie";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Beheer" };

export default async function BeheerPage() {
  const actor = await requireActor("/beheer");
  const overview = await getBeheerOverview(prisma(), actor);
  if (!overview) notFound();

  if (overview.kind === "projectleider") {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Beheer</h1>
        <p className="max-w-prose">
          Als regionaal projectleider van {overview.regios.join(" en ")} nodigt u beleidsmedewerkers uit voor de gemeenten in uw regio. De beheerder handelt uw
          uitnodigingen af en zorgt voor de link om een wachtwoord in te stellen; een vergeten wachtwoord herstelt de beheerder.
        </p>
        <ul className="space-y-2">
          <li>
            <Link href="/beheer/gebruikers" className={linkClass}>
              Gebruikers in uw regio
            </Link>{" "}
            ({overview.gebruikers})
          </li>
          <li>
            <Link href="/beheer/gebruikers/nieuw" className={linkClass}>
              Beleidsmedewerker uitnodigen
            </Link>
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Beheer</h1>
      <p className="max-w-prose">
        Als beheerder maakt u regio&apos;s, gemeenten en gebruikers aan, kent u rollen toe en leest u het auditlog. De inhoud van zelfscans ziet u alleen als u
        daarvoor ook een rol in een gemeente of regio heeft.
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/regios" className={linkClass}>
              Regio&apos;s
            </Link>
          </h2>
          <p>{overview.regios} regio&apos;s</p>
        </li>
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/gemeenten" className={linkClass}>
              Gemeenten
            </Link>
          </h2>
          <p>{overview.gemeenten} gemeenten</p>
        </li>
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/gebruikers" className={linkClass}>
              Gebruikers
            </Link>
          </h2>
          <p>
            {overview.gebruikers} gebruikers, waarvan {overview.gedeactiveerd} gedeactiveerd
          </p>
        </li>
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/uitnodigingen" className={linkClass}>
              Uitnodigingen van projectleiders
            </Link>
          </h2>
          <p>{overview.openUitnodigingen === 1 ? "1 open uitnodiging" : `${overview.openUitnodigingen} open uitnodigingen`}</p>
        </li>
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/audit" className={linkClass}>
              Auditlog
            </Link>
          </h2>
          <p>Inloggen, geweigerde toegang, rollen, uitnodigingen en deactiveringen</p>
        </li>
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/berichten" className={linkClass}>
              Berichten
            </Link>
          </h2>
          <p>De e-mail die de applicatie verstuurt: wat wacht, wat is verzonden en wat mislukte</p>
        </li>
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/identiteitsproviders" className={linkClass}>
              Identiteitsproviders
            </Link>
          </h2>
          <p>Inloggen via het Entra ID of een andere OpenID Connect-provider van gemeenten</p>
        </li>
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-lg font-semibold">
            <Link href="/beheer/kaderversies" className={linkClass}>
              Versies van het kwaliteitskader
            </Link>
          </h2>
          <p>Een nieuwe VNG-versie laden; bestaande zelfscans houden hun versie</p>
        </li>
      </ul>
    </div>
  );
}
