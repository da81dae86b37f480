import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { linkClass, primaryButtonClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { getActivity } from "@/lib/zelfscan/activity";

export const metadata: Metadata = { title: "Activiteit in de zelfscan" };

type SearchParams = Promise<{ persoon?: string; eis?: string; pagina?: string }>;

export default async function ActiviteitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  const query = await searchParams;
  const actor = await requireActor(`/zelfscans/${id}/activiteit`);
  const eis = Number.parseInt(query.eis ?? "", 10);
  const activity = await getActivity(prisma(), actor, id, {
    userId: query.persoon || null,
    eis: Number.isInteger(eis) ? eis : null,
    page: Number.parseInt(query.pagina ?? "1", 10) || 1,
  });
  if (!activity) notFound();
  const pageHref = (page: number) => {
    const next = new URLSearchParams({ ...(query.persoon ? { persoon: query.persoon } : {}), ...(query.eis ? { eis: query.eis } : {}), pagina: String(page) });
    return `/zelfscans/${activity.scan.id}/activiteit?${next.toString()}`;
  };
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p>
          <Link href={`/zelfscans/${activity.scan.id}`} className={linkClass}>
            Zelfscan {activity.scan.gemeente} – {activity.scan.meetronde}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Activiteit</h1>
        <p>Wie wat heeft gewijzigd in deze zelfscan, het nieuwste eerst.</p>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Activiteit filteren">
        <div className="flex max-w-full min-w-0 flex-col">
          <label htmlFor="persoon" className="font-semibold">
            Persoon
          </label>
          <select id="persoon" name="persoon" defaultValue={query.persoon ?? ""} className="max-w-full rounded border border-slate-500 p-2">
            <option value="">Iedereen</option>
            {activity.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex max-w-full min-w-0 flex-col">
          <label htmlFor="eis" className="font-semibold">
            Eis
          </label>
          <select id="eis" name="eis" defaultValue={query.eis ?? ""} className="max-w-full rounded border border-slate-500 p-2">
            <option value="">Alle eisen</option>
            {activity.eisen.map((candidate) => (
              <option key={candidate.number} value={candidate.number}>
                Eis {candidate.number}: {candidate.shortTitle}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={primaryButtonClass}>
          Filteren
        </button>
      </form>

      {activity.entries.length === 0 ? (
        <p>Er is geen activiteit gevonden{query.persoon || query.eis ? " met deze filters" : ""}.</p>
      ) : (
        // A narrow screen scrolls the table, not the page (WCAG 1.4.10); the region can be reached with the keyboard.
        <div role="region" aria-label="Activiteit in de zelfscan" tabIndex={0} className="relative max-w-full overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">
              Activiteit in de zelfscan, pagina {activity.page} van {activity.pages}
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">
                  Wanneer
                </th>
                <th scope="col" className="p-2">
                  Wie
                </th>
                <th scope="col" className="p-2">
                  Wat
                </th>
                <th scope="col" className="p-2">
                  Onderdeel
                </th>
              </tr>
            </thead>
            <tbody>
              {activity.entries.map((entry) => (
                <tr key={entry.id} className="border-b border-slate-200">
                  <td className="p-2">{formatDateTime(entry.at)}</td>
                  <td className="p-2">{entry.who ?? "Onbekend"}</td>
                  <td className="p-2">{entry.label}</td>
                  <td className="p-2">{entry.onderdeelIds.length ? entry.onderdeelIds.join(", ") : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {activity.pages > 1 && (
        <nav aria-label="Pagina's" className="flex gap-4">
          {activity.page > 1 && (
            <Link href={pageHref(activity.page - 1)} className={linkClass}>
              Vorige pagina
            </Link>
          )}
          <span>
            Pagina {activity.page} van {activity.pages}
          </span>
          {activity.page < activity.pages && (
            <Link href={pageHref(activity.page + 1)} className={linkClass}>
              Volgende pagina
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
