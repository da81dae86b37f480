"use client";

import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import { useController, useFieldArray, useForm, useWatch } from "react-hook-form";
import type { TAnswerInput } from "@/lib/shared/zelfscan/answer-schema";
import type { AnswerView } from "@/lib/shared/zelfscan/answer-view";
import { VASTGELEGD_IN } from "@/lib/shared/zelfscan/vastlegging";
import { lazyModule, lazyResolver } from "@/components/forms/lazy-resolver";
import { clearDraft, formatTime, putAnswer, readDraft, writeDraft } from "./answer-client";

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
  unknown: { label: string; explanation: string };
};

export type ItemView = { id: string; letter: string | null; text: string; footnotes: number[] };

/** What an item is doing; the step shows the sum of them. */
export type ItemState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "invalid"; message: string }
  | { kind: "offline" }
  | { kind: "conflict"; current: AnswerView | null }
  | { kind: "locked"; message: string }
  | { kind: "signed-out" };

export type ItemHandle = {
  /** Saves now if there is anything to save; resolves with the item's state afterwards. */
  flush(): Promise<ItemState>;
};

const AUTOSAVE_DELAY_MS = 1000;
const RETRY_MS = 5000;

const inputClass = "mt-1 block w-full rounded border border-slate-600 bg-white px-3 py-2 text-base";

function toValues(answer: AnswerView | null, max: number): TAnswerInput {
  return {
    score: answer?.score ?? null,
    unknown: answer?.unknown ?? false,
    toelichting: answer?.toelichting ?? "",
    vastgelegdIn: answer?.vastgelegdIn ?? [],
    vastgelegdAnders: answer?.vastgelegdAnders ?? "",
    evidence: answer?.evidence ?? [],
    targetLevel: answer?.targetLevel ?? max,
  };
}

function choiceLabel(scale: ScaleView, answer: Pick<AnswerView, "score" | "unknown"> | null): string {
  if (!answer || (answer.score === null && !answer.unknown)) return "Nog niet beantwoord";
  if (answer.unknown) return scale.unknown.label;
  const level = scale.levels.find((candidate) => candidate.value === answer.score);
  return level ? `${level.value} – ${level.label}` : String(answer.score);
}

function statusText(state: ItemState): string {
  switch (state.kind) {
    case "saved":
      return `Opgeslagen om ${formatTime(state.at)}`;
    case "saving":
      return "Bezig met opslaan…";
    case "dirty":
      return "Wijziging wordt zo opgeslagen…";
    case "invalid":
      return `Nog niet opgeslagen: ${state.message}`;
    case "offline":
      return "Nog niet opgeslagen: geen verbinding. Uw invoer staat in deze browser en wordt opgeslagen zodra het weer kan.";
    case "conflict":
      return "Nog niet opgeslagen: iemand anders heeft dit onderdeel intussen gewijzigd. Kies hieronder welk antwoord blijft.";
    case "locked":
      return state.message;
    case "signed-out":
      return "Nog niet opgeslagen: u bent uitgelogd. Log opnieuw in; uw invoer staat in deze browser.";
    default:
      return "Nog niet beantwoord";
  }
}

