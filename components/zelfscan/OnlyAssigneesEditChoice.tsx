"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { Result } from "@/lib/shared/result";
import { ONLY_ASSIGNEES_EDIT_LABEL } from "@/lib/shared/zelfscan/assignment-schema";

/** The coordinator's choice whether colleagues may also change onderdelen that are not theirs. */
export function OnlyAssigneesEditChoice({ current, action }: { current: boolean; action: (onlyAssigneesEdit: boolean) => Promise<Result<unknown>> }) {
  const [value, setValue] = useState(current);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      method="post"
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setMessage((await action(value)).message ?? null);
        setPending(false);
      }}
    >
      <fieldset className="space-y-1">
        <legend className="font-semibold">Mogen collega&apos;s onderdelen aanpassen die niet aan hen zijn toegewezen?</legend>
        {([false, true] as const).map((option) => (
          <label key={String(option)} className="flex items-center gap-2">
            <input type="radio" name="onlyAssigneesEdit" checked={value === option} onChange={() => setValue(option)} />
            {ONLY_ASSIGNEES_EDIT_LABEL[option ? "true" : "false"]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Keuze opslaan
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
