"use client";

import { useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from "react";
import { useController, useFieldArray, useForm, useWatch } from "react-hook-form";
import type { TAnswerInput } from "@/lib/shared/zelfscan/answer-schema";
import type { AnswerView } from "@/lib/shared/zelfscan/answer-view";
import { VASTGELEGD_IN } from "@/lib/shared/zelfscan/vastlegging";
import {
  autosave,
  firstErrorMessage,
  flushDecision,
  initialAutosave,
  nextCheckAt,
  saveDue,
  saveRequest,
  statusText,
  type Autosave,
  type AutosaveEvent,
  type SaveStatus,
} from "@/lib/shared/zelfscan/autosave";
import { lazyModule, lazyResolver } from "@/components/forms/lazy-resolver";
import { clearDraft, formatTime, putAnswer, readDraft, writeDraft } from "./answer-client";
import { ConflictChoice } from "./ConflictChoice";

// The answer schema and its resolver load lazily (components/forms/lazy-resolver.ts). Should they
// fail to load, the answer also stays in sessionStorage, and the user is told.
const validation = lazyModule(() => import("./answer-validation"));
const answerResolver = (maxScore: number) =>
  lazyResolver<TAnswerInput, typeof import("./answer-validation")>(
    validation,
    (loaded) => loaded.answerSchemaResolver(maxScore),
    "de controle van uw invoer kon niet worden geladen; controleer de verbinding. Uw invoer is bewaard.",
  );

export type ScaleView = {
  max: number;
  levels: { value: number; label: string; explanation: string }[];
  weetIkNiet: { label: string; explanation: string };
};

export type OnderdeelView = {
  id: string;
  letter: string | null;
  text: string;
  footnotes: number[];
  /** "Toegewezen aan Daan Verbeek (termijn 10 december 2026)", or null when nobody is assigned. */
  assignedTo?: string | null;
  /** Why the actor may not change this onderdeel (assigned to others); null when they may. */
  readOnly?: string | null;
};

/** What an item is doing; the step shows the sum of them. */
export type OnderdeelState = SaveStatus;

export type OnderdeelHandle = {
  /** Saves now if there is anything to save; resolves with the item's state afterwards. */
  flush(): Promise<OnderdeelState>;
};

const inputClass = "mt-1 block w-full rounded border border-slate-600 bg-white px-3 py-2 text-base";

function toValues(answer: AnswerView | null, max: number): TAnswerInput {
  return {
    score: answer?.score ?? null,
    weetIkNiet: answer?.weetIkNiet ?? false,
    toelichting: answer?.toelichting ?? "",
    vastgelegdIn: answer?.vastgelegdIn ?? [],
    vastgelegdAnders: answer?.vastgelegdAnders ?? "",
    evidence: answer?.evidence ?? [],
    doelniveau: answer?.doelniveau ?? max,
  };
}

export function AnswerEditor({
  scanId,
  onderdeel,
  scale,
  initial,
  onState,
  documents,
  ref,
}: {
  scanId: string;
  onderdeel: OnderdeelView;
  scale: ScaleView;
  initial: AnswerView | null;
  onState: (onderdeelId: string, state: OnderdeelState) => void;
  /** The onderdeel's evidence documents (components/documenten), shown below the links. */
  documents?: ReactNode;
  ref?: Ref<OnderdeelHandle>;
}) {
  const base = `onderdeel-${onderdeel.id}`;
  useEffect(() => validation.preload(), []);
  const form = useForm<TAnswerInput>({
    resolver: answerResolver(scale.max),
    defaultValues: toValues(initial, scale.max),
    mode: "onSubmit",
  });
  const { register, control, trigger, getValues, reset, formState } = form;
  const { errors } = formState;
  const evidence = useFieldArray({ control, name: "evidence" });
  const score = useController({ control, name: "score" });
  const weetIkNiet = useController({ control, name: "weetIkNiet" });
  const vastgelegdIn = useWatch({ control, name: "vastgelegdIn" });

  // The autosave machine (lib/shared/zelfscan/autosave.ts) decides; this wiring keeps its state,
  // renders its status, runs the save it asks for and wakes it up when a save becomes due.
  const [current, setCurrent] = useState<Autosave>(() => initialAutosave(initial));
  const machine = useRef(current);
  const state = current.status;
  const inFlight = useRef<Promise<OnderdeelState> | null>(null);
  // Set while the form is reset from outside (a restored draft, the other answer taken): not a change by the user.
  const resetting = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const tick = useRef<() => void>(() => {});

  const dispatch = useCallback(
    (event: AutosaveEvent): Autosave => {
      const previous = machine.current;
      const next = autosave(previous, event);
      machine.current = next;
      setCurrent(next);
      if (next.status !== previous.status) onState(onderdeel.id, next.status);
      window.clearTimeout(timer.current);
      const wake = nextCheckAt(next);
      if (wake !== null) timer.current = window.setTimeout(() => tick.current(), Math.max(0, wake - Date.now()));
      return next;
    },
    [onderdeel.id, onState],
  );

  const save = useCallback(async (): Promise<OnderdeelState> => {
    if (inFlight.current) await inFlight.current;
    const run = async (): Promise<OnderdeelState> => {
      if (!(await trigger())) return dispatch({ type: "validation-failed", message: firstErrorMessage(form.formState.errors) }).status;
      const values = getValues();
      const { baseVersion, confirm } = saveRequest(machine.current);
      writeDraft(scanId, onderdeel.id, { baseVersion, values, confirm });
      dispatch({ type: "save-started" });
      const outcome = await putAnswer(scanId, onderdeel.id, { baseVersion, answer: values, ...(confirm ? { confirm: true } : {}) });
      if (outcome.kind === "invalid") {
        for (const [field, message] of Object.entries(outcome.errors)) {
          if (field in values) form.setError(field as keyof TAnswerInput, { type: "server", message });
        }
      }
      const next = dispatch({ type: "save-finished", result: outcome, at: Date.now() });
      if (outcome.kind === "saved" && !next.pending) clearDraft(scanId, onderdeel.id);
      return next.status;
    };
    const promise = run();
    inFlight.current = promise;
    try {
      return await promise;
    } finally {
      if (inFlight.current === promise) inFlight.current = null;
    }
  }, [dispatch, form, getValues, onderdeel.id, scanId, trigger]);

  useEffect(() => {
    tick.current = () => {
      if (!inFlight.current && saveDue(machine.current, Date.now())) void save();
    };
  }, [save]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Every change is kept in sessionStorage at once, and saved when the machine says so.
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: () => {
        if (resetting.current) return;
        writeDraft(scanId, onderdeel.id, { baseVersion: machine.current.version, values: getValues(), confirm: machine.current.carriedOver });
        dispatch({ type: "edit", at: Date.now() });
      },
    });
  }, [dispatch, form, getValues, onderdeel.id, scanId]);

  // Input kept from before a reload or a lost connection comes back and is saved.
  useEffect(() => {
    const draft = readDraft(scanId, onderdeel.id);
    if (!draft) return;
    resetting.current = true;
    reset(draft.values, { keepDefaultValues: true });
    resetting.current = false;
    dispatch({ type: "draft-restored", version: draft.baseVersion, confirm: draft.confirm, at: Date.now() });
  }, [dispatch, onderdeel.id, reset, scanId]);

  // Back online: try again at once (the machine also retries every few seconds by itself).
  useEffect(() => {
    const retry = () => dispatch({ type: "retry", at: Date.now() });
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [dispatch]);

  useImperativeHandle(
    ref,
    () => ({
      async flush() {
        const decision = flushDecision(machine.current);
        if (decision === "save") return save();
        if (decision === "wait" && inFlight.current) return inFlight.current;
        return machine.current.status;
      },
    }),
    [save],
  );

  function confirmAnswer() {
    dispatch({ type: "confirm-requested" });
    void save();
  }

  function keepMine() {
    if (state.kind !== "conflict") return;
    dispatch({ type: "conflict-resolved", keep: "mine" });
    void save();
  }

  function takeTheirs() {
    if (state.kind !== "conflict" || !state.current) return;
    resetting.current = true;
    reset(toValues(state.current, scale.max));
    resetting.current = false;
    clearDraft(scanId, onderdeel.id);
    dispatch({ type: "conflict-resolved", keep: "theirs" });
  }

  const options = [
    ...scale.levels.map((level) => ({ value: String(level.value), title: `${level.value} – ${level.label}`, explanation: level.explanation })),
    { value: "onbekend", title: scale.weetIkNiet.label, explanation: scale.weetIkNiet.explanation },
  ];
  const choice = weetIkNiet.field.value ? "onbekend" : score.field.value === null ? "" : String(score.field.value);
  const error = (name: string) => {
    const message = name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as
      | { message?: string }
      | undefined;
    return message?.message ? (
      <p id={`${base}-${name.replace(/\./g, "-")}-fout`} className="mt-1 font-semibold text-red-800">
        {message.message}
      </p>
    ) : null;
  };
  const described = (name: string) =>
    name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors)
      ? `${base}-${name.replace(/\./g, "-")}-fout`
      : undefined;

  return (
    <section id={base} aria-labelledby={`${base}-titel`} className="scroll-mt-4 space-y-4 rounded border border-slate-400 p-4">
      <h3 id={`${base}-titel`} className="text-lg font-semibold">
        {onderdeel.letter ? `Onderdeel ${onderdeel.id}` : `Eis ${onderdeel.id}`}
      </h3>
      {onderdeel.assignedTo && <p className="text-sm font-semibold text-slate-800">{onderdeel.assignedTo}</p>}
      <p className="whitespace-pre-line">
        {onderdeel.text}
        {onderdeel.footnotes.length > 0 && <span className="text-sm text-slate-700"> (voetnoot {onderdeel.footnotes.join(", ")})</span>}
      </p>

      {current.carriedOver && (
        <div className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">
          <p>Overgenomen uit de vorige meting. Bevestig dit antwoord of pas het aan.</p>
          <button type="button" className="mt-2 rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-800" onClick={confirmAnswer}>
            Antwoord bevestigen
          </button>
        </div>
      )}

      <fieldset aria-describedby={described("score")}>
        <legend className="font-semibold">Hoe ver is uw gemeente met dit onderdeel?</legend>
        <div className="mt-2 space-y-2">
          {options.map((option) => (
            <label key={option.value} className="flex gap-3 rounded border border-slate-300 p-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input
                type="radio"
                name={`${base}-keuze`}
                value={option.value}
                checked={choice === option.value}
                onChange={() => {
                  weetIkNiet.field.onChange(option.value === "onbekend");
                  score.field.onChange(option.value === "onbekend" ? null : Number(option.value));
                }}
                onBlur={score.field.onBlur}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <span>
                <span className="font-semibold">{option.title}</span>
                <span className="block text-sm">{option.explanation}</span>
              </span>
            </label>
          ))}
        </div>
        {error("score")}
      </fieldset>

      <div>
        <label htmlFor={`${base}-toelichting`} className="block font-semibold">
          Toelichting
        </label>
        <p id={`${base}-toelichting-hint`} className="text-sm">
          Verplicht als het onderdeel niet volledig is ingericht en geborgd, of bij “{scale.weetIkNiet.label}”.
        </p>
        <textarea
          id={`${base}-toelichting`}
          rows={4}
          className={inputClass}
          aria-invalid={errors.toelichting ? true : undefined}
          aria-describedby={[`${base}-toelichting-hint`, described("toelichting")].filter(Boolean).join(" ")}
          {...register("toelichting")}
        />
        {error("toelichting")}
      </div>

      <fieldset>
        <legend className="font-semibold">Waar is dit vastgelegd?</legend>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {VASTGELEGD_IN.map((option) => (
            <label key={option.code} className="flex items-center gap-2">
              <input type="checkbox" value={option.code} className="h-5 w-5" {...register("vastgelegdIn")} />
              {option.label}
            </label>
          ))}
        </div>
        {vastgelegdIn.includes("anders") && (
          <div className="mt-2">
            <label htmlFor={`${base}-anders`} className="block">
              Waar anders?
            </label>
            <input
              id={`${base}-anders`}
              type="text"
              className={inputClass}
              aria-describedby={described("vastgelegdAnders")}
              {...register("vastgelegdAnders")}
            />
            {error("vastgelegdAnders")}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend className="font-semibold">Onderbouwing (links naar documenten)</legend>
        {evidence.fields.length === 0 && <p className="text-sm">Nog geen links.</p>}
        <ul className="space-y-3">
          {evidence.fields.map((field, index) => (
            <li key={field.id} className="grid gap-2 rounded border border-slate-300 p-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
              <div>
                <label htmlFor={`${base}-link-${index}-titel`} className="block text-sm">
                  Titel
                </label>
                <input
                  id={`${base}-link-${index}-titel`}
                  type="text"
                  className={inputClass}
                  aria-describedby={described(`evidence.${index}.title`)}
                  {...register(`evidence.${index}.title`)}
                />
                {error(`evidence.${index}.title`)}
              </div>
              <div>
                <label htmlFor={`${base}-link-${index}-url`} className="block text-sm">
                  Webadres
                </label>
                <input
                  id={`${base}-link-${index}-url`}
                  type="url"
                  className={inputClass}
                  aria-describedby={described(`evidence.${index}.url`)}
                  {...register(`evidence.${index}.url`)}
                />
                {error(`evidence.${index}.url`)}
              </div>
              <button type="button" className="rounded border border-slate-600 px-3 py-2" onClick={() => evidence.remove(index)}>
                Link {index + 1} verwijderen
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="mt-2 rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-800"
          onClick={() => evidence.append({ title: "", url: "https://" })}
        >
          Link toevoegen
        </button>
      </fieldset>

      {documents}

      <div>
        <label htmlFor={`${base}-doel`} className="block font-semibold">
          Doelniveau voor deze meetronde
        </label>
        <select id={`${base}-doel`} className={`${inputClass} max-w-md`} {...register("doelniveau", { valueAsNumber: true })}>
          {scale.levels.map((level) => (
            <option key={level.value} value={level.value}>
              {level.value} – {level.label}
            </option>
          ))}
        </select>
      </div>

      {state.kind === "conflict" && (
        <ConflictChoice id={`${base}-conflict`} scale={scale} mine={getValues()} theirs={state.current} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
      )}

      <p className="min-h-6 text-sm" data-testid={`status-${onderdeel.id}`}>
        {statusText(state, formatTime)}
      </p>
    </section>
  );
}
