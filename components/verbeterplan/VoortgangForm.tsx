"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { lazyModule, lazyResolver } from "@/components/forms/lazy-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, primaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";
import { ACTIE_STATUS } from "@/lib/shared/verbeterplan/labels";
import type { TVoortgang } from "@/lib/shared/verbeterplan/schema";

const validation = lazyModule(() => import("./voortgang-validation"));
const resolver = lazyResolver<TVoortgang, typeof import("./voortgang-validation")>(validation, (loaded) => loaded.voortgangResolver);

const FIELDS = ["status", "note", "notedOn"] as const;

/** "Voortgang melden": the action's new status with a dated note; the same schema checks it on the server. */
export function VoortgangForm({
  idPrefix,
  initial,
  today,
  action,
}: {
  idPrefix: string;
  initial: TVoortgang;
  /** Today in the Netherlands (yyyy-mm-dd): the latest day a note may be about. */
  today: string;
  action: (values: TVoortgang) => Promise<Result<unknown>>;
}) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TVoortgang>({ resolver, defaultValues: initial, shouldFocusError: false });
  useEffect(() => validation.preload(), []);
  const feedback = useActionFeedback(setError, FIELDS);
  const id = (name: string) => `${idPrefix}-${name}`;
  const onSubmit = handleSubmit(
    async (values) => {
      feedback.begin();
      if (feedback.handle(await action(values))) {
        reset({ ...values, note: "" });
        router.refresh();
      }
    },
    () => feedback.failedOnClient(),
  );
  const fieldError = (name: (typeof FIELDS)[number]) =>
    errors[name]?.message ? (
      <p id={id(`${name}-fout`)} className="mt-1 font-semibold text-red-800">
        {String(errors[name]?.message)}
      </p>
    ) : null;
  const describedBy = (name: (typeof FIELDS)[number]) => (errors[name] ? id(`${name}-fout`) : undefined);
  const summary = feedback.summary(errors).map((entry) => (entry.field ? { ...entry, field: id(entry.field) } : entry));

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-3">
      <ErrorSummary errors={summary} attempt={feedback.attempt} title="De voortgang is niet gemeld" />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={id("status")} className="block font-semibold">
            Nieuwe status
          </label>
          <select id={id("status")} className={inputClass} aria-describedby={describedBy("status")} {...register("status")}>
            {ACTIE_STATUS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {fieldError("status")}
        </div>
        <div>
          <label htmlFor={id("notedOn")} className="block font-semibold">
            Datum
          </label>
          <input
            id={id("notedOn")}
            type="date"
            max={today}
            className={inputClass}
            aria-invalid={errors.notedOn ? true : undefined}
            aria-describedby={describedBy("notedOn")}
            {...register("notedOn")}
          />
          {fieldError("notedOn")}
        </div>
      </div>
      <div>
        <label htmlFor={id("note")} className="block font-semibold">
          Toelichting
        </label>
        <textarea
          id={id("note")}
          rows={2}
          className={inputClass}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={describedBy("note")}
          {...register("note")}
        />
        {fieldError("note")}
      </div>
      <button type="submit" className={primaryButtonClass} disabled={isSubmitting}>
        Voortgang melden
      </button>
      {feedback.done && <p role="status">{feedback.done}</p>}
    </form>
  );
}
