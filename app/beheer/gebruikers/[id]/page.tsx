import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountLinkSender } from "@/components/beheer/AccountLinkSender";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { ConfirmAction } from "@/components/beheer/ConfirmAction";
import { GrantAddForm } from "@/components/beheer/GrantAddForm";
import { RenameForm } from "@/components/beheer/RenameForm";
import { GrantTable, grantText, StatusBadge } from "@/components/beheer/tables";
import { requireActor } from "@/lib/auth/current";
import { getUser } from "@/lib/beheer/gebruikers";
import { env } from "@/lib/config/env";
import { listGemeenteOptions, listRegioOptions } from "@/lib/beheer/organisatie";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { addGrantAction, createAccountLinkAction, deactivateUserAction, reactivateUserAction, removeGrantAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Gebruiker – Beheer" };

export default async function GebruikerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ aangemaakt?: string; "rol-toegevoegd"?: string }>;
}) {
  const { id } = await params;
  const actor = await requireActor(`/beheer/gebruikers/${id}`);
  const user = await getUser(prisma(), actor, id);
  if (!user) notFound();
  const query = await searchParams;
  const [gemeenten, regios] = user.may.manageGrants ? await Promise.all([listGemeenteOptions(prisma(), actor), listRegioOptions(prisma(), actor)]) : [[], []];
  const invitation = !user.hasPassword;

  return (
    <div className="space-y-8">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/gebruikers", label: "Gebruikers" }, { label: user.name }]} />
      <h1 className="text-2xl font-bold">{user.name}</h1>
      {query.aangemaakt && (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3">
          De gebruiker is aangemaakt. Verstuur hieronder de uitnodiging: de gebruiker krijgt die per e-mail en stelt zelf een wachtwoord in.
        </p>
      )}
      {query["rol-toegevoegd"] && (
        <p role="status" className="rounded border-2 border-green-800 bg-green-50 p-3">
          Er bestond al een account met dit e-mailadres. Dat account heeft de rol erbij gekregen.
        </p>
      )}

      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">E-mailadres</dt>
        <dd>{user.email}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          <StatusBadge active={user.active} />
        </dd>
        {user.createdAt && (
          // Only the beheerder: for a project leader these would tell whether the account existed before their invitation.
          <>
            <dt className="font-semibold">Wachtwoord</dt>
            <dd>{user.hasPassword ? "Ingesteld" : "Nog niet ingesteld (uitnodiging niet gebruikt)"}</dd>
            <dt className="font-semibold">Tweestapsverificatie</dt>
            <dd>{user.totpEnabled ? "Aan" : "Uit"}</dd>
            <dt className="font-semibold">Laatst ingelogd</dt>
            <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Nooit"}</dd>
            <dt className="font-semibold">Aangemaakt</dt>
            <dd>{formatDateTime(user.createdAt)}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="rollen-titel" className="space-y-4">
        <h2 id="rollen-titel" className="text-xl font-semibold">
          Rollen
        </h2>
        <GrantTable
          grants={user.grants}
          caption={`Rollen van ${user.name}`}
          control={
            user.may.manageGrants
              ? (grant) => (
                  <ConfirmAction
                    label={`Rol intrekken: ${grantText(grant)}`}
                    question={`Weet u zeker dat u de rol "${grantText(grant)}" van ${user.name} wilt intrekken? Dat geldt direct, ook in een open sessie.`}
                    confirmLabel="Ja, rol intrekken"
                    action={removeGrantAction.bind(null, user.id, grant.id)}
                  />
                )
              : undefined
          }
        />
        {user.may.manageGrants && (
          <div className="space-y-3 rounded border border-slate-300 p-4">
            <h3 className="text-lg font-semibold">Rol toekennen</h3>
            <p className="max-w-prose">Een gebruiker kan meerdere rollen hebben, bijvoorbeeld voor twee gemeenten.</p>
            <GrantAddForm action={addGrantAction.bind(null, user.id)} gemeenten={gemeenten} regios={regios} />
          </div>
        )}
      </section>

      {user.may.makeLink && (
        <section aria-labelledby="link-titel" className="space-y-3">
          <h2 id="link-titel" className="text-xl font-semibold">
            {invitation ? "Uitnodigen" : "Wachtwoord herstellen"}
          </h2>
          {user.openLinks.length > 0 && (
            <p>
              Er is al een {user.openLinks[0]!.purpose === "UITNODIGING" ? "uitnodiging" : "link om een nieuw wachtwoord in te stellen"} verstuurd naar{" "}
              {user.email}, geldig tot {formatDateTime(user.openLinks[0]!.expiresAt)}. Een nieuwe vervangt die: de oude link werkt dan niet meer.
            </p>
          )}
          <AccountLinkSender
            buttonLabel={
              invitation
                ? user.openLinks.some((link) => link.purpose === "UITNODIGING")
                  ? "Uitnodiging opnieuw versturen"
                  : "Uitnodiging versturen"
                : "Herstellink versturen"
            }
            explanation={
              invitation
                ? `De uitnodiging gaat per e-mail naar ${user.email}, met een link waarmee de gebruiker zelf een wachtwoord instelt. De link is 72 uur geldig en werkt één keer. U ziet de link zelf niet.`
                : `Er gaat een e-mail naar ${user.email} met een link waarmee de gebruiker een nieuw wachtwoord instelt; alle sessies van de gebruiker worden dan beëindigd. De link is 30 minuten geldig en werkt één keer. U ziet de link zelf niet. De gebruiker kan dit ook zelf, met "Wachtwoord vergeten?" op de inlogpagina.`
            }
            mailbox={!env().SMTP_URL}
            action={createAccountLinkAction.bind(null, user.id, invitation ? "UITNODIGING" : "WACHTWOORD_HERSTEL")}
          />
        </section>
      )}

      {user.may.edit && (
        <section aria-labelledby="naam-titel" className="space-y-3">
          <h2 id="naam-titel" className="text-xl font-semibold">
            Naam wijzigen
          </h2>
          <RenameForm kind="gebruiker" currentName={user.name} action={updateUserAction.bind(null, user.id)} />
        </section>
      )}

      {user.may.changeStatus && (
        <section aria-labelledby="status-titel" className="space-y-3">
          <h2 id="status-titel" className="text-xl font-semibold">
            {user.active ? "Account deactiveren" : "Account weer activeren"}
          </h2>
          {user.active ? (
            <>
              <p className="max-w-prose">
                Na deactiveren kan {user.name} niet meer inloggen, worden alle open sessies direct beëindigd en werken open links niet meer. Rollen en gegevens
                blijven bewaard.
              </p>
              <ConfirmAction
                label="Account deactiveren"
                question={`Weet u zeker dat u het account van ${user.name} (${user.email}) wilt deactiveren?`}
                confirmLabel="Ja, deactiveren"
                danger
                action={deactivateUserAction.bind(null, user.id)}
              />
            </>
          ) : (
            <>
              <p className="max-w-prose">Na activeren kan {user.name} weer inloggen met het bestaande wachtwoord.</p>
              <ConfirmAction
                label="Account activeren"
                question={`Weet u zeker dat u het account van ${user.name} (${user.email}) weer wilt activeren?`}
                confirmLabel="Ja, activeren"
                action={reactivateUserAction.bind(null, user.id)}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
