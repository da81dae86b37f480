import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { UserFilterForm } from "@/components/beheer/FilterForms";
import { primaryButtonClass } from "@/components/ui/styles";
import { UserTable } from "@/components/beheer/tables";
import { isBeheerder } from "@/lib/access/actor";
import { requireActor } from "@/lib/auth/current";
import { listUsers } from "@/lib/beheer/gebruikers";
import { listGemeenteOptions } from "@/lib/beheer/organisatie";
import { ZUserFilterSchema } from "@/lib/beheer/schemas";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Gebruikers – Beheer" };

export default async function GebruikersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("/beheer/gebruikers");
  const filter = ZUserFilterSchema.parse(await searchParams);
  const users = await listUsers(prisma(), actor, filter);
  if (!users) notFound();
  const beheerder = isBeheerder(actor);
  const gemeenten = await listGemeenteOptions(prisma(), actor);
  const filtered = Boolean(filter.zoek || filter.gemeente || filter.rol || filter.status);
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Gebruikers" }]} />
      <h1 className="text-2xl font-bold">Gebruikers</h1>
      {!beheerder && <p className="max-w-prose">U ziet de gebruikers met een rol als beleidsmedewerker in een gemeente van uw regio.</p>}
      <p>
        <Link href="/beheer/gebruikers/nieuw" className={primaryButtonClass}>
          {beheerder ? "Nieuwe gebruiker" : "Beleidsmedewerker uitnodigen"}
        </Link>
      </p>
      <UserFilterForm filter={filter} gemeenten={gemeenten} showRoleAndGemeente={beheerder} />
      {users.length === 0 ? (
        <p role="status">{filtered ? "Geen gebruikers gevonden met deze filters." : "Er zijn nog geen gebruikers."}</p>
      ) : (
        <UserTable users={users} caption={`${filtered ? "Gevonden gebruikers" : "Gebruikers"} (${users.length})`} />
      )}
    </div>
  );
}
