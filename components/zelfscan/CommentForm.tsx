"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";
import { ZCommentSchema, type TComment } from "@/lib/shared/zelfscan/comment-schema";

/** One comment or answer on an item; many of these can be on one page, so every id has a prefix. */
export function CommentForm({
  id,
  label,
  submitLabel,
  action,
}: {
  id: string;
  label: string;
  submitLabel: string;
  action: (values: TComment) => Promise<Result<unknown>>;
}) {
  const router = useRouter();
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TComment>({ resolver: zodResolver(ZCommentSchema), defaultValues: { body: "" }, shouldFocusError: false });
  const field = `${id}-tekst`;
  const onSubmit = handleSubmit(
    async (values) => {
      setMessage(null);
      setDone(null);
      const result = await action(values);
      if (result.status === "ok") {
        reset();
        setDone(result.message ?? null);
        router.refresh();
        return;
      }
      const bodyError = result.status === "invalid" ? result.fieldErrors.body : undefined;
      if (bodyError) setError("body", { type: "server", message: bodyError });
      else setMessage(result.message);
      setAttempt((count) => count + 1);
    },
    () => setAttempt((count) => count + 1),
  );
  const summary = [...(errors.body?.message ? [{ field, message: errors.body.message }] : []), ...(message ? [{ message }] : [])];
  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-2">
      <ErrorSummary errors={summary} attempt={attempt} title="De opmerking is niet geplaatst" />
      <label htmlFor={field} className="block font-semibold">
        {label}
      </label>
      <textarea
        id={field}
        rows={3}
        className={inputClass}
        aria-invalid={errors.body ? true : undefined}
        aria-describedby={errors.body ? `${field}-fout` : undefined}
        {...register("body")}
      />
      {errors.body?.message && (
        <p id={`${field}-fout`} className="font-semibold text-red-800">
          {errors.body.message}
        </p>
      )}
      <button type="submit" className={secondaryButtonClass} disabled={isSubmitting}>
        {submitLabel}
      </button>
      {done && <p role="status">{done}</p>}
    </form>
  );
}
