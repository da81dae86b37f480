"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { setPasswordFormRule, type TSetPasswordForm } from "@/lib/shared/auth/password-rules";
import type { Result } from "@/lib/shared/result";
import { NewPasswordFields } from "./NewPasswordFields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { useActionFeedback } from "@/components/forms/use-action-feedback";

const FIELDS = ["password", "passwordConfirm"] as const;

/**
 * The form of the invitation and password-reset page. The browser checks length, repetition and
 * the e-mail address; the server also refuses common passwords (that list is not sent to the browser).
 */
export function SetPasswordForm({
  email,
  resetting = false,
  action,
}: {
  email: string;
  /** A reset link: every session of the account ends, and the page says so. */
  resetting?: boolean;
  action: (values: TSetPasswordForm) => Promise<Result<unknown>>;
}) {
  const schema = useMemo(() => setPasswordFormRule({ email }), [email]);
  const [finished, setFinished] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TSetPasswordForm>({
    resolver: zodResolver(schema),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    defaultValues: { password: "", passwordConfirm: "" },
  });
  const feedback = useActionFeedback(setError, FIELDS);

  useEffect(() => {
    if (finished !== null) doneRef.current?.focus();
  }, [finished]);

  async function onSubmit(values: TSetPasswordForm) {
    feedback.begin();
    const result = await action(values);
    if (feedback.handle(result)) setFinished(result.message ?? "U kunt nu inloggen met uw e-mailadres en het nieuwe wachtwoord.");
  }

  if (finished !== null) {
    return (
      <div className="space-y-3 rounded border-2 border-green-800 bg-green-50 p-4">
        <h2 ref={doneRef} tabIndex={-1} className="text-xl font-semibold">
          {resetting ? "Uw nieuwe wachtwoord is ingesteld" : "Uw wachtwoord is ingesteld"}
        </h2>
        <p role="status">{finished}</p>
        <p>De link werkt niet nog een keer.</p>
        <p>
          <Link href="/login" className={linkClass}>
            Naar de inlogpagina
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="Het wachtwoord is niet ingesteld" />
      {/* For password managers: the account the password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields
        password={{ inputProps: register("password"), error: errors.password?.message }}
        confirm={{ inputProps: register("passwordConfirm"), error: errors.passwordConfirm?.message }}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : "Wachtwoord instellen"}
      </button>
    </form>
  );
}
