import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/zelfscan/ScanStatus";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDate } from "@/lib/shared/format";
import { answerLabel, isAnswered, needsToelichting } from "@/lib/shared/zelfscan/progress";
import { getSubmitChecklist, getZelfscan } from "@/lib/zelfscan/queries";
import { steps } from "@/lib/zelfscan/steps";
import { submitZelfscanAction } from "../actions";

export const metadata: Metadata = { title: "Overzicht van de zelfscan" };

type SearchParams = Promise<{ melding?: string }>;

export default async function OverzichtPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const { melding } = await searchParams;
  const actor = await requireActor(`/zelfscans/${id}/overzicht`);
  const found = await getZelfscan(prisma(), actor, id);
  if (!found) notFound();
  const { scan, framework, progress, mayEdit } = found;
  const answers = new Map(scan.answers.map((answer) => [answer.onderdeelId, answer]));
  const { checklist, submitter } = await getSubmitChecklist(prisma(), actor, scan, framework);
  const lines = [
    { met: checklist.unanswered.length === 0, text: "Alle onderdelen zijn beantwoord", open: checklist.unanswered },
    { met: checklist.missingToelichting.length === 0, text: "Elke verplichte toelichting is ingevuld", open: checklist.missingToelichting },
    { met: checklist.carriedOver.length === 0, text: "Elk overgenomen antwoord is bevestigd of gewijzigd", open: checklist.carriedOver },
  ];

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/zelfscans/${scan.id}`} className={linkClass}>
            Zelfscan {scan.gemeente.name} – {scan.meetronde.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Overzicht van de zelfscan</h1>
        <p>
          {progress.answered} van {progress.total} onderdelen beantwoord, waarvan {progress.weetIkNiet} met “{framework.scale.weetIkNiet.label}”.
          {progress.missingToelichting > 0 && ` Bij ${progress.missingToelichting} onderdelen ontbreekt de verplichte toelichting.`} Deadline:{" "}
          {formatDate(scan.meetronde.deadline)}.
        </p>
        <ProgressBar percentage={progress.percentage} label="Voortgang van de zelfscan" />
      </header>

      {melding && (
        <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-800">
          {melding === "onvolledig" ? "De zelfscan is nog niet compleet; hieronder ziet u wat er ontbreekt." : "Deze zelfscan kan niet meer worden ingediend."}
        </p>
      )}

      {steps(framework).map((step) => (
        <section key={step.number} aria-labelledby={`stap-${step.number}`} className="space-y-2">
          <h2 id={`stap-${step.number}`} className="text-xl font-semibold">
            Eis {step.requirement.number}: {step.requirement.shortTitle}
          </h2>
          <ul className="space-y-1">
            {step.requirement.onderdelen.map((onderdeel) => {
              const answer = answers.get(onderdeel.id);
              const problems = [
                !answer || !isAnswered(answer) ? "nog niet beantwoord" : null,
                answer?.weetIkNiet ? "weet ik niet: uitzoeken" : null,
                answer && isAnswered(answer) && needsToelichting(framework, answer) && !answer.toelichting.trim() ? "toelichting ontbreekt" : null,
                answer?.carriedOver ? "overgenomen, nog niet bevestigd" : null,
              ].filter(Boolean);
              return (
                <li key={onderdeel.id} className="flex flex-wrap gap-x-3">
                  {mayEdit ? (
                    <Link href={`/zelfscans/${scan.id}/stap/${step.number}#onderdeel-${onderdeel.id}`} className={linkClass}>
                      {onderdeel.letter ? `Onderdeel ${onderdeel.id}` : `Eis ${onderdeel.id}`}
                    </Link>
                  ) : (
                    <span className="font-semibold">{onderdeel.letter ? `Onderdeel ${onderdeel.id}` : `Eis ${onderdeel.id}`}</span>
                  )}
                  <span>{answerLabel(framework, answer)}</span>
                  {problems.length > 0 && <span className="font-semibold text-red-800">({problems.join("; ")})</span>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      {mayEdit && (
        <section aria-labelledby="indienen" className="space-y-3 rounded border-2 border-brand-700 p-4">
          <h2 id="indienen" className="text-xl font-semibold">
            Indienen
          </h2>
          <h3 className="text-lg font-semibold">Controle vóór het indienen</h3>
          <ul aria-label="Controle vóór het indienen" className="space-y-1">
            {lines.map((line) => (
              <li key={line.text}>
                <span className="font-semibold">{line.met ? "Gereed:" : "Nog niet gereed:"}</span> {line.text}
                {!line.met && ` (${line.open.length}: ${line.open.join(", ")})`}
              </li>
            ))}
            {checklist.assignees.length === 0 ? (
              <li>
                <span className="font-semibold">Gereed:</span> Er zijn geen toegewezen onderdelen
              </li>
            ) : (
              checklist.assignees.map((person) => (
                <li key={person.userId}>
                  <span className="font-semibold">{person.open.length === 0 ? "Gereed:" : "Nog niet gereed:"}</span> Toegewezen aan {person.userName}:{" "}
                  {person.open.length === 0
                    ? `alle ${person.assigned} onderdelen beantwoord`
                    : `${person.open.length} van ${person.assigned} onderdelen nog open (${person.open.join(", ")})`}
                </li>
              ))
            )}
          </ul>
          {!submitter.may ? (
            <p>{submitter.message}</p>
          ) : checklist.complete ? (
            <>
              <p>Alle onderdelen zijn beantwoord. Na het indienen is de zelfscan vergrendeld; de regionaal projectleider kan hem heropenen.</p>
              <form action={submitZelfscanAction.bind(null, scan.id)}>
                <button type="submit" className={primaryButtonClass}>
                  Zelfscan indienen
                </button>
              </form>
            </>
          ) : (
            <p>U kunt indienen als alle punten hierboven gereed zijn.</p>
          )}
        </section>
      )}
    </div>
  );
}
