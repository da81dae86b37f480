"use client";

import { usePathname } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

// A confirmation on the page itself, for a change whose form or button is gone once the page has
// refreshed (reopening a submitted scan, opening a round, deleting a row): its own status message
// would vanish with it, unseen and unannounced. The region is always in the page, so that a screen
// reader announces what is put in it; the message belongs to the address it was given on.
const MeldingContext = createContext<(text: string) => void>(() => {});

export function MeldingProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [melding, setMelding] = useState<{ text: string; pathname: string; count: number } | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const shown = melding && melding.pathname === pathname ? melding : null;
  useEffect(() => {
    // The button that was pressed may be gone: then keyboard focus would be lost on the body.
    if (shown && (document.activeElement === document.body || !document.activeElement?.isConnected)) regionRef.current?.focus();
  }, [shown]);
  return (
    <MeldingContext value={(text) => setMelding((previous) => ({ text, pathname, count: (previous?.count ?? 0) + 1 }))}>
      <div ref={regionRef} role="status" tabIndex={-1} className={shown ? "mb-6 rounded border-2 border-green-700 bg-green-50 p-3 font-semibold" : "sr-only"}>
        {shown?.text}
      </div>
      {children}
    </MeldingContext>
  );
}

/** Shows a confirmation at the top of the page (see MeldingProvider in the root layout). */
export function useMelding(): (text: string) => void {
  return useContext(MeldingContext);
}
