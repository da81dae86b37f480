"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { useMelding } from "@/components/ui/Melding";
import { inputClass, primaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";
import { ZReopenSchema, type TReopen } from "@/lib/shared/zelfscan/reopen-schema";

const FIELDS = ["reden"] as const;

/**
 * The project leader's "heropenen". Once reopened the page no longer shows this form (the scan is not
 * submitted any more), so the confirmation is the page's (useMelding), not the form's.
 */
export function ReopenForm({ action }: { action: (values: TReopen) => Promise<Result<unknown>> }) {
  const router = useRouter();
  const toon = useMelding();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TReopen>({ resolver: zodResolver(ZReopenSchema), defaultValues: { reden: "" }, shouldFocusError: false });
  const feedback = useActionFeedback(setError, FIELDS);
  const onSubmit = handleSubmit(
    async (values) => {
      feedback.begin();
      const result = await action(values);
      if (feedback.handle(result)) {
        if (result.message) toon(result.message);
        router.refresh();
      }
    },
    () => feedback.failedOnClient(),
  );
  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-3">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De zelfscan is niet heropend" />
      <div>
        <label htmlFor="reden" className="block font-semibold">
          Reden voor heropenen (de gemeente ziet deze)
        </label>
        <textarea
          id="reden"
          rows={3}
          className={inputClass}
          aria-invalid={errors.reden ? true : undefined}
          aria-describedby={errors.reden ? "reden-fout" : undefined}
          {...register("reden")}
        />
        {errors.reden?.message && (
          <p id="reden-fout" className="mt-1 font-semibold text-red-800">
            {errors.reden.message}
          </p>
        )}
      </div>
      <button type="submit" className={primaryButtonClass} disabled={isSubmitting}>
        Zelfscan heropenen
      </button>
    </form>
  );
}
