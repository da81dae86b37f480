import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { captionClass, linkClass, primaryButtonClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { IDENTITY_PROVIDER_KIND_LABEL } from "@/lib/shared/beheer/identity-provider-schema";
import { listIdentityProviders } from "@/lib/beheer/identiteitsproviders";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Identiteitsproviders – Beheer" };

export default async function IdentiteitsprovidersPage() {
  const actor = await requireActor("/beheer/identiteitsproviders");
  const providers = await listIdentityProviders(prisma(), actor);
  if (!providers) notFound();
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Identiteitsproviders" }]} />
      <h1 className="text-2xl font-bold">Identiteitsproviders</h1>
      <p className="max-w-prose">
        Via een identiteitsprovider (het Entra ID van een gemeente of een andere OpenID Connect-provider) loggen medewerkers in met het account van hun
        organisatie. Een provider meldt alleen accounts aan die de gebruiker zelf heeft gekoppeld en waarvan elke rol binnen de gemeenten en regio&apos;s van
        die provider valt.
      </p>
      <p>
        <Link href="/beheer/identiteitsproviders/nieuw" className={primaryButtonClass}>
          Nieuwe identiteitsprovider
        </Link>
      </p>
      {providers.length === 0 ? (
        <p>Er zijn nog geen identiteitsproviders.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <caption className={captionClass}>Alle identiteitsproviders</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={thClass}>
                  Inlogknop
                </th>
                <th scope="col" className={thClass}>
                  Soort
                </th>
                <th scope="col" className={thClass}>
                  Organisaties
                </th>
                <th scope="col" className={thClass}>
                  Koppelingen
                </th>
                <th scope="col" className={thClass}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {providers.map((provider) => (
                <tr key={provider.id} className="border-b border-slate-200">
                  <th scope="row" className={tdClass}>
                    <Link href={`/beheer/identiteitsproviders/${provider.id}`} className={linkClass}>
                      {provider.label}
                    </Link>
                  </th>
                  <td className={tdClass}>{IDENTITY_PROVIDER_KIND_LABEL[provider.kind]}</td>
                  <td className={tdClass}>
                    {provider.regios} regio&apos;s, {provider.gemeenten} gemeenten{provider.mayBeheerders ? ", beheerders" : ""}
                  </td>
                  <td className={tdClass}>{provider.links}</td>
                  <td className={tdClass}>{provider.active ? "actief" : "gedeactiveerd"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
