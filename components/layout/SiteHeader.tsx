import Link from "next/link";
import { LogoutButton } from "@/components/auth/LogoutButton";

/** A badge: what is shown (a count) and what follows the label in the link's accessible name instead. */
export type NavItem = { href: string; label: string; badge?: { shown: string; spoken: string } };

export function SiteHeader({ userName, nav }: { userName: string | null; nav: NavItem[] }) {
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-white no-underline">
          Zelfscan Werken aan Veiligheid
        </Link>
        <nav aria-label="Hoofdmenu">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {nav.map((item) => (
              <li key={item.href}>
                {/* With a badge, the name is the label and the count in words ("Mijn taken, 5 openstaand"); the visible label comes first in it. */}
                <Link
                  href={item.href}
                  aria-label={item.badge ? `${item.label}${item.badge.spoken}` : undefined}
                  className="text-white underline underline-offset-4"
                >
                  {item.label}
                  {item.badge && (
                    <span aria-hidden="true" className="ml-1 rounded-full bg-white px-2 text-sm font-semibold text-brand-800 no-underline">
                      {item.badge.shown}
                    </span>
                  )}
                </Link>
              </li>
            ))}
            {userName ? (
              <>
                <li className="text-sm">
                  <span className="sr-only">Ingelogd als </span>
                  {userName}
                </li>
                <li>
                  <LogoutButton className="rounded border border-white px-3 py-1 text-white" />
                </li>
              </>
            ) : (
              <li>
                <Link href="/login" className="text-white underline underline-offset-4">
                  Inloggen
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
