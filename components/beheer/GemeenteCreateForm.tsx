"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { Result } from "@/lib/shared/result";
import { ZGemeenteCreateSchema, type TGemeenteCreate } from "@/lib/shared/beheer/schemas";
import { SelectField, TextField } from "./fields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import { useActionFeedback } from "@/components/forms/use-action-feedback";

const FIELDS = ["name", "slug", "regioId"] as const;

export function GemeenteCreateForm({
  action,
  regios,
  defaultRegioId,
}: {
  action: (values: TGemeenteCreate) => Promise<Result<{ href: string }>>;
  regios: { id: string; name: string }[];
  defaultRegioId?: string;
}) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TGemeenteCreate>({
    resolver: zodResolver(ZGemeenteCreateSchema),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    defaultValues: { name: "", slug: "", regioId: defaultRegioId ?? "" },
  });
  const feedback = useActionFeedback(setError, FIELDS);

  async function onSubmit(values: TGemeenteCreate) {
    feedback.begin();
    const result = await action(values);
    if (feedback.handle(result)) router.push(result.data.href);
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De gemeente is niet aangemaakt" />
      <TextField id="name" label="Naam van de gemeente" error={errors.name?.message} inputProps={{ ...register("name"), autoComplete: "off" }} />
      <TextField
        id="slug"
        label="Korte naam voor het webadres"
        hint="Alleen kleine letters, cijfers en streepjes, bijvoorbeeld alphen-aan-den-rijn. Kan later niet worden gewijzigd."
        error={errors.slug?.message}
        inputProps={{ ...register("slug"), autoComplete: "off", spellCheck: false }}
      />
      <SelectField
        id="regioId"
        label="Regio"
        error={errors.regioId?.message}
        placeholder="Kies een regio"
        options={regios.map((regio) => ({ value: regio.id, label: regio.name }))}
        selectProps={register("regioId")}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : "Gemeente aanmaken"}
      </button>
    </form>
  );
}
