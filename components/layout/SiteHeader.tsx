import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-white no-underline">
          Zelfscan Werken aan Veiligheid
        </Link>
        <nav aria-label="Hoofdmenu">
          <ul className="flex flex-wrap gap-4">
            <li>
              <Link href="/kwaliteitskader" className="text-white underline underline-offset-4">
                Kwaliteitskader
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
