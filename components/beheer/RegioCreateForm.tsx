"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { Result } from "@/lib/shared/result";
import { ZRegioCreateSchema, type TRegioCreate } from "@/lib/shared/beheer/schemas";
import { TextField } from "./fields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import { useActionFeedback } from "@/components/forms/use-action-feedback";

const FIELDS = ["name", "slug"] as const;

export function RegioCreateForm({ action }: { action: (values: TRegioCreate) => Promise<Result<{ href: string }>> }) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TRegioCreate>({
    resolver: zodResolver(ZRegioCreateSchema),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    defaultValues: { name: "", slug: "" },
  });
  const feedback = useActionFeedback(setError, FIELDS);

  async function onSubmit(values: TRegioCreate) {
    feedback.begin();
    const result = await action(values);
    if (feedback.handle(result)) router.push(result.data.href);
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De regio is niet aangemaakt" />
      <TextField id="name" label="Naam van de regio" error={errors.name?.message} inputProps={{ ...register("name"), autoComplete: "off" }} />
      <TextField
        id="slug"
        label="Korte naam voor het webadres"
        hint="Alleen kleine letters, cijfers en streepjes, bijvoorbeeld hollands-midden. Kan later niet worden gewijzigd."
        error={errors.slug?.message}
        inputProps={{ ...register("slug"), autoComplete: "off", spellCheck: false }}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : "Regio aanmaken"}
      </button>
    </form>
  );
}
