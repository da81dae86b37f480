"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/components/forms/zod-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { TextField } from "@/components/beheer/fields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import { ZColleagueInviteSchema, type TColleagueInvite } from "@/lib/shared/gemeente/team-schema";
import type { Result } from "@/lib/shared/result";

const FIELDS = ["name", "email"] as const;

/** The coordinator's form to invite a colleague to their gemeente: name and e-mail address. */
export function InviteColleagueForm({ gemeente, action }: { gemeente: string; action: (values: TColleagueInvite) => Promise<Result> }) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TColleagueInvite>({
    resolver: zodResolver(ZColleagueInviteSchema),
    shouldFocusError: false,
    defaultValues: { name: "", email: "" },
  });
  const feedback = useActionFeedback(setError, FIELDS);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (feedback.done) doneRef.current?.focus();
  }, [feedback.done]);

  async function onSubmit(values: TColleagueInvite) {
    feedback.begin();
    const result = await action(values);
    if (feedback.handle(result)) {
      reset();
      router.refresh();
    }
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="Uw collega is niet uitgenodigd" />
      {feedback.done && (
        <p ref={doneRef} tabIndex={-1} role="status" className="max-w-prose rounded border-2 border-green-800 bg-green-50 p-4 font-semibold">
          {feedback.done}
        </p>
      )}
      <TextField id="name" label="Naam" error={errors.name?.message} inputProps={{ ...register("name"), autoComplete: "off" }} />
      <TextField
        id="email"
        label="E-mailadres"
        hint={`Uw collega wordt beleidsmedewerker van ${gemeente}, met toegang tot de zelfscans en het verbeterplan van de gemeente.`}
        error={errors.email?.message}
        inputProps={{ ...register("email"), type: "email", autoComplete: "off", spellCheck: false }}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met uitnodigen…" : "Collega uitnodigen"}
      </button>
    </form>
  );
}
