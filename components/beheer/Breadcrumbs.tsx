import Link from "next/link";
import { linkClass } from "@/components/ui/styles";

/** Where this beheer page sits: Beheer › Gebruikers › Anouk de Vries. */
export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav aria-label="Kruimelpad" className="text-sm">
      <ol className="flex flex-wrap gap-x-2">
        {items.map((item, index) => (
          <li key={`${item.label}-${index}`} className="flex gap-x-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <Link href={item.href} className={linkClass}>
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
