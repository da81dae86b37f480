"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { Result } from "@/lib/shared/result";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { useMelding } from "@/components/ui/Melding";
import { dangerButtonClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";

/**
 * A button for a consequential step (deactivate, reactivate, revoke a role) that first asks for
 * confirmation in place: the question receives focus, "Annuleren" returns focus to the button.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  action,
  danger = false,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  action: () => Promise<Result<unknown, unknown>>;
  danger?: boolean;
}) {
  const router = useRouter();
  const toon = useMelding();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [returnFocus, setReturnFocus] = useState(false);
  const questionId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (returnFocus) buttonRef.current?.focus();
  }, [returnFocus]);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await action();
    setPending(false);
    if (result.status === "ok") {
      setAsking(false);
      // What was confirmed may be gone after the refresh (a deleted row): the page says it.
      if (result.message) toon(result.message);
      router.refresh();
    } else {
      setError(result.message);
      setAttempt((count) => count + 1);
    }
  }

  if (!asking) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={danger ? dangerButtonClass : secondaryButtonClass}
        onClick={() => {
          setReturnFocus(false);
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={questionId} className="space-y-3 rounded border-2 border-slate-700 bg-slate-50 p-4">
      <ErrorSummary errors={error ? [{ message: error }] : []} attempt={attempt} />
      <p id={questionId} ref={questionRef} tabIndex={-1} className="font-semibold">
        {question}
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="button" disabled={pending} className={danger ? dangerButtonClass : primaryButtonClass} onClick={confirm}>
          {pending ? "Bezig…" : confirmLabel}
        </button>
        <button
          type="button"
          disabled={pending}
          className={secondaryButtonClass}
          onClick={() => {
            setAsking(false);
            setReturnFocus(true);
          }}
        >
          Annuleren
        </button>
      </div>
    </div>
  );
}
