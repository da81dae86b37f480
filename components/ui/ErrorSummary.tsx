"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { field?: string; message: string };

/** Errors of a form, announced and focused so keyboard and screen-reader users find them first. */
export function ErrorSummary({ errors, title = "Er is iets niet goed gegaan" }: { errors: SummaryError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((error) => `${error.field}:${error.message}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="foutmelding-titel" className="rounded border-2 border-red-700 bg-red-50 p-4">
      <h2 id="foutmelding-titel" className="font-semibold text-red-800">
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
