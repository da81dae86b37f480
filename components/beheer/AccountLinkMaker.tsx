"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { MadeLink } from "@/lib/shared/beheer/made-link";
import type { Result } from "@/lib/shared/result";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";

/**
 * Makes an invitation or password-reset link and shows it once, with a copy button and the time
 * until which it works. The link is not stored anywhere it could be shown again.
 */
export function AccountLinkMaker({
  buttonLabel,
  linkLabel,
  explanation,
  action,
}: {
  buttonLabel: string;
  linkLabel: string;
  explanation: string;
  action: () => Promise<Result<MadeLink>>;
}) {
  const [link, setLink] = useState<MadeLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const inputId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (link) headingRef.current?.focus();
  }, [link]);

  async function make() {
    setPending(true);
    setError(null);
    setCopied(null);
    const result = await action();
    setPending(false);
    if (result.status === "ok") setLink(result.data);
    else {
      setError(result.message);
      setAttempt((count) => count + 1);
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("De link is gekopieerd.");
    } catch {
      inputRef.current?.select();
      setCopied("Kopiëren lukte niet automatisch. De link is geselecteerd; kopieer hem met Ctrl+C (of Cmd+C).");
    }
  }

  return (
    <div className="space-y-3">
      <ErrorSummary errors={error ? [{ message: error }] : []} attempt={attempt} title="Er is geen link gemaakt" />
      <p className="max-w-prose">{explanation}</p>
      <button type="button" className={primaryButtonClass} disabled={pending} onClick={make}>
        {pending ? "Bezig…" : buttonLabel}
      </button>
      {link && (
        <div className="space-y-2 rounded border-2 border-green-800 bg-green-50 p-4">
          <h3 ref={headingRef} tabIndex={-1} className="font-semibold">
            {linkLabel} gemaakt
          </h3>
          <p className="max-w-prose">
            Kopieer de link nu en geef hem aan de gebruiker. De link wordt maar één keer getoond, werkt één keer en is geldig tot{" "}
            <strong>{link.expiresAtText}</strong>. Een oudere link voor deze gebruiker werkt niet meer.
          </p>
          <label htmlFor={inputId} className="block font-semibold">
            {linkLabel}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            readOnly
            value={link.url}
            className={`${inputClass} font-mono text-sm`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className={secondaryButtonClass} onClick={copy}>
            Link kopiëren
          </button>
          <p role="status" className="font-semibold text-green-800">
            {copied}
          </p>
        </div>
      )}
    </div>
  );
}
