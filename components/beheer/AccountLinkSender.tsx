"use client";

import { useEffect, useRef, useState } from "react";
import type { Result } from "@/lib/shared/result";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";

/**
 * Sends an invitation or password-reset link to the account's own address. The page never gets
 * the link: it says to which address it went and until when it works.
 */
export function AccountLinkSender({
  buttonLabel,
  explanation,
  mailbox,
  action,
}: {
  buttonLabel: string;
  explanation: string;
  /** No mail server: the message waits in the application's own mailbox. */
  mailbox: boolean;
  action: () => Promise<Result<unknown>>;
}) {
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const sentRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  async function send() {
    setPending(true);
    setError(null);
    setSent(null);
    const result = await action();
    setPending(false);
    if (result.status === "ok") setSent(result.message ?? "Het bericht is verstuurd.");
    else {
      setError(result.message);
      setAttempt((count) => count + 1);
    }
  }

  return (
    <div className="space-y-3">
      <ErrorSummary errors={error ? [{ message: error }] : []} attempt={attempt} title="Er is niets verstuurd" />
      <p className="max-w-prose">{explanation}</p>
      <button type="button" className={primaryButtonClass} disabled={pending} onClick={send}>
        {pending ? "Bezig…" : buttonLabel}
      </button>
      {sent && (
        <div className="space-y-2 rounded border-2 border-green-800 bg-green-50 p-4">
          <p ref={sentRef} tabIndex={-1} role="status" className="max-w-prose font-semibold">
            {sent}
          </p>
          {mailbox && (
            <p className="max-w-prose">
              Er is geen mailserver ingesteld (een demo): het bericht staat in het postvak van de applicatie, onder Beheer, Berichten.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
