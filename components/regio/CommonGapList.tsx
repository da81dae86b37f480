import Link from "next/link";
import type { ReactNode } from "react";
import { DocumentList } from "@/components/documenten/DocumentList";
import type { CommonGap } from "@/lib/regio/aggregate";
import type { DocumentView } from "@/lib/shared/documenten/documents";
import { formatScore } from "@/lib/shared/format";

const link = "text-brand-700 underline underline-offset-4";

/**
 * The gaps the region's gemeenten share, the most shared first: per item the gemeenten below
 * their target with score, target and explanation. On the page (with `scanHref`) each gemeente
 * links to its answer and the item's text folds open; without, as in the PDF, it is plain text.
 * With `documentsOf` a column beside the toelichting lists the gemeente's evidence documents for
 * the item, each downloadable in the scan's scope. `after` adds what follows an item's table (the
 * learning network's good examples).
 */
export function CommonGapList({
  gaps,
  headingLevel,
  scanHref,
  documentsOf,
  after,
}: {
  gaps: readonly CommonGap[];
  headingLevel: 2 | 3;
  scanHref?: (gemeenteId: string, onderdeelId: string) => string | undefined;
  documentsOf?: (gemeenteId: string, onderdeelId: string) => { documents: DocumentView[]; downloadHref: (versieId: string) => string };
  after?: (onderdeelId: string) => ReactNode;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="gedeelde-tekortkomingen space-y-8" aria-label="Gedeelde tekortkomingen">
      {gaps.map((gap, index) => (
        <li key={gap.onderdeel.id} className="gat space-y-2" data-onderdeel={gap.onderdeel.id}>
          <Heading className="text-lg font-semibold">
            {index + 1}. Onderdeel {gap.onderdeel.id}: {gap.onderdeel.shortTitle}
          </Heading>
          <p>
            {gap.gemeenten.length} gemeenten onder het doelniveau, gemiddeld tekort {formatScore(gap.meanGap)}.
          </p>
          {scanHref ? (
            <details>
              <summary className="cursor-pointer text-brand-700 underline underline-offset-4">Tekst van onderdeel {gap.onderdeel.id}</summary>
              <p className="mt-1">{gap.onderdeel.text}</p>
            </details>
          ) : (
            <p className="officieel">{gap.onderdeel.text}</p>
          )}
          <div role="region" aria-label={`Toelichtingen bij onderdeel ${gap.onderdeel.id}`} tabIndex={0} className="relative max-w-full overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Gemeenten onder het doelniveau op onderdeel {gap.onderdeel.id}, met hun toelichting</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-1 pr-3">
                    Gemeente
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Score
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Doel
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Toelichting
                  </th>
                  {documentsOf && (
                    <th scope="col" className="py-1 pr-3">
                      Documenten
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {gap.gemeenten.map((entry) => {
                  const href = scanHref?.(entry.gemeente.id, gap.onderdeel.id);
                  return (
                    <tr key={entry.gemeente.id} className="border-b border-slate-300 align-top">
                      <th scope="row" className="py-1 pr-3 font-normal">
                        {href ? (
                          <Link href={href} className={link}>
                            {entry.gemeente.name}
                          </Link>
                        ) : (
                          entry.gemeente.name
                        )}
                      </th>
                      <td className="py-1 pr-3">{entry.weetIkNiet ? "Weet ik niet" : entry.value}</td>
                      <td className="py-1 pr-3">{entry.doelniveau}</td>
                      <td className="tekst py-1 pr-3 whitespace-pre-line">{entry.toelichting || "Geen toelichting"}</td>
                      {documentsOf && (
                        <td className="min-w-48 py-1 pr-3">
                          <DocumentList
                            {...documentsOf(entry.gemeente.id, gap.onderdeel.id)}
                            label={`Documenten van ${entry.gemeente.name} bij onderdeel ${gap.onderdeel.id}`}
                            emptyText="Geen documenten"
                          />
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {after?.(gap.onderdeel.id)}
        </li>
      ))}
    </ol>
  );
}
