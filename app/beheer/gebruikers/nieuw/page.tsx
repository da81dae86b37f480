import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { UserCreateForm } from "@/components/beheer/UserCreateForm";
import { isBeheerder } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { mayUseBeheer } from "@/lib/beheer/access";
import { listGemeenteOptions, listRegioOptions } from "@/lib/beheer/organisatie";
import { ROLE_NAMES } from "@/lib/shared/beheer/schemas";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { createUserAction, requestInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Nieuwe gebruiker – Beheer" };

export default async function NieuweGebruikerPage() {
  const actor = await requireActor("/beheer/gebruikers/nieuw");
  if (!mayUseBeheer(actor)) {
    await auditRefusal(prisma(), actor, { type: "Beheer", byRole: true }, "gebruiker aanmaken");
    notFound();
  }
  const beheerder = isBeheerder(actor);
  const [gemeenten, regios] = await Promise.all([listGemeenteOptions(prisma(), actor), listRegioOptions(prisma(), actor)]);
  const title = beheerder ? "Nieuwe gebruiker" : "Beleidsmedewerker uitnodigen";
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/gebruikers", label: "Gebruikers" }, { label: title }]} />
      <h1 className="text-2xl font-bold">{title}</h1>
      {beheerder ? (
        <p className="max-w-prose">
          Na het aanmaken maakt u op de volgende pagina een uitnodigingslink. Die geeft u zelf aan de gebruiker (er wordt geen e-mail verstuurd); daarmee stelt
          de gebruiker een wachtwoord in.
        </p>
      ) : (
        <p className="max-w-prose">
          Uw uitnodiging gaat naar de beheerder. Die geeft de beleidsmedewerker toegang tot de gekozen gemeente en zorgt voor een link om een wachtwoord in te
          stellen. U ziet de stand van zaken bij Gebruikers, onder &quot;Uw uitnodigingen&quot;.
        </p>
      )}
      <UserCreateForm
        action={beheerder ? createUserAction : requestInvitationAction}
        submitLabel={beheerder ? "Gebruiker aanmaken" : "Uitnodiging versturen"}
        errorTitle={beheerder ? "De gebruiker is niet aangemaakt" : "De uitnodiging is niet verstuurd"}
        allowedRoles={beheerder ? ROLE_NAMES : (["BELEIDSMEDEWERKER"] as const)}
        gemeenten={gemeenten}
        regios={regios}
      />
    </div>
  );
}
