"use client";

import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/beheer/fields";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { zodResolver } from "@/components/forms/zod-resolver";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import { ZPasswordResetRequestSchema, type TPasswordResetRequest } from "@/lib/shared/auth/password-reset-schema";
import type { Result } from "@/lib/shared/result";

const FIELDS = ["email"] as const;

/** "Wachtwoord vergeten?": the address only. The answer is the same whether it has an account or not. */
export function PasswordResetRequestForm({ action }: { action: (values: TPasswordResetRequest) => Promise<Result<unknown>> }) {
  const doneRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TPasswordResetRequest>({
    resolver: zodResolver(ZPasswordResetRequestSchema),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    defaultValues: { email: "" },
  });
  const feedback = useActionFeedback(setError, FIELDS);

  useEffect(() => {
    if (feedback.done) doneRef.current?.focus();
  }, [feedback.done]);

  async function onSubmit(values: TPasswordResetRequest) {
    feedback.begin();
    feedback.handle(await action(values));
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="Er is geen link aangevraagd" />
      {feedback.done && (
        <p ref={doneRef} tabIndex={-1} role="status" className="rounded border-2 border-green-800 bg-green-50 p-3">
          {feedback.done}
        </p>
      )}
      <TextField
        id="email"
        label="E-mailadres"
        error={errors.email?.message}
        inputProps={{ ...register("email"), type: "email", autoComplete: "username", spellCheck: false }}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig…" : "Stuur mij een link"}
      </button>
    </form>
  );
}
