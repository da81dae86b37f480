import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ProgressBar } from "@/components/zelfscan/ScanStatus";
import { StepForm } from "@/components/zelfscan/StepForm";
import { OnderdeelDocuments } from "@/components/documenten/OnderdeelDocuments";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { getAnswerDocuments, getDocumentLibrary } from "@/lib/documenten/queries";
import { DOCUMENT_ACCEPT, DOCUMENT_REFUSAL_MESSAGE, MAX_DOCUMENT_BYTES, documentDownloadHref } from "@/lib/shared/documenten/documents";
import { formatDate } from "@/lib/shared/format";
import { toAnswerView } from "@/lib/shared/zelfscan/answer-view";
import { listAssignments } from "@/lib/zelfscan/assignments";
import { notTheirsMessage } from "@/lib/zelfscan/mutations";
import { getZelfscan } from "@/lib/zelfscan/queries";
import { isOnderdeelComplete, stepAt, steps } from "@/lib/zelfscan/steps";
import { linkDocumentAction, unlinkDocumentAction } from "../../actions";

export const metadata: Metadata = { title: "Zelfscan invullen" };

export default async function StapPage({ params }: { params: Promise<{ id: string; nummer: string }> }) {
  const { id, nummer } = await params;
  const actor = await requireActor(`/zelfscans/${id}/stap/${nummer}`);
  const found = await getZelfscan(prisma(), actor, id);
  if (!found) notFound();
  const { scan, framework, progress, mayEdit } = found;
  // Only who may edit fills in (lib/access/rules/editable.ts): everyone else, and a scan that is
  // submitted or whose round is closed, gets the read-only view, which says why to an officer.
  if (!mayEdit) redirect(`/zelfscans/${scan.id}`);
  const number = Number(nummer);
  const step = Number.isInteger(number) ? stepAt(framework, number) : null;
  if (!step) notFound();

  const assigned = await listAssignments(prisma(), actor, scan.id);
  // Who each onderdeel is assigned to; read-only (with why) when the scan lets only assignees change theirs.
  const assignedTo = (onderdeelId: string) => {
    const rows = assigned?.byOnderdeel.get(onderdeelId) ?? [];
    if (!rows.length) return null;
    return `Toegewezen aan ${rows.map((row) => (row.dueOn ? `${row.name} (termijn ${formatDate(row.dueOn)})` : row.name)).join(", ")}`;
  };
  const readOnly = (onderdeelId: string) =>
    !assigned || assigned.mayEditOnderdeel(onderdeelId)
      ? null
      : notTheirsMessage(
          onderdeelId,
          (assigned.byOnderdeel.get(onderdeelId) ?? []).map((row) => row.name),
        );
  const all = steps(framework);
  const answers = new Map(scan.answers.map((answer) => [answer.onderdeelId, answer]));
  const views = Object.fromEntries(
    step.requirement.onderdelen.flatMap((onderdeel) => {
      const answer = answers.get(onderdeel.id);
      return answer ? [[onderdeel.id, toAnswerView(answer)]] : [];
    }),
  );
  // The documents per onderdeel, and the gemeente's library to choose from (components/documenten).
  const [documents, library] = await Promise.all([getAnswerDocuments(prisma(), actor, scan.id), getDocumentLibrary(prisma(), actor, scan.gemeente.slug)]);
  const documentParts = Object.fromEntries(
    step.requirement.onderdelen.map((onderdeel) => {
      const linked = documents.get(onderdeel.id) ?? [];
      const downloads = Object.fromEntries(
        linked.flatMap((document) => document.versies.map((versie) => [versie.id, documentDownloadHref(scan.id, versie.id)])),
      );
      const label = onderdeel.letter ? `onderdeel ${onderdeel.id}` : `eis ${onderdeel.id}`;
      return [
        onderdeel.id,
        <OnderdeelDocuments
          key={onderdeel.id}
          base={`onderdeel-${onderdeel.id}`}
          label={label}
          onderdeelId={onderdeel.id}
          documents={linked}
          downloads={downloads}
          editing={
            readOnly(onderdeel.id) || !library
              ? null
              : {
                  scanId: scan.id,
                  library: library.documents.map(({ id: documentId, title, ingangsdatum }) => ({ id: documentId, title, ingangsdatum })),
                  libraryHref: `/gemeenten/${scan.gemeente.slug}/documenten`,
                  accept: DOCUMENT_ACCEPT,
                  maxBytes: MAX_DOCUMENT_BYTES,
                  tooLarge: DOCUMENT_REFUSAL_MESSAGE["te-groot"],
                  link: linkDocumentAction.bind(null, scan.id, onderdeel.id),
                  unlink: unlinkDocumentAction.bind(null, scan.id, onderdeel.id),
                }
          }
        />,
      ];
    }),
  );
  const introduction = step.section?.introduction ?? step.chapter.introduction;
  const last = number === all.length;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/zelfscans/${scan.id}/overzicht`} className={linkClass}>
            Overzicht van de zelfscan
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          Zelfscan {scan.gemeente.name} – {scan.meetronde.name}: stap {number} van {all.length}
        </h1>
        <p>
          Invullen vóór {formatDate(scan.meetronde.deadline)}. {progress.answered} van {progress.total} onderdelen beantwoord. Uw antwoorden worden vanzelf
          opgeslagen.
        </p>
        <ProgressBar percentage={progress.percentage} label="Voortgang van de zelfscan" />
      </header>

      <nav aria-label="Alle stappen">
        <ol className="flex flex-wrap gap-2">
          {all.map((candidate) => {
            const done = candidate.requirement.onderdelen.every((onderdeel) => isOnderdeelComplete(framework, answers.get(onderdeel.id)));
            const current = candidate.number === number;
            return (
              <li key={candidate.number}>
                <Link
                  href={`/zelfscans/${scan.id}/stap/${candidate.number}`}
                  aria-current={current ? "step" : undefined}
                  className={`inline-block rounded border px-3 py-1 ${current ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-slate-500 text-brand-800"}`}
                >
                  Eis {candidate.requirement.number}
                  {done ? <span> (klaar)</span> : null}
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>

      <section aria-labelledby="eis-titel" className="space-y-3">
        <p className="text-sm font-semibold tracking-wide text-slate-700 uppercase">
          Hoofdstuk {step.chapter.number}: {step.chapter.title}
          {step.section ? ` – ${step.section.title}` : ""}
        </p>
        <h2 id="eis-titel" className="text-xl font-semibold">
          Eis {step.requirement.number}: {step.requirement.shortTitle}
        </h2>
        <details className="rounded border border-slate-300 p-3">
          <summary className="cursor-pointer font-semibold">Inleiding bij {step.section ? step.section.title : step.chapter.title}</summary>
          <p className="mt-2 whitespace-pre-line">{introduction}</p>
        </details>
        {step.requirement.onderdelen.some((onderdeel) => onderdeel.letter !== null) && <p>{step.requirement.text}</p>}
        {step.requirement.note && <p className="text-sm">{step.requirement.note.text}</p>}
      </section>

      <StepForm
        scanId={scan.id}
        onderdelen={step.requirement.onderdelen.map((onderdeel) => ({
          id: onderdeel.id,
          letter: onderdeel.letter,
          text: onderdeel.text,
          footnotes: onderdeel.footnotes.map((footnote) => footnote.number),
          assignedTo: assignedTo(onderdeel.id),
          readOnly: readOnly(onderdeel.id),
        }))}
        scale={{
          max: framework.scale.max,
          levels: framework.scale.levels.map((level) => ({ ...level })),
          weetIkNiet: { label: framework.scale.weetIkNiet.label, explanation: framework.scale.weetIkNiet.explanation },
        }}
        answers={views}
        documents={documentParts}
        previousHref={number > 1 ? `/zelfscans/${scan.id}/stap/${number - 1}` : null}
        nextHref={last ? `/zelfscans/${scan.id}/overzicht` : `/zelfscans/${scan.id}/stap/${number + 1}`}
        nextLabel={last ? "Naar het overzicht" : "Volgende stap"}
      />
    </div>
  );
}