export function AnswerEditor({
  scanId,
  item,
  scale,
  initial,
  onState,
  ref,
}: {
  scanId: string;
  item: ItemView;
  scale: ScaleView;
  initial: AnswerView | null;
  onState: (itemId: string, state: ItemState) => void;
  ref?: Ref<ItemHandle>;
}) {
  const base = `onderdeel-${item.id}`;
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
  const unknown = useController({ control, name: "unknown" });
  const vastgelegdIn = useWatch({ control, name: "vastgelegdIn" });

  const version = useRef(initial?.version ?? 0);
  const carriedOver = useRef(initial?.carriedOver ?? false);
  const [showCarriedOver, setShowCarriedOver] = useState(initial?.carriedOver ?? false);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<ItemState> | null>(null);
  const initialState: ItemState = initial && (initial.score !== null || initial.unknown) ? { kind: "saved", at: initial.updatedAt } : { kind: "idle" };
  const stateRef = useRef<ItemState>(initialState);
  const [state, setStateValue] = useState<ItemState>(initialState);
  // Set while the form is reset from outside (a restored draft, the other answer taken): not a change by the user.
  const resetting = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  const setState = useCallback(
    (next: ItemState) => {
      stateRef.current = next;
      setStateValue(next);
      onState(item.id, next);
    },
    [item.id, onState],
  );

  const save = useCallback(
    async (options: { confirm?: boolean } = {}): Promise<ItemState> => {
      if (inFlight.current) await inFlight.current;
      const run = async (): Promise<ItemState> => {
        if (!(await trigger())) {
          const first = Object.values(form.formState.errors).find((error) => error && "message" in error && error.message);
          const next: ItemState = { kind: "invalid", message: String((first as { message?: string } | undefined)?.message ?? "controleer dit onderdeel.") };
          setState(next);
          return next;
        }
        const values = getValues();
        const confirm = options.confirm || carriedOver.current;
        writeDraft(scanId, item.id, { baseVersion: version.current, values, confirm });
        dirty.current = false;
        setState({ kind: "saving" });
        const outcome = await putAnswer(scanId, item.id, { baseVersion: version.current, answer: values, ...(confirm ? { confirm: true } : {}) });
        let next: ItemState;
        switch (outcome.kind) {
          case "saved":
            version.current = outcome.answer.version;
            carriedOver.current = outcome.answer.carriedOver;
            setShowCarriedOver(outcome.answer.carriedOver);
            if (!dirty.current) clearDraft(scanId, item.id);
            next = { kind: "saved", at: outcome.answer.updatedAt };
            break;
          case "conflict":
            next = { kind: "conflict", current: outcome.current };
            break;
          case "invalid":
            for (const [field, message] of Object.entries(outcome.errors)) {
              if (field in values) form.setError(field as keyof TAnswerInput, { type: "server", message });
            }
            next = { kind: "invalid", message: outcome.message };
            break;
          case "locked":
            next = { kind: "locked", message: outcome.message };
            break;
          default:
            next = { kind: outcome.kind };
        }
        setState(next);
        return next;
      };
      const promise = run();
      inFlight.current = promise;
      try {
        return await promise;
      } finally {
        if (inFlight.current === promise) inFlight.current = null;
      }
    },
    [form, getValues, item.id, scanId, setState, trigger],
  );

  // Autosave: a second after the last change. Every change is also kept in sessionStorage at once.
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: () => {
        if (resetting.current) return;
        dirty.current = true;
      writeDraft(scanId, item.id, { baseVersion: version.current, values: getValues(), confirm: carriedOver.current });
      if (stateRef.current.kind !== "conflict") setState({ kind: "dirty" });
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
      },
    });
  }, [form, getValues, item.id, save, scanId, setState]);

  // Input kept from before a reload or a lost connection comes back and is saved.
  useEffect(() => {
    const draft = readDraft(scanId, item.id);
    if (!draft) return;
    resetting.current = true;
    reset(draft.values, { keepDefaultValues: true });
    resetting.current = false;
    version.current = draft.baseVersion;
    dirty.current = true;
    void save({ confirm: draft.confirm });
  }, [item.id, reset, save, scanId]);

  // Without a connection: try again when the browser is back online, and every few seconds.
  useEffect(() => {
    if (state.kind !== "offline") return;
    const retry = () => void save();
    window.addEventListener("online", retry);
    const interval = window.setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearInterval(interval);
    };
  }, [save, state.kind]);

  useImperativeHandle(
    ref,
    () => ({
      async flush() {
        window.clearTimeout(timer.current);
        const current = stateRef.current;
        if (current.kind === "conflict" || current.kind === "locked") return current;
        if (dirty.current || current.kind === "invalid" || current.kind === "offline" || current.kind === "signed-out") return save();
        if (inFlight.current) return inFlight.current;
        return current;
      },
    }),
    [save],
  );

  function keepMine() {
    if (state.kind !== "conflict") return;
    version.current = state.current?.version ?? version.current;
    void save();
  }

  function takeTheirs() {
    if (state.kind !== "conflict" || !state.current) return;
    version.current = state.current.version;
    resetting.current = true;
    reset(toValues(state.current, scale.max));
    resetting.current = false;
    clearDraft(scanId, item.id);
    dirty.current = false;
    setState({ kind: "saved", at: state.current.updatedAt });
  }

  const choice = unknown.field.value ? "onbekend" : score.field.value === null ? "" : String(score.field.value);
  const error = (name: string) => {
    const message = name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as { message?: string } | undefined;
    return message?.message ? (
      <p id={`${base}-${name.replace(/\./g, "-")}-fout`} className="mt-1 font-semibold text-red-800">
        {message.message}
      </p>
    ) : null;
  };
  const described = (name: string) => (name.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) ? `${base}-${name.replace(/\./g, "-")}-fout` : undefined);

  return (
    <section id={base} aria-labelledby={`${base}-titel`} className="scroll-mt-4 space-y-4 rounded border border-slate-400 p-4">
      <h3 id={`${base}-titel`} className="text-lg font-semibold">
        {item.letter ? `Onderdeel ${item.id}` : `Eis ${item.id}`}
      </h3>
      <p className="whitespace-pre-line">
        {item.text}
        {item.footnotes.length > 0 && <span className="text-sm text-slate-700"> (voetnoot {item.footnotes.join(", ")})</span>}
      </p>

      {showCarriedOver && (
        <div className="rounded border-l-4 border-amber-700 bg-amber-50 p-3">
          <p>Overgenomen uit de vorige meting. Bevestig dit antwoord of pas het aan.</p>
          <button type="button" className="mt-2 rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-800" onClick={() => void save({ confirm: true })}>
            Antwoord bevestigen
          </button>
        </div>
      )}

      <fieldset aria-describedby={described("score")}>
        <legend className="font-semibold">Hoe ver is uw gemeente met dit onderdeel?</legend>
        <div className="mt-2 space-y-2">
          {scale.levels.map((level) => (
            <label key={level.value} className="flex gap-3 rounded border border-slate-300 p-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input
                type="radio"
                name={`${base}-keuze`}
                value={String(level.value)}
                checked={choice === String(level.value)}
                onChange={() => {
                  unknown.field.onChange(false);
                  score.field.onChange(level.value);
                }}
                onBlur={score.field.onBlur}
                className="mt-1 h-5 w-5 shrink-0"
              />
              <span>
                <span className="font-semibold">
                  {level.value} – {level.label}
                </span>
                <span className="block text-sm">{level.explanation}</span>
              </span>
            </label>
          ))}
          <label className="flex gap-3 rounded border border-slate-300 p-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input
              type="radio"
              name={`${base}-keuze`}
              value="onbekend"
              checked={choice === "onbekend"}
              onChange={() => {
                score.field.onChange(null);
                unknown.field.onChange(true);
              }}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <span>
              <span className="font-semibold">{scale.unknown.label}</span>
              <span className="block text-sm">{scale.unknown.explanation}</span>
            </span>
          </label>
        </div>
        {error("score")}
      </fieldset>

      <div>
        <label htmlFor={`${base}-toelichting`} className="block font-semibold">
          Toelichting
        </label>
        <p id={`${base}-toelichting-hint`} className="text-sm">
          Verplicht als het onderdeel niet volledig is ingericht en geborgd, of bij “{scale.unknown.label}”.
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
            <input id={`${base}-anders`} type="text" className={inputClass} aria-describedby={described("vastgelegdAnders")} {...register("vastgelegdAnders")} />
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
                <input id={`${base}-link-${index}-titel`} type="text" className={inputClass} aria-describedby={described(`evidence.${index}.title`)} {...register(`evidence.${index}.title`)} />
                {error(`evidence.${index}.title`)}
              </div>
              <div>
                <label htmlFor={`${base}-link-${index}-url`} className="block text-sm">
                  Webadres
                </label>
                <input id={`${base}-link-${index}-url`} type="url" className={inputClass} aria-describedby={described(`evidence.${index}.url`)} {...register(`evidence.${index}.url`)} />
                {error(`evidence.${index}.url`)}
              </div>
              <button type="button" className="rounded border border-slate-600 px-3 py-2" onClick={() => evidence.remove(index)}>
                Link {index + 1} verwijderen
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="mt-2 rounded border-2 border-brand-700 px-3 py-1 font-semibold text-brand-800" onClick={() => evidence.append({ title: "", url: "https://" })}>
          Link toevoegen
        </button>
      </fieldset>

      <div>
        <label htmlFor={`${base}-doel`} className="block font-semibold">
          Doelniveau voor deze meetronde
        </label>
        <select id={`${base}-doel`} className={`${inputClass} max-w-md`} {...register("targetLevel", { valueAsNumber: true })}>
          {scale.levels.map((level) => (
            <option key={level.value} value={level.value}>
              {level.value} – {level.label}
            </option>
          ))}
        </select>
      </div>

      {state.kind === "conflict" && (
        <div role="group" aria-labelledby={`${base}-conflict`} className="rounded border-2 border-amber-700 bg-amber-50 p-3">
          <h4 id={`${base}-conflict`} className="font-semibold">
            Iemand anders heeft dit onderdeel intussen gewijzigd
          </h4>
          {state.current ? (
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              <div>
                <p className="font-semibold">Uw antwoord</p>
                <p>{choiceLabel(scale, getValues())}</p>
                <p className="whitespace-pre-line">{getValues("toelichting") || "(geen toelichting)"}</p>
              </div>
              <div>
                <p className="font-semibold">
                  Antwoord van {state.current.lastEditedBy ?? "een collega"}, om {formatTime(state.current.updatedAt)}
                </p>
                <p>{choiceLabel(scale, state.current)}</p>
                <p className="whitespace-pre-line">{state.current.toelichting || "(geen toelichting)"}</p>
              </div>
            </div>
          ) : (
            <p>Laad de pagina opnieuw om het andere antwoord te zien; uw invoer blijft in deze browser bewaard.</p>
          )}
          <div className="mt-3 flex flex-wrap gap-3">
            <button type="button" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white" onClick={keepMine}>
              Mijn antwoord bewaren
            </button>
            {state.current && (
              <button type="button" className="rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800" onClick={takeTheirs}>
                Het andere antwoord overnemen
              </button>
            )}
          </div>
        </div>
      )}

      <p className="min-h-6 text-sm" data-testid={`status-${item.id}`}>
        {statusText(state)}
      </p>
    </section>
  );
}
