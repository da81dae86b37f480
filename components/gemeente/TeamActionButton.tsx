"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";

/** A button in a team row (renew an invitation) whose answer is read out where it was pressed. */
export function TeamActionButton({ label, action }: { label: string; action: () => Promise<Result> }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);

  async function run() {
    setPending(true);
    setAnswer(null);
    const result = await action();
    setPending(false);
    setAnswer({ ok: result.status === "ok", text: result.message ?? "Gedaan." });
    if (result.status === "ok") router.refresh();
  }

  return (
    <div className="space-y-2">
      <button type="button" className={secondaryButtonClass} disabled={pending} onClick={run}>
        {pending ? "Bezig…" : label}
      </button>
      <p role="status" className={answer ? (answer.ok ? "max-w-prose text-green-900" : "max-w-prose font-semibold text-red-800") : "sr-only"}>
        {answer?.text}
      </p>
    </div>
  );
}
