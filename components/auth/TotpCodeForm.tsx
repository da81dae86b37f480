"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, linkClass, primaryButtonClass } from "@/components/ui/styles";
import { ZTotpCodeSchema, type TTotpCode } from "@/lib/shared/auth/second-factor-schema";
import type { Result } from "@/lib/shared/result";

const FIELDS = ["code"] as const;

/**
 * Asks for one code from the authenticator app, and afterwards shows the recovery codes the
 * server made, once.
 */
export function TotpCodeForm({
  action,
  submitLabel,
  failureTitle,
}: {
  action: (values: TTotpCode) => Promise<Result<{ recoveryCodes: string[] }>>;
  submitLabel: string;
  failureTitle: string;
}) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TTotpCode>({ resolver: zodResolver(ZTotpCodeSchema), defaultValues: { code: "" }, shouldFocusError: false });
  const feedback = useActionFeedback(setError, FIELDS);

  if (codes) {
    return (
      <section aria-labelledby="herstelcodes-titel" className="space-y-4 rounded border-2 border-green-700 bg-green-50 p-4">
        <h2 id="herstelcodes-titel" className="text-xl font-semibold" tabIndex={-1} ref={(node) => node?.focus()}>
          Uw herstelcodes
        </h2>
        <p>
          Tweestapsverificatie staat aan. Bewaar deze tien codes op een veilige plek, bijvoorbeeld in uw wachtwoordkluis. Met elke code kunt u één keer inloggen
          als u uw telefoon niet bij de hand heeft. U ziet ze maar één keer.
        </p>
        <ul aria-label="Herstelcodes" className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>
          {/* A full page load: the header must be rendered again now that the login is complete. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/" className={linkClass}>
            Ik heb de codes bewaard, verder naar mijn overzicht
          </a>
        </p>
      </section>
    );
  }

  const onSubmit = handleSubmit(
    async (values) => {
      feedback.begin();
      const result = await action(values);
      if (feedback.handle(result)) setCodes(result.data.recoveryCodes);
    },
    () => feedback.failedOnClient(),
  );

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title={failureTitle} />
      <div>
        <label htmlFor="code" className="block font-semibold">
          Code uit de app (zes cijfers)
        </label>
        <input
          id="code"
          type="text"
          inputMode="numeric"
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
        {submitLabel}
      </button>
    </form>
  );
}
