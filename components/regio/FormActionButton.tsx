"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { useMelding } from "@/components/ui/Melding";
import type { Result } from "@/lib/shared/result";

/**
 * One button that runs a server form action (open or close a round, delete an action, load a
 * framework version); the outcome is announced next to it in words.
 */
export function FormActionButton({
  action,
  fields,
  label,
  pendingLabel,
  doneMessage,
  variant = "primary",
  confirmQuestion,
}: {
  /** A server action that answers with a Result (lib/shared/result.ts). */
  action: (previous: Result<unknown, unknown> | null, form: FormData) => Promise<Result<unknown, unknown>>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  doneMessage: string;
  variant?: "primary" | "danger";
  /** Asked before an action that cannot be undone; the button then runs it only after "Ja". */
  confirmQuestion?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  const router = useRouter();
  const [result, formAction, pending] = useActionState(action, null);
  const toon = useMelding();
  useEffect(() => {
    if (result?.status !== "ok") return;
    // The button may be gone after the refresh (a round that was opened shows "sluiten"): the page says it.
    toon(doneMessage);
    router.refresh();
  }, [result, router, toon, doneMessage]);
  const className =
    variant === "danger"
      ? "rounded border-2 border-red-800 px-3 py-1 font-semibold text-red-800 disabled:opacity-70"
      : "rounded bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800 disabled:opacity-70";
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirmQuestion && !pending ? (
        asking ? (
          <>
            <span>{confirmQuestion}</span>
            <button ref={confirmRef} type="submit" className={className}>
              Ja, {label}
            </button>
            <button type="button" onClick={() => setAsking(false)} className="rounded border-2 border-slate-700 px-3 py-1 font-semibold">
              Annuleren
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setAsking(true)} className={className}>
            {label}
          </button>
        )
      ) : (
        <button type="submit" disabled={pending} className={className}>
          {pending ? pendingLabel : label}
        </button>
      )}
      <span role="status" className={result && result.status !== "ok" ? "text-red-800" : undefined}>
        {result === null || result.status === "ok" ? "" : result.message}
      </span>
    </form>
  );
}
