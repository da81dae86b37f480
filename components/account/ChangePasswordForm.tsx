"use client";

import { useEffect, useMemo, useRef } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/beheer/fields";
import { NewPasswordFields } from "@/components/beheer/NewPasswordFields";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { zodResolver } from "@/components/forms/zod-resolver";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import { changePasswordFormRule, type TChangePasswordForm } from "@/lib/shared/auth/password-rules";
import type { Result } from "@/lib/shared/result";

const FIELDS = ["currentPassword", "password", "passwordConfirm"] as const;
const EMPTY: TChangePasswordForm = { currentPassword: "", password: "", passwordConfirm: "" };

/**
 * Changing one's own password. The browser checks the rules it knows (length, repetition, the
 * e-mail address); the server checks them again, the current password and the common passwords.
 */
export function ChangePasswordForm({ email, action }: { email: string; action: (values: TChangePasswordForm) => Promise<Result<unknown>> }) {
  const schema = useMemo(() => changePasswordFormRule({ email }), [email]);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TChangePasswordForm>({
    resolver: zodResolver(schema),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    defaultValues: EMPTY,
  });
  const feedback = useActionFeedback(setError, FIELDS);

  useEffect(() => {
    if (feedback.done) doneRef.current?.focus();
  }, [feedback.done]);

  async function onSubmit(values: TChangePasswordForm) {
    feedback.begin();
    if (feedback.handle(await action(values))) reset(EMPTY);
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="Uw wachtwoord is niet gewijzigd" />
      {feedback.done && (
        <p ref={doneRef} tabIndex={-1} role="status" className="rounded border-2 border-green-800 bg-green-50 p-3 font-semibold">
          {feedback.done}
        </p>
      )}
      {/* For password managers: the account the password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id="currentPassword"
        label="Huidig wachtwoord"
        error={errors.currentPassword?.message}
        inputProps={{ ...register("currentPassword"), type: "password", autoComplete: "current-password" }}
      />
      <NewPasswordFields
        password={{ inputProps: register("password"), error: errors.password?.message }}
        confirm={{ inputProps: register("passwordConfirm"), error: errors.passwordConfirm?.message }}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met wijzigen…" : "Wachtwoord wijzigen"}
      </button>
    </form>
  );
}
