"use client";

import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { zodResolver } from "@/components/forms/zod-resolver";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import { CHOOSABLE_KINDS, DELIVERY_LABEL, MESSAGE_KIND, type MessageDelivery } from "@/lib/shared/mail/kinds";
import { ZMessagePreferencesSchema, type TMessagePreferences } from "@/lib/shared/mail/schemas";
import type { Result } from "@/lib/shared/result";

const DELIVERIES = Object.keys(DELIVERY_LABEL) as MessageDelivery[];

/** Per kind of message one radio group: at once, in the daily digest, or not at all. */
export function MessagePreferencesForm({
  preferences,
  action,
}: {
  preferences: TMessagePreferences;
  action: (values: TMessagePreferences) => Promise<Result<unknown>>;
}) {
  const doneRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TMessagePreferences>({
    resolver: zodResolver(ZMessagePreferencesSchema),
    shouldFocusError: false,
    defaultValues: preferences,
  });
  const feedback = useActionFeedback(setError, CHOOSABLE_KINDS);

  useEffect(() => {
    if (feedback.done) doneRef.current?.focus();
  }, [feedback.done]);

  async function onSubmit(values: TMessagePreferences) {
    feedback.begin();
    feedback.handle(await action(values));
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-6">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="Uw voorkeuren zijn niet opgeslagen" />
      {feedback.done && (
        <p ref={doneRef} tabIndex={-1} role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold">
          {feedback.done}
        </p>
      )}
      {CHOOSABLE_KINDS.map((kind) => {
        const error = errors[kind as keyof TMessagePreferences]?.message;
        return (
          <fieldset key={kind} id={kind} className="rounded border border-slate-300 p-4" aria-describedby={error ? `${kind}-fout` : undefined}>
            <legend className="px-1 font-semibold">{MESSAGE_KIND[kind].label}</legend>
            {error && (
              <p id={`${kind}-fout`} className="font-semibold text-red-800">
                <span className="sr-only">Fout: </span>
                {error}
              </p>
            )}
            <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-6">
              {DELIVERIES.map((delivery) => (
                <label key={delivery} className="flex items-center gap-2">
                  <input type="radio" value={delivery} {...register(kind as keyof TMessagePreferences)} className="size-5" />
                  {DELIVERY_LABEL[delivery]}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : "Voorkeuren opslaan"}
      </button>
    </form>
  );
}
