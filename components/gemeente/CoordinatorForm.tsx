"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { SelectField } from "@/components/beheer/fields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";

/**
 * Chooses the gemeente's coordinator among its active officers, or none. For a leader of the
 * region (the team page) and a beheerder (Beheer › Gemeenten).
 */
export function CoordinatorForm({
  gemeente,
  coordinatorId,
  candidates,
  action,
}: {
  gemeente: string;
  coordinatorId: string | null;
  candidates: { id: string; name: string; email: string }[];
  action: (userId: string | null) => Promise<Result>;
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState(coordinatorId ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(null);
    const result = await action(chosen || null);
    setPending(false);
    if (result.status === "ok") {
      setDone(result.message ?? "De coördinator is opgeslagen.");
      router.refresh();
    } else {
      setError(result.status === "invalid" ? Object.values(result.fieldErrors).find(Boolean) || result.message : result.message);
      setAttempt((count) => count + 1);
    }
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4">
      <ErrorSummary errors={error ? [{ field: "coordinator", message: error }] : []} attempt={attempt} title="De coördinator is niet gewijzigd" />
      {done && (
        <p ref={doneRef} tabIndex={-1} role="status" className="max-w-prose rounded border-2 border-green-800 bg-green-50 p-4 font-semibold">
          {done}
        </p>
      )}
      <SelectField
        id="coordinator"
        label={`Coördinator van ${gemeente}`}
        hint="De coördinator nodigt collega's uit, verdeelt het werk en dient de zelfscan in. Zonder coördinator kan elke beleidsmedewerker indienen."
        error={error ?? undefined}
        options={candidates.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.email})` }))}
        placeholder="Geen coördinator"
        selectProps={{ value: chosen, onChange: (event) => setChosen(event.target.value) }}
      />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? "Bezig met opslaan…" : "Coördinator opslaan"}
      </button>
    </form>
  );
}
