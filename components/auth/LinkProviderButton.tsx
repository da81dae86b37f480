"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";

/**
 * "Koppelen met <provider>": the server first records a single-use link request bound to this
 * session (or invitation) in a cookie, then the browser goes to the identity provider. The
 * provider always asks who is signing in (prompt=login), so that the right identity is linked.
 */
export function LinkProviderButton({
  label,
  callbackUrl,
  start,
}: {
  label: string;
  callbackUrl: string;
  start: () => Promise<Result<{ nextAuthId: string }>>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function onClick() {
    setPending(true);
    setError(null);
    const result = await start();
    if (result.status !== "ok") {
      setPending(false);
      setError(result.message);
      setAttempt((count) => count + 1);
      return;
    }
    await signIn(result.data.nextAuthId, { callbackUrl }, { prompt: "login" });
  }

  return (
    <div className="space-y-2">
      <ErrorSummary errors={error ? [{ message: error }] : []} attempt={attempt} title="Koppelen is niet gestart" />
      <button type="button" className={secondaryButtonClass} disabled={pending} onClick={onClick}>
        {pending ? "Bezig…" : `Koppelen met ${label}`}
      </button>
    </div>
  );
}
