import type { ReactNode } from "react";

/**
 * A wide table scrolls inside its own box at 320 px instead of widening the page (WCAG 1.4.10);
 * the box can be focused so that keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="max-w-full overflow-x-auto">
      {children}
    </div>
  );
}
