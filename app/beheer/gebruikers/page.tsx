import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { UserFilterForm } from "@/components/beheer/FilterForms";
import { primaryButtonClass } from "@/components/ui/styles";
import { InvitationTable, UserTable } from "@/components/beheer/tables";
import { isBeheerder } from "@/lib/access/grants";
import { requireActor } from "@/lib/auth/current";
import { listUsers } from "@/lib/beheer/gebruikers";
import { listOwnInvitations } from "@/lib/beheer/uitnodigingen";
import { listGemeenteOptions } from "@/lib/beheer/organisatie";
import { ZUserFilterSchema } from "@/lib/shared/beheer/schemas";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Gebruikers – Beheer" };

export default async function GebruikersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/beheer/gebruikers");
  const filter = ZUserFilterSchema.parse(await searchParams);
  const users = await listUsers(prisma(), actor, filter);
  if (!users) notFound();
  const beheerder = isBeheerder(actor);
  const gemeenten = await listGemeenteOptions(prisma(), actor);
  const invitations = beheerder ? [] : await listOwnInvitations(prisma(), actor);
  const params = await searchParams;
  const filtered = Boolean(filter.zoek || filter.gemeente || filter.rol || filter.status);
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Gebruikers" }]} />
      <h1 className="text-2xl font-bold">Gebruikers</h1>
      {!beheerder && params.uitnodiging && (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3">
          Uw uitnodiging is doorgegeven aan de beheerder. Na goedkeuring krijgt de beleidsmedewerker toegang; zodra het account actief is in uw regio, staat het
          in de lijst met gebruikers.
        </p>
      )}
      {!beheerder && (
        <p className="max-w-prose">
          U ziet de actieve gebruikers met een rol als beleidsmedewerker in een gemeente van uw regio. Uw uitnodigingen staan onderaan.
        </p>
      )}
      <p>
        <Link href="/beheer/gebruikers/nieuw" className={primaryButtonClass}>
          {beheerder ? "Nieuwe gebruiker" : "Beleidsmedewerker uitnodigen"}
        </Link>
      </p>
      <UserFilterForm filter={filter} gemeenten={gemeenten} showRoleAndGemeente={beheerder} />
      {users.length === 0 ? (
        <p role="status">{filtered ? "Geen gebruikers gevonden met deze filters." : "Er zijn nog geen gebruikers."}</p>
      ) : (
        <UserTable users={users} caption={`${filtered ? "Gevonden gebruikers" : "Gebruikers"} (${users.length})`} showLastLogin={beheerder} />
      )}
      {!beheerder && (
        <section aria-labelledby="uitnodigingen" className="space-y-3">
          <h2 id="uitnodigingen" className="text-xl font-semibold">
            Uw uitnodigingen
          </h2>
          <p className="max-w-prose">
            De beheerder handelt elke uitnodiging af en zorgt dat de beleidsmedewerker een link krijgt om een wachtwoord in te stellen. Is een uitnodiging niet
            gebruikt, nodig dan opnieuw uit.
          </p>
          {invitations.length === 0 ? (
            <p>U heeft nog niemand uitgenodigd.</p>
          ) : (
            <InvitationTable invitations={invitations} caption={`Uw uitnodigingen (${invitations.length})`} />
          )}
        </section>
      )}
    </div>
  );
}
