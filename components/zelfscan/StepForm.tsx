"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { ErrorSummary, type SummaryError } from "@/components/ui/ErrorSummary";
import type { AnswerView } from "@/lib/shared/zelfscan/answer-view";
import { warnsBeforeLeaving } from "@/lib/shared/zelfscan/autosave";
import { formatTime } from "./answer-client";
import { AnswerEditor, type OnderdeelHandle, type OnderdeelState, type OnderdeelView, type ScaleView } from "./AnswerEditor";

function summaryText(states: OnderdeelState[]): string {
  if (states.some((state) => state.kind === "signed-out"))
    return "U bent uitgelogd. Log opnieuw in; wat u invulde staat in deze browser en wordt daarna opgeslagen.";
  if (states.some((state) => state.kind === "offline"))
    return "Geen verbinding met de server. Uw invoer staat veilig in deze browser en wordt opgeslagen zodra de verbinding terug is.";
  if (states.some((state) => state.kind === "conflict"))
    return "Een collega heeft een antwoord op deze stap intussen gewijzigd. Kies bij dat onderdeel welk antwoord blijft.";
  if (states.some((state) => state.kind === "saving" || state.kind === "dirty")) return "Bezig met opslaan…";
  const locked = states.find((state) => state.kind === "locked");
  if (locked && locked.kind === "locked") return locked.message;
  const times = states.flatMap((state) => (state.kind === "saved" ? [state.at] : [])).sort();
  const last = times.at(-1);
  return last ? `Opgeslagen om ${formatTime(last)}` : "";
}

/** An onderdeel assigned to others while the scan lets only assignees change theirs: read-only, with why. */
function ReadOnlyOnderdeel({
  onderdeel,
  scale,
  answer,
  documents,
}: {
  onderdeel: OnderdeelView;
  scale: ScaleView;
  answer: AnswerView | null;
  documents?: ReactNode;
}) {
  const base = `onderdeel-${onderdeel.id}`;
  const label = !answer
    ? "Nog niet beantwoord."
    : answer.weetIkNiet
      ? scale.weetIkNiet.label
      : (scale.levels.find((level) => level.value === answer.score)?.label ?? "Nog niet beantwoord.");
  return (
    <section id={base} aria-labelledby={`${base}-titel`} className="scroll-mt-4 space-y-3 rounded border border-slate-400 p-4">
      <h3 id={`${base}-titel`} className="text-lg font-semibold">
        {onderdeel.letter ? `Onderdeel ${onderdeel.id}` : `Eis ${onderdeel.id}`}
      </h3>
      {onderdeel.assignedTo && <p className="text-sm font-semibold text-slate-800">{onderdeel.assignedTo}</p>}
      <p className="whitespace-pre-line">{onderdeel.text}</p>
      <p className="rounded border-l-4 border-slate-700 bg-slate-100 p-3">{onderdeel.readOnly}</p>
      <p>
        <strong>Antwoord:</strong> {label}
      </p>
      {answer?.toelichting && (
        <p className="whitespace-pre-line">
          <strong>Toelichting:</strong> {answer.toelichting}
        </p>
      )}
      {documents}
    </section>
  );
}

export function StepForm({
  scanId,
  onderdelen,
  scale,
  answers,
  documents = {},
  previousHref,
  nextHref,
  nextLabel,
}: {
  scanId: string;
  onderdelen: OnderdeelView[];
  scale: ScaleView;
  answers: Record<string, AnswerView>;
  /** Per onderdeel its documents part (components/documenten/OnderdeelDocuments.tsx), made by the page. */
  documents?: Record<string, ReactNode>;
  previousHref: string | null;
  nextHref: string;
  nextLabel: string;
}) {
  const router = useRouter();
  const handles = useRef(new Map<string, OnderdeelHandle>());
  const [states, setStates] = useState<Record<string, OnderdeelState>>({});
  const [problems, setProblems] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [leaving, setLeaving] = useState(false);

  const onState = useCallback((onderdeelId: string, state: OnderdeelState) => setStates((current) => ({ ...current, [onderdeelId]: state })), []);
  const unsaved = Object.values(states).some(warnsBeforeLeaving);

  // Leaving the page (closing the tab, a link elsewhere) while something is not saved: the browser asks.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  async function leave(href: string) {
    setLeaving(true);
    const results = await Promise.all(
      onderdelen.map(async (onderdeel) => [onderdeel, (await handles.current.get(onderdeel.id)?.flush()) ?? ({ kind: "idle" } as OnderdeelState)] as const),
    );
    const found: SummaryError[] = results.flatMap(([onderdeel, state]) => {
      const label = `${onderdeel.letter ? "Onderdeel" : "Eis"} ${onderdeel.id}`;
      switch (state.kind) {
        case "invalid":
          return [{ field: `onderdeel-${onderdeel.id}`, message: `${label}: ${state.message}` }];
        case "conflict":
          return [{ field: `onderdeel-${onderdeel.id}`, message: `${label}: kies welk antwoord blijft (een collega wijzigde het intussen).` }];
        case "offline":
          return [{ field: `onderdeel-${onderdeel.id}`, message: `${label}: nog niet opgeslagen, er is geen verbinding. Probeer het zo opnieuw.` }];
        case "signed-out":
          return [{ message: "U bent uitgelogd. Log in een ander tabblad opnieuw in en probeer het dan nog eens." }];
        default:
          return [];
      }
    });
    setLeaving(false);
    if (found.length > 0) {
      setProblems(found);
      setAttempt((count) => count + 1);
      return;
    }
    setProblems([]);
    router.push(href);
  }

  const summary = summaryText(Object.values(states));
  return (
    <div className="space-y-6">
      <ErrorSummary errors={problems} attempt={attempt} title="Deze stap is nog niet helemaal opgeslagen" />
      <p role="status" aria-live="polite" className="min-h-6 font-semibold">
        {summary}
      </p>
      {onderdelen.map((onderdeel) =>
        onderdeel.readOnly ? (
          <ReadOnlyOnderdeel
            key={onderdeel.id}
            onderdeel={onderdeel}
            scale={scale}
            answer={answers[onderdeel.id] ?? null}
            documents={documents[onderdeel.id]}
          />
        ) : (
          <AnswerEditor
            key={onderdeel.id}
            ref={(handle) => {
              if (handle) handles.current.set(onderdeel.id, handle);
              else handles.current.delete(onderdeel.id);
            }}
            scanId={scanId}
            onderdeel={onderdeel}
            scale={scale}
            initial={answers[onderdeel.id] ?? null}
            onState={onState}
            documents={documents[onderdeel.id]}
          />
        ),
      )}
      <nav aria-label="Stappen" className="flex flex-wrap justify-between gap-3 border-t border-slate-300 pt-4">
        {previousHref ? (
          <button
            type="button"
            disabled={leaving}
            className="rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800"
            onClick={() => void leave(previousHref)}
          >
            Vorige stap
          </button>
        ) : (
          <span />
        )}
        <button
          type="button"
          disabled={leaving}
          className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800"
          onClick={() => void leave(nextHref)}
        >
          {nextLabel}
        </button>
      </nav>
    </div>
  );
}
