import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { IdentityProviderForm } from "@/components/beheer/IdentityProviderForm";
import { isBeheerder } from "@/lib/access/grants";
import { requireActor } from "@/lib/auth/current";
import { auditRefusal } from "@/lib/access/refusal";
import { organisationTree } from "@/lib/beheer/organisation-tree";
import { prisma } from "@/lib/db/client";
import { createIdentityProviderAction } from "../actions";

export const metadata: Metadata = { title: "Nieuwe identiteitsprovider – Beheer" };

export default async function NieuweIdentiteitsproviderPage() {
  const actor = await requireActor("/beheer/identiteitsproviders/nieuw");
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma(), actor, { type: "Beheer", byRole: true }, "identiteitsprovider aanmaken");
    notFound();
  }
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { href: "/beheer", label: "Beheer" },
          { href: "/beheer/identiteitsproviders", label: "Identiteitsproviders" },
          { label: "Nieuwe identiteitsprovider" },
        ]}
      />
      <h1 className="text-2xl font-bold">Nieuwe identiteitsprovider</h1>
      <p className="max-w-prose">
        Registreer deze applicatie eerst bij de provider als vertrouwelijke client met de autorisatiecode-flow. Het adres waarnaar de provider terugstuurt
        (redirect-URI) ziet u na het opslaan.
      </p>
      <IdentityProviderForm mode="nieuw" action={createIdentityProviderAction} organisations={await organisationTree(prisma(), actor)} />
    </div>
  );
}
