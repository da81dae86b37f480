import Link from "next/link";

export type RegioSection = "overzicht" | "meetrondes" | "plan" | "vergelijking";

const SECTIONS: { key: RegioSection; label: string; path: string }[] = [
  { key: "overzicht", label: "Overzicht", path: "" },
  { key: "meetrondes", label: "Meetrondes", path: "/meetrondes" },
  { key: "plan", label: "Regionaal uitvoeringsplan", path: "/plan" },
  { key: "vergelijking", label: "Vergelijking tussen rondes", path: "/vergelijking" },
];

/** Navigation between the pages of one region; the current page is marked in words and with aria-current. */
export function RegioNav({ slug, current }: { slug: string; current: RegioSection }) {
  return (
    <nav aria-label="Regio" className="border-b border-slate-300 pb-3">
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <Link
              href={`/regios/${slug}${section.path}`}
              aria-current={section.key === current ? "page" : undefined}
              className={section.key === current ? "font-bold text-slate-900 no-underline" : "text-brand-700 underline underline-offset-4"}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
