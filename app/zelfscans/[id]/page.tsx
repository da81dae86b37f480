import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/zelfscan/ScanStatus";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { answerLabel } from "@/lib/shared/zelfscan/progress";
import { getZelfscan, listComments, type CommentView } from "@/lib/zelfscan/queries";
import { ZELFSCAN_STATUS_LABEL } from "@/lib/shared/zelfscan/status";
import { firstOpenStep } from "@/lib/zelfscan/steps";
import { ReopenForm } from "@/components/zelfscan/ReopenForm";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { CommentThreads } from "@/components/zelfscan/CommentThreads";
import { DocumentList } from "@/components/documenten/DocumentList";
import { getAnswerDocuments } from "@/lib/documenten/queries";
import { documentDownloadHref } from "@/lib/shared/documenten/documents";
import { canEditGemeente } from "@/lib/access/rules/editable";
import { addCommentAction, reopenZelfscanAction } from "./actions";

export const metadata: Metadata = { title: "Zelfscan" };

export default async function ZelfscanPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ ingediend?: string }> }) {
  const { id } = await params;
  const { ingediend } = await searchParams;
  const actor = await requireActor(`/zelfscans/${id}`);
  const found = await getZelfscan(prisma(), actor, id);
  if (!found) notFound();
  const { scan, framework, progress, mayEdit, mayLead, lockedForOfficer } = found;
  const answers = new Map(scan.answers.map((answer) => [answer.onderdeelId, answer]));
  const comments = (await listComments(prisma(), actor, scan.id)) ?? new Map<string, CommentView[]>();
  const canAnswer = canEditGemeente(actor, scan.gemeente);
  const documents = await getAnswerDocuments(prisma(), actor, scan.id);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/gemeenten/${scan.gemeente.slug}`} className="text-brand-700 underline underline-offset-4">
            Gemeente {scan.gemeente.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          Zelfscan {scan.gemeente.name} – {scan.meetronde.name}
        </h1>
        <p>
          Status: {ZELFSCAN_STATUS_LABEL[scan.status]}
          {scan.submittedAt && scan.status === "INGEDIEND" && (
            <>
              {" "}
              op {formatDateTime(scan.submittedAt)}
              {scan.submittedBy ? ` door ${scan.submittedBy.name}` : ""}
            </>
          )}
          . {progress.answered} van {progress.total} onderdelen beantwoord.
        </p>
        <ProgressBar percentage={progress.percentage} label="Voortgang van de zelfscan" />
        {ingediend && scan.status === "INGEDIEND" && (
          <p role="status" className="rounded border-2 border-green-700 bg-green-50 p-3 font-semibold">
            De zelfscan is ingediend. Hij is nu vergrendeld; de regionaal projectleider kan hem heropenen.
          </p>
        )}
        {lockedForOfficer && !(ingediend && scan.status === "INGEDIEND") && (
          // The wizard's steps send an officer here when the scan cannot be changed: this says why.
          <p className="rounded border-l-4 border-slate-700 bg-slate-100 p-3 font-semibold">
            {lockedForOfficer} Hieronder staan de antwoorden zoals ze zijn vastgelegd.
          </p>
        )}
        {scan.status === "HEROPEND" && scan.reopenedAt && (
          <p className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">
            Heropend op {formatDateTime(scan.reopenedAt)}
            {scan.reopenedBy ? ` door ${scan.reopenedBy.name}` : ""}. Reden: {scan.reopenReason}
          </p>
        )}
        {mayEdit && (
          <p className="flex flex-wrap gap-4">
            <Link href={`/zelfscans/${scan.id}/stap/${firstOpenStep(framework, scan.answers)}`} className={primaryButtonClass}>
              {progress.answered === 0 ? "Zelfscan invullen" : "Verder met de zelfscan"}
            </Link>
            <Link href={`/zelfscans/${scan.id}/overzicht`} className={linkClass}>
              Overzicht en indienen
            </Link>
          </p>
        )}
        <p>
          <Link href={`/zelfscans/${scan.id}/activiteit`} className={linkClass}>
            Activiteit: wie wijzigde wat
          </Link>
        </p>
        {mayLead && scan.status === "INGEDIEND" && (
          <details className="rounded border border-slate-400 p-3">
            <summary className="cursor-pointer font-semibold">Zelfscan heropenen</summary>
            <div className="mt-3">
              <ReopenForm action={reopenZelfscanAction.bind(null, scan.id)} />
            </div>
          </details>
        )}
        <p className="flex flex-wrap gap-4">
          <Link href={`/zelfscans/${scan.id}/rapport`} className="text-brand-700 underline underline-offset-4">
            Rapport
          </Link>
          <Link href={`/zelfscans/${scan.id}/verbeterplan`} className="text-brand-700 underline underline-offset-4">
            Verbeterplan
          </Link>
          <Link href={`/zelfscans/${scan.id}/voorbeelden`} className="text-brand-700 underline underline-offset-4">
            Goede voorbeelden uit de regio
          </Link>
          <Link href={`/zelfscans/${scan.id}/toewijzingen`} className="text-brand-700 underline underline-offset-4">
            Toewijzingen
          </Link>
          {canAnswer && (
            <Link href={`/gemeenten/${scan.gemeente.slug}/documenten`} className="text-brand-700 underline underline-offset-4">
              Documentenbibliotheek
            </Link>
          )}
          <a href={`/zelfscans/${scan.id}/antwoorden.csv`} className="text-brand-700 underline underline-offset-4">
            Antwoorden en geschiedenis downloaden (CSV)
          </a>
          <a href={`/zelfscans/${scan.id}/antwoorden.json`} className="text-brand-700 underline underline-offset-4">
            Antwoorden en geschiedenis downloaden (JSON)
          </a>
        </p>
      </header>

      {framework.requirements.map((requirement) => (
        <section key={requirement.number} aria-labelledby={`eis-${requirement.number}`} className="space-y-3">
          <h2 id={`eis-${requirement.number}`} className="text-xl font-semibold">
            Eis {requirement.number}: {requirement.shortTitle}
          </h2>
          <dl className="space-y-3">
            {requirement.onderdelen.map((onderdeel) => {
              const answer = answers.get(onderdeel.id);
              return (
                <div key={onderdeel.id} id={`onderdeel-${onderdeel.id}`} className="scroll-mt-4 rounded border border-slate-300 p-3">
                  <dt className="font-semibold">
                    {onderdeel.id}. {onderdeel.text}
                  </dt>
                  <dd className="mt-1">
                    <p>Antwoord: {answerLabel(framework, answer)}</p>
                    {answer?.toelichting && <p className="mt-1 whitespace-pre-line">Toelichting: {answer.toelichting}</p>}
                    {(documents.get(onderdeel.id)?.length ?? 0) > 0 && (
                      <div className="mt-2">
                        <p className="font-semibold">Documenten</p>
                        <DocumentList
                          documents={documents.get(onderdeel.id) ?? []}
                          label={`Documenten bij ${onderdeel.letter ? "onderdeel" : "eis"} ${onderdeel.id}`}
                          downloadHref={(versieId) => documentDownloadHref(scan.id, versieId)}
                        />
                      </div>
                    )}
                    <CommentThreads
                      onderdeelId={onderdeel.id}
                      actionFor={(parentId) => addCommentAction.bind(null, scan.id, onderdeel.id, parentId)}
                      threads={comments.get(onderdeel.id) ?? []}
                      mayStart={mayLead && scan.status !== "CONCEPT"}
                      mayAnswer={mayLead || canAnswer}
                    />
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
