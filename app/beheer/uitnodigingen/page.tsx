import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { ConfirmAction } from "@/components/beheer/ConfirmAction";
import { ScrollTable } from "@/components/beheer/ScrollTable";
import { captionClass, linkClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { listInvitationsAwaitingLink, listOpenInvitations } from "@/lib/beheer/uitnodigingen";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { decideInvitationAction } from "../gebruikers/actions";

export const metadata: Metadata = { title: "Uitnodigingen – Beheer" };

export default async function UitnodigingenPage() {
  const actor = await requireActor("/beheer/uitnodigingen");
  const open = await listOpenInvitations(prisma(), actor);
  if (!open) notFound();
  const awaiting = await listInvitationsAwaitingLink(prisma(), actor);
  return (
    <div className="space-y-8">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Uitnodigingen" }]} />
      <h1 className="text-2xl font-bold">Uitnodigingen van projectleiders</h1>
      <p className="max-w-prose">
        Een projectleider ziet niet of een e-mailadres al een account heeft. U wel: keurt u een uitnodiging voor een nieuw adres goed, dan wordt het account
        aangemaakt en verstuurt u daarna op de pagina van het account de uitnodiging, die de beleidsmedewerker per e-mail krijgt. Heeft het adres al een
        account, dan krijgt dat account de rol erbij. De projectleider ziet in beide gevallen alleen &quot;goedgekeurd&quot; of &quot;afgewezen&quot;.
      </p>

      <section aria-labelledby="open-titel" className="space-y-3">
        <h2 id="open-titel" className="text-xl font-semibold">
          Open uitnodigingen ({open.length})
        </h2>
        {open.length === 0 ? (
          <p role="status">Er zijn geen open uitnodigingen.</p>
        ) : (
          <ScrollTable label="Open uitnodigingen">
            <table className={tableClass}>
              <caption className={captionClass}>Open uitnodigingen, oudste eerst</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className={thClass}>
                    E-mailadres
                  </th>
                  <th scope="col" className={thClass}>
                    Naam
                  </th>
                  <th scope="col" className={thClass}>
                    Rol
                  </th>
                  <th scope="col" className={thClass}>
                    Aangevraagd door
                  </th>
                  <th scope="col" className={thClass}>
                    Account
                  </th>
                  <th scope="col" className={thClass}>
                    <span className="sr-only">Beslissen</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {open.map((invitation) => (
                  <tr key={invitation.id} className="border-b border-slate-300 align-top">
                    <th scope="row" className={`${tdClass} font-normal`}>
                      {invitation.email}
                    </th>
                    <td className={tdClass}>{invitation.name}</td>
                    <td className={tdClass}>
                      Beleidsmedewerker, {invitation.gemeente} ({invitation.regio})
                    </td>
                    <td className={tdClass}>
                      {invitation.requestedBy?.name ?? "Onbekend"}
                      <span className="block text-sm">{formatDateTime(invitation.createdAt)}</span>
                    </td>
                    <td className={tdClass}>
                      {invitation.existingAccount ? (
                        <>
                          Bestaand account:{" "}
                          <Link href={`/beheer/gebruikers/${invitation.existingAccount.id}`} className={linkClass}>
                            {invitation.existingAccount.name}
                          </Link>
                          {invitation.existingAccount.hasGrantHere && <span className="block text-sm">Heeft deze rol al</span>}
                          {!invitation.existingAccount.active && <span className="block text-sm">Gedeactiveerd</span>}
                        </>
                      ) : (
                        "Nieuw adres"
                      )}
                    </td>
                    <td className={`${tdClass} space-y-2`}>
                      <ConfirmAction
                        label={`Goedkeuren: ${invitation.email}`}
                        question={
                          invitation.existingAccount
                            ? `${invitation.existingAccount.name} (${invitation.email}) de rol beleidsmedewerker voor ${invitation.gemeente} geven?`
                            : `Een account aanmaken voor ${invitation.name} (${invitation.email}) als beleidsmedewerker voor ${invitation.gemeente}?`
                        }
                        confirmLabel="Ja, goedkeuren"
                        action={decideInvitationAction.bind(null, invitation.id, "goedkeuren")}
                      />
                      <ConfirmAction
                        label={`Afwijzen: ${invitation.email}`}
                        question={`De uitnodiging van ${invitation.email} voor ${invitation.gemeente} afwijzen?`}
                        confirmLabel="Ja, afwijzen"
                        danger
                        action={decideInvitationAction.bind(null, invitation.id, "afwijzen")}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="link-titel" className="space-y-3">
        <h2 id="link-titel" className="text-xl font-semibold">
          Goedgekeurd, nog geen wachtwoord ingesteld ({awaiting.length})
        </h2>
        {awaiting.length === 0 ? (
          <p>Geen nieuwe accounts die nog een wachtwoord moeten instellen.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {awaiting.map((user) => (
              <li key={user.id}>
                <Link href={`/beheer/gebruikers/${user.id}`} className={linkClass}>
                  {user.name} ({user.email})
                </Link>
                , {user.gemeente}: verstuur op de pagina van het account de uitnodiging (opnieuw).
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
