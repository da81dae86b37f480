import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { UserCreateForm } from "@/components/beheer/UserCreateForm";
import { isBeheerder } from "@/lib/access/actor";
import { mayUseBeheer, refuse } from "@/lib/beheer/access";
import { listGemeenteOptions, listRegioOptions } from "@/lib/beheer/organisatie";
import { ROLE_NAMES } from "@/lib/beheer/schemas";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "Nieuwe gebruiker – Beheer" };

export default async function NieuweGebruikerPage() {
  const actor = await requireActor("/beheer/gebruikers/nieuw");
  if (!mayUseBeheer(actor)) {
    await refuse(prisma(), actor, "gebruiker aanmaken");
    notFound();
  }
  const beheerder = isBeheerder(actor);
  const [gemeenten, regios] = await Promise.all([listGemeenteOptions(prisma(), actor), listRegioOptions(prisma(), actor)]);
  const title = beheerder ? "Nieuwe gebruiker" : "Beleidsmedewerker uitnodigen";
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/gebruikers", label: "Gebruikers" }, { label: title }]} />
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="max-w-prose">
        Na het aanmaken maakt u op de volgende pagina een uitnodigingslink. Die geeft u zelf aan de gebruiker (er wordt geen e-mail
        verstuurd); daarmee stelt de gebruiker een wachtwoord in.
      </p>
      <UserCreateForm
        action={createUserAction}
        allowedRoles={beheerder ? ROLE_NAMES : (["BELEIDSMEDEWERKER"] as const)}
        gemeenten={gemeenten}
        regios={regios}
      />
    </div>
  );
}
