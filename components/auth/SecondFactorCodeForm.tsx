"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/components/forms/zod-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, primaryButtonClass } from "@/components/ui/styles";
import { ZSecondFactorCodeSchema, type TSecondFactorCode } from "@/lib/shared/auth/second-factor-schema";
import type { Result } from "@/lib/shared/result";

const FIELDS = ["code"] as const;

/** Completes a login with a code from the authenticator app or a recovery code. */
export function SecondFactorCodeForm({ action }: { action: (values: TSecondFactorCode) => Promise<Result> }) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TSecondFactorCode>({ resolver: zodResolver(ZSecondFactorCodeSchema), defaultValues: { code: "" }, shouldFocusError: false });
  const feedback = useActionFeedback(setError, FIELDS);

  const onSubmit = handleSubmit(
    async (values) => {
      feedback.begin();
      const result = await action(values);
      if (feedback.handle(result)) {
        // The header is rendered again now that the login is complete.
        router.replace("/");
        router.refresh();
      }
    },
    () => feedback.failedOnClient(),
  );

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De code is niet geaccepteerd" />
      <div>
        <label htmlFor="code" className="block font-semibold">
          Code uit uw authenticator-app of een herstelcode
        </label>
        <input
          id="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? "code-fout" : undefined}
          className={`${inputClass} max-w-48`}
          {...register("code")}
        />
        {errors.code?.message && (
          <p id="code-fout" className="mt-1 text-red-800">
            {errors.code.message}
          </p>
        )}
      </div>
      <button type="submit" className={primaryButtonClass} disabled={isSubmitting}>
        Doorgaan
      </button>
    </form>
  );
}
