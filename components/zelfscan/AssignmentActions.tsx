"use client";

import { useForm } from "react-hook-form";
import { useState } from "react";
import { zodResolver } from "@/components/forms/zod-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, secondaryButtonClass, dangerButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";
import { ZUpdateAssignmentSchema, type TUpdateAssignment } from "@/lib/shared/zelfscan/assignment-schema";

const FIELDS = ["dueOn", "note"] as const;

/** Change (due date, note), move to another colleague, or withdraw one person's assignment of an eis. */
export function AssignmentActions({
  id,
  label,
  current,
  colleagues,
  update,
  reassign,
  remove,
}: {
  /** Unique on the page: every field id starts with it. */
  id: string;
  /** "Eis 7 van Daan Verbeek", for the buttons' accessible names. */
  label: string;
  current: TUpdateAssignment;
  colleagues: { id: string; name: string }[];
  update: (values: TUpdateAssignment) => Promise<Result<unknown>>;
  reassign: (toUserId: string) => Promise<Result<unknown>>;
  remove: () => Promise<Result<unknown>>;
}) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TUpdateAssignment>({ resolver: zodResolver(ZUpdateAssignmentSchema), defaultValues: current, shouldFocusError: false });
  const feedback = useActionFeedback(setError, FIELDS);
  const [message, setMessage] = useState<string | null>(null);
  const [to, setTo] = useState("");
  const onSubmit = handleSubmit(async (values) => {
    feedback.begin();
    feedback.handle(await update(values));
  }, feedback.failedOnClient);
  const run = async (action: () => Promise<Result<unknown>>) => setMessage((await action()).message ?? null);
  return (
    <div className="space-y-2">
      <details>
        <summary className="cursor-pointer text-brand-700 underline">Wijzigen: {label}</summary>
        <form method="post" noValidate onSubmit={onSubmit} className="mt-2 space-y-2">
          <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De toewijzing is niet gewijzigd" />
          <label htmlFor={`${id}-dueOn`} className="block font-semibold">
            Termijn
          </label>
          <input id={`${id}-dueOn`} type="date" className={inputClass} {...register("dueOn")} />
          <label htmlFor={`${id}-note`} className="block font-semibold">
            Notitie
          </label>
          <textarea id={`${id}-note`} rows={2} className={inputClass} {...register("note")} />
          <button type="submit" className={secondaryButtonClass} disabled={isSubmitting}>
            Wijziging opslaan
          </button>
          {feedback.done && <p role="status">{feedback.done}</p>}
        </form>
        {colleagues.length > 0 && (
          <div className="mt-3 space-y-2">
            <label htmlFor={`${id}-naar`} className="block font-semibold">
              Overdragen aan
            </label>
            <select id={`${id}-naar`} className={inputClass} value={to} onChange={(event) => setTo(event.target.value)}>
              <option value="">Kies een collega</option>
              {colleagues.map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {colleague.name}
                </option>
              ))}
            </select>
            <button type="button" className={secondaryButtonClass} disabled={!to} onClick={() => run(() => reassign(to))}>
              Overdragen
            </button>
          </div>
        )}
      </details>
      <button type="button" className={dangerButtonClass} onClick={() => run(remove)} aria-label={`Toewijzing intrekken: ${label}`}>
        Intrekken
      </button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}
