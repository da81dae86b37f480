import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { ConfirmAction } from "@/components/beheer/ConfirmAction";
import { IdentityProviderForm } from "@/components/beheer/IdentityProviderForm";
import { requireActor } from "@/lib/auth/current";
import { getIdentityProvider } from "@/lib/beheer/identiteitsproviders";
import { organisationTree } from "@/lib/beheer/organisation-tree";
import { prisma } from "@/lib/db/client";
import { plainId } from "@/lib/shared/forms/text";
import { publicOrigin } from "@/lib/http/public-origin";
import { setIdentityProviderActiveAction, updateIdentityProviderAction } from "../actions";

export const metadata: Metadata = { title: "Identiteitsprovider – Beheer" };

export default async function IdentiteitsproviderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ opgeslagen?: string }>;
}) {
  const id = plainId((await params).id);
  const actor = await requireActor(`/beheer/identiteitsproviders/${id}`);
  const provider = await getIdentityProvider(prisma(), actor, id);
  if (!provider) notFound();
  const saved = Boolean((await searchParams).opgeslagen);
  const redirectUri = `${await publicOrigin()}/api/auth/callback/${provider.nextAuthId}`;
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/identiteitsproviders", label: "Identiteitsproviders" }, { label: provider.label }]}
      />
      <h1 className="text-2xl font-bold">{provider.label}</h1>
      {saved && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          De wijzigingen zijn opgeslagen.
        </p>
      )}
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd>{provider.active ? "actief" : "gedeactiveerd: niemand kan hiermee inloggen of koppelen"}</dd>
        <dt className="font-semibold">Redirect-URI voor de provider</dt>
        <dd className="font-mono break-all" data-testid="redirect-uri">
          {redirectUri}
        </dd>
        <dt className="font-semibold">Gekoppelde accounts</dt>
        <dd>{provider.links}</dd>
      </dl>
      <ConfirmAction
        label={provider.active ? "Identiteitsprovider deactiveren" : "Identiteitsprovider activeren"}
        question={
          provider.active
            ? `Wilt u ${provider.label} deactiveren? Niemand kan er dan nog mee inloggen; de koppelingen blijven bewaard.`
            : `Wilt u ${provider.label} weer activeren? Gekoppelde accounts kunnen er dan weer mee inloggen.`
        }
        confirmLabel={provider.active ? "Ja, deactiveren" : "Ja, activeren"}
        danger={provider.active}
        action={setIdentityProviderActiveAction.bind(null, provider.id, !provider.active)}
      />
      <section aria-labelledby="wijzigen-titel" className="space-y-4">
        <h2 id="wijzigen-titel" className="text-xl font-semibold">
          Gegevens wijzigen
        </h2>
        <IdentityProviderForm
          mode="wijzigen"
          action={updateIdentityProviderAction.bind(null, provider.id)}
          organisations={await organisationTree(prisma(), actor)}
          defaults={{
            label: provider.label,
            kind: provider.kind,
            issuer: provider.issuer,
            tenantId: provider.tenantId ?? "",
            clientId: provider.clientId,
            gemeenteIds: provider.gemeenteIds,
            regioIds: provider.regioIds,
            mayBeheerders: provider.mayBeheerders,
          }}
        />
      </section>
    </div>
  );
}
