import type { Metadata } from "next";
import { ConfirmAction } from "@/components/beheer/ConfirmAction";
import { LinkProviderButton } from "@/components/auth/LinkProviderButton";
import { tableClass, tdClass, thClass, captionClass } from "@/components/ui/styles";
import { getCurrentSession, requireActor } from "@/lib/auth/current";
import { loginErrorMessage } from "@/lib/shared/auth/login-messages";
import { linkableProviders, listOwnIdentityLinks } from "@/lib/auth/oidc";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { removeLinkAction, startLinkAction } from "./actions";

export const metadata: Metadata = { title: "Koppelingen", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type SearchParams = Promise<{ gekoppeld?: string; fout?: string }>;

export default async function KoppelingenPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/account/koppelingen");
  const session = await getCurrentSession();
  const params = await searchParams;
  const [links, providers] = await Promise.all([listOwnIdentityLinks(prisma(), actor), linkableProviders(prisma(), actor.userId)]);
  const mayLink = session?.method === "password";
  const error = typeof params.fout === "string" ? loginErrorMessage(`koppeling-${params.fout.slice(0, 40)}`) : null;

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Koppelingen met uw organisatie</h1>
      <p>
        Met een koppeling logt u in via de identiteitsprovider van uw organisatie (bijvoorbeeld het Entra ID van uw gemeente) in plaats van met uw wachtwoord.
        Alleen een identiteit die u hier zelf heeft gekoppeld, geeft toegang tot uw account.
      </p>
      {params.gekoppeld && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          De koppeling is gemaakt. U kunt voortaan inloggen via uw organisatie.
        </p>
      )}
      {error && (
        <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-4">
          <h2 className="font-semibold text-red-800">Er is niets gekoppeld</h2>
          <p>{error}</p>
        </div>
      )}

      {links.length === 0 ? (
        <p>U heeft nog geen koppelingen.</p>
      ) : (
        <table className={tableClass}>
          <caption className={captionClass}>Uw koppelingen</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className={thClass}>
                Organisatie
              </th>
              <th scope="col" className={thClass}>
                Gekoppeld op
              </th>
              <th scope="col" className={thClass}>
                Laatst gebruikt
              </th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={link.id} className="border-b border-slate-200">
                <th scope="row" className={`${tdClass} font-semibold`}>
                  {link.providerLabel}
                </th>
                <td className={tdClass}>{formatDateTime(link.createdAt)}</td>
                <td className={tdClass}>{link.lastUsedAt ? formatDateTime(link.lastUsedAt) : "nog niet"}</td>
                <td className={tdClass}>
                  <ConfirmAction
                    label="Koppeling verwijderen"
                    question={`Wilt u de koppeling met ${link.providerLabel} verwijderen? Daarna kunt u daarmee niet meer inloggen.`}
                    confirmLabel="Ja, koppeling verwijderen"
                    danger
                    action={removeLinkAction.bind(null, link.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="nieuw-titel" className="space-y-3">
        <h2 id="nieuw-titel" className="text-xl font-semibold">
          Nieuwe koppeling
        </h2>
        {providers.length === 0 ? (
          <p>Er is geen (andere) organisatie waarmee u uw account kunt koppelen.</p>
        ) : !mayLink ? (
          <p>Om een nieuwe koppeling te maken, logt u eerst uit en weer in met uw e-mailadres en wachtwoord.</p>
        ) : (
          <>
            <p>U gaat naar de inlogpagina van uw organisatie. Log daar in; daarna komt u hier terug.</p>
            <ul className="space-y-3">
              {providers.map((provider) => (
                <li key={provider.id}>
                  <LinkProviderButton label={provider.label} callbackUrl="/account/koppelingen" start={startLinkAction.bind(null, provider.id)} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
