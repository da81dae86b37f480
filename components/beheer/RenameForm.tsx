"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { Result } from "@/lib/shared/result";
import { ZGemeenteRenameSchema, ZRegioRenameSchema, ZUserEditSchema } from "@/lib/shared/beheer/schemas";
import { TextField } from "./fields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import { useActionFeedback } from "@/components/forms/use-action-feedback";

// The three name forms have the same shape; each keeps its own schema (and messages).
const SCHEMAS = { regio: ZRegioRenameSchema, gemeente: ZGemeenteRenameSchema, gebruiker: ZUserEditSchema } as const;
const LABELS = { regio: "Naam van de regio", gemeente: "Naam van de gemeente", gebruiker: "Naam" } as const;
const FIELDS = ["name"] as const;

type TName = { name: string };

export function RenameForm({ kind, currentName, action }: { kind: keyof typeof SCHEMAS; currentName: string; action: (values: TName) => Promise<Result> }) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TName>({
    resolver: zodResolver(SCHEMAS[kind]),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    defaultValues: { name: currentName },
  });
  const feedback = useActionFeedback(setError, FIELDS);

  async function onSubmit(values: TName) {
    feedback.begin();
    if (feedback.handle(await action(values))) router.refresh();
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De naam is niet gewijzigd" />
      <TextField id="name" label={LABELS[kind]} error={errors.name?.message} inputProps={{ ...register("name"), autoComplete: "off" }} />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : "Naam opslaan"}
      </button>
      <p role="status" className="font-semibold text-green-800">
        {feedback.done}
      </p>
    </form>
  );
}
