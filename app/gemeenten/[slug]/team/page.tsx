import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmAction } from "@/components/beheer/ConfirmAction";
import { CoordinatorForm } from "@/components/gemeente/CoordinatorForm";
import { InviteColleagueForm } from "@/components/gemeente/InviteColleagueForm";
import { TeamActionButton } from "@/components/gemeente/TeamActionButton";
import { captionClass, linkClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { getTeam } from "@/lib/gemeente/team";
import { TEAM_STATUS_LABEL } from "@/lib/shared/gemeente/team-schema";
import { appointCoordinatorAction, deactivateColleagueAction, inviteColleagueAction, renewColleagueInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor(`/gemeenten/${slug}/team`);
  const team = await getTeam(prisma(), actor, slug);
  if (!team) notFound();
  const { gemeente, members, may, coordinator } = team;
  const manages = members.some((member) => member.may.renew || member.may.deactivate);
  return (
    <div className="space-y-8">
      <p>
        <Link href={`/gemeenten/${gemeente.slug}`} className={linkClass}>
          Terug naar gemeente {gemeente.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Team van {gemeente.name}</h1>
      <p className="max-w-prose">
        {coordinator ? (
          <>
            Coördinator: <strong>{coordinator.name}</strong>. De coördinator nodigt collega&apos;s uit, verdeelt het werk en dient de zelfscan in.
          </>
        ) : (
          <>{gemeente.name} heeft geen coördinator: elke beleidsmedewerker van de gemeente kan de zelfscan indienen.</>
        )}
      </p>
      <table className={tableClass}>
        <caption className={captionClass}>Beleidsmedewerkers van {gemeente.name}</caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className={thClass}>
              Naam
            </th>
            <th scope="col" className={thClass}>
              E-mailadres
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            {manages && (
              <th scope="col" className={thClass}>
                Acties
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-b border-slate-300">
              <th scope="row" className={`${tdClass} font-normal`}>
                {member.name}
                {member.coordinator && <strong className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800">coördinator</strong>}
              </th>
              <td className={`${tdClass} break-all`}>{member.email}</td>
              <td className={tdClass}>{TEAM_STATUS_LABEL[member.status]}</td>
              {manages && (
                <td className={tdClass}>
                  {member.may.renew && (
                    <TeamActionButton
                      label={`Uitnodiging ${member.name} opnieuw versturen`}
                      action={renewColleagueInvitationAction.bind(null, gemeente.slug, gemeente.id, member.id)}
                    />
                  )}
                  {member.may.deactivate && (
                    <ConfirmAction
                      label={`${member.name} deactiveren`}
                      question={`${member.name} uit het team van ${gemeente.name} halen? Wie alleen voor ${gemeente.name} werkt, kan daarna niet meer inloggen; wie ook elders een rol heeft, houdt die.`}
                      confirmLabel="Ja, deactiveren"
                      danger
                      action={deactivateColleagueAction.bind(null, gemeente.slug, gemeente.id, member.id)}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {may.invite && (
        <section aria-labelledby="collega-uitnodigen" className="space-y-3">
          <h2 id="collega-uitnodigen" className="text-xl font-semibold">
            Collega uitnodigen
          </h2>
          <InviteColleagueForm gemeente={gemeente.name} action={inviteColleagueAction.bind(null, gemeente.slug, gemeente.id)} />
        </section>
      )}
      {may.appoint && (
        <section aria-labelledby="coordinator-kiezen" className="space-y-3">
          <h2 id="coordinator-kiezen" className="text-xl font-semibold">
            Coördinator kiezen
          </h2>
          <CoordinatorForm
            gemeente={gemeente.name}
            coordinatorId={coordinator?.id ?? null}
            candidates={team.candidates}
            action={appointCoordinatorAction.bind(null, gemeente.slug, gemeente.id)}
          />
        </section>
      )}
    </div>
  );
}
