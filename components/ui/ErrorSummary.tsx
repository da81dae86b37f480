"use client";

import { useEffect, useId, useRef } from "react";

export type SummaryError = { field?: string; message: string };

/**
 * The errors of a form at the top of the form. It receives focus after a failed submit, so
 * keyboard and screen-reader users hear first what went wrong; each item links to its field.
 * Pass `attempt` (a counter that changes with every submit) to have the same errors announced
 * and focused again on a second try.
 */
export function ErrorSummary({ errors, title = "Er is iets niet goed gegaan", attempt = 0 }: { errors: SummaryError[]; title?: string; attempt?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const key = errors.map((error) => `${error.field}:${error.message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key, attempt]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId} className="rounded border-2 border-red-700 bg-red-50 p-4">
      <h2 id={titleId} className="font-semibold text-red-800">
        {title}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {errors.map((error) => (
          <li key={`${error.field}:${error.message}`}>
            {error.field ? (
              <a href={`#${error.field}`} className="text-red-800 underline">
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
