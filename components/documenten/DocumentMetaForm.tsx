"use client";

// Changing a library document's title and ingangsdatum: the server's schema (ZDocumentMetaSchema)
// in the browser through the repo's resolver, the server's answer mapped onto the fields, the
// error summary focused after a failed attempt.
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/components/forms/zod-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { ZDocumentMetaSchema, type TDocumentMeta } from "@/lib/shared/documenten/documents";
import type { Result } from "@/lib/shared/result";

const FIELDS = ["title", "ingangsdatum"] as const;

export function DocumentMetaForm({ id, values, action }: { id: string; values: TDocumentMeta; action: (values: TDocumentMeta) => Promise<Result<unknown>> }) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TDocumentMeta>({ resolver: zodResolver(ZDocumentMetaSchema), defaultValues: values, shouldFocusError: false });
  const feedback = useActionFeedback(setError, FIELDS);
  const field = (name: (typeof FIELDS)[number]) => `${id}-${name}`;
  const onSubmit = handleSubmit(
    async (input) => {
      feedback.begin();
      if (feedback.handle(await action(input))) router.refresh();
    },
    () => feedback.failedOnClient(),
  );
  const summary = feedback.summary(errors).map((error) => (error.field ? { ...error, field: field(error.field as (typeof FIELDS)[number]) } : error));
  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-2">
      <ErrorSummary errors={summary} attempt={feedback.attempt} title="Het document is niet gewijzigd" />
      <div>
        <label htmlFor={field("title")} className="block font-semibold">
          Titel
        </label>
        <input
          id={field("title")}
          type="text"
          className={inputClass}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${field("title")}-fout` : undefined}
          {...register("title")}
        />
        {errors.title?.message && (
          <p id={`${field("title")}-fout`} className="mt-1 font-semibold text-red-800">
            {errors.title.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={field("ingangsdatum")} className="block font-semibold">
          Ingangsdatum
        </label>
        <input
          id={field("ingangsdatum")}
          type="date"
          className={`${inputClass} max-w-xs`}
          aria-invalid={errors.ingangsdatum ? true : undefined}
          aria-describedby={errors.ingangsdatum ? `${field("ingangsdatum")}-fout` : undefined}
          {...register("ingangsdatum")}
        />
        {errors.ingangsdatum?.message && (
          <p id={`${field("ingangsdatum")}-fout`} className="mt-1 font-semibold text-red-800">
            {errors.ingangsdatum.message}
          </p>
        )}
      </div>
      <button type="submit" disabled={isSubmitting} className={secondaryButtonClass}>
        Opslaan
      </button>
      <p role="status">{feedback.done ?? ""}</p>
    </form>
  );
}
