"use client";

import { logout } from "./logout";
import { useCallback, useEffect, useRef, useState } from "react";

const WARN_BEFORE_MS = 2 * 60_000;

/** The session's end according to the server; null when it has ended; undefined when offline. */
async function askServer(method: "GET" | "POST"): Promise<Date | null | undefined> {
  try {
    const response = await fetch("/api/sessie", { method, cache: "no-store" });
    if (response.status === 401) return null;
    if (!response.ok) return undefined;
    const body = (await response.json()) as { verlooptOm?: string };
    return body.verlooptOm ? new Date(body.verlooptOm) : null;
  } catch {
    return undefined;
  }
}

/**
 * Warns two minutes before the idle timeout and lets the user stay signed in (WCAG 2.2.1).
 * Other activity (page views, autosaves) also extends the session on the server, so the timer
 * checks with the server before it warns.
 */
export function SessionTimeout({ initialExpiresAt }: { initialExpiresAt: string }) {
  const [expiresAt, setExpiresAt] = useState(() => new Date(initialExpiresAt));
  const [warning, setWarning] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const dialog = useRef<HTMLDialogElement>(null);
  const expired = useRef(false);

  // The user was warned and did nothing: the session ends on the server as well, so that a clock
  // that runs ahead of the server's can never leave a valid session behind a login page.
  const expire = useCallback(() => {
    if (expired.current) return;
    expired.current = true;
    dialog.current?.close();
    void logout("/login?verlopen=1");
  }, []);

  useEffect(() => {
    if (warning) return;
    const delay = Math.max(0, expiresAt.getTime() - WARN_BEFORE_MS - Date.now());
    const timer = window.setTimeout(async () => {
      const serverExpiry = await askServer("GET");
      if (serverExpiry === null) return expire();
      if (serverExpiry && serverExpiry.getTime() - Date.now() > WARN_BEFORE_MS) return setExpiresAt(serverExpiry);
      setWarning(true);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [expiresAt, warning, expire]);

  useEffect(() => {
    if (!warning) return;
    if (!dialog.current?.open) dialog.current?.showModal();
    const tick = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= expiresAt.getTime()) expire();
    }, 1000);
    return () => window.clearInterval(tick);
  }, [warning, expiresAt, expire]);

  async function stay() {
    const until = await askServer("POST");
    if (until === null) return expire();
    dialog.current?.close();
    setWarning(false);
    if (until) setExpiresAt(until);
  }

  const seconds = Math.max(0, Math.round((expiresAt.getTime() - now) / 1000));
  const remaining = seconds >= 60 ? `${Math.ceil(seconds / 60)} minuten` : `${seconds} seconden`;

  return (
    <dialog
      ref={dialog}
      aria-labelledby="sessie-titel"
      aria-describedby="sessie-tekst"
      className="m-auto max-w-md rounded border-2 border-slate-700 p-6 backdrop:bg-slate-900/60"
      onCancel={(event) => {
        // Escape means "I am still here", not "let me be logged out".
        event.preventDefault();
        void stay();
      }}
    >
      <h2 id="sessie-titel" className="text-lg font-semibold">
        U wordt bijna uitgelogd
      </h2>
      <p id="sessie-tekst" className="mt-2">
        U bent een tijd niet actief geweest. Over {remaining} wordt u automatisch uitgelogd. Uw opgeslagen werk blijft bewaard.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" autoFocus onClick={() => void stay()} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          Ingelogd blijven
        </button>
        <button type="button" onClick={() => logout("/login?uitgelogd=1")} className="rounded border border-slate-600 px-4 py-2">
          Uitloggen
        </button>
      </div>
    </dialog>
  );
}
