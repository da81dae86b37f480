"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { INVALID_MESSAGE, type Ok, type Result } from "@/lib/shared/result";
import type { SummaryError } from "@/components/ui/ErrorSummary";

/**
 * The one mapping of a server action's Result onto a form: `invalid` messages go into
 * react-hook-form's errors per field, everything else (and errors of fields the form does not have)
 * into the error summary, which is focused after every failed attempt (client-side or server-side).
 */
export function useActionFeedback<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly string[]) {
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);

  function begin() {
    setFormMessage(null);
    setDone(null);
  }

  function failedOnClient() {
    setFormMessage(null);
    setDone(null);
    setAttempt((count) => count + 1);
  }

  /** Applies the server's answer (lib/shared/result.ts); true when it succeeded. */
  function handle<R, C>(result: Result<R, C>): result is Ok<R> {
    if (result.status === "ok") {
      setDone(result.message ?? null);
      return true;
    }
    setAttempt((count) => count + 1);
    const entries = Object.entries(result.status === "invalid" ? result.fieldErrors : {}).filter((entry): entry is [string, string] => Boolean(entry[1]));
    const known = entries.filter(([field]) => fields.includes(field));
    const other = entries.filter(([field]) => !fields.includes(field)).map(([, message]) => message);
    for (const [field, message] of known) setError(field as Path<T>, { type: "server", message });
    const general = known.length === 0 || result.message !== INVALID_MESSAGE ? [result.message] : [];
    const text = [...general, ...other].join(" ");
    setFormMessage(text || null);
    return false;
  }

  /** The summary items: errors of the fields in form order, then the form's own (root) error and the general message. */
  function summary(errors: Partial<Record<string, { message?: unknown }>>): SummaryError[] {
    const items: SummaryError[] = fields.flatMap((field) => {
      const message = errors[field]?.message;
      return typeof message === "string" && message ? [{ field, message }] : [];
    });
    const root = errors.root?.message;
    if (typeof root === "string" && root) items.push({ message: root });
    return formMessage ? [...items, { message: formMessage }] : items;
  }

  return { begin, failedOnClient, handle, summary, attempt, done };
}
