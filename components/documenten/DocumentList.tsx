// The evidence documents of one onderdeel as everyone who may read the scan sees them: title,
// ingangsdatum, the current version's file with its size and a download link, and the history of
// versions (who uploaded which file when). The wizard adds its buttons per document (`actions`).
// Downloads are links to the scoped download routes, which always answer with an attachment.
import type { ReactNode } from "react";
import { formatDateTime, formatDay, formatFileSize } from "@/lib/shared/format";
import type { DocumentView } from "@/lib/shared/documenten/documents";
import { linkClass } from "@/components/ui/styles";

export function DocumentList({
  documents,
  downloadHref,
  label,
  actions,
  emptyText = "Nog geen documenten.",
}: {
  documents: readonly DocumentView[];
  /** The download address of a version (lib/shared/documenten/documents.ts builds them). */
  downloadHref: (versieId: string) => string;
  /** The list's accessible name, e.g. "Documenten bij onderdeel 3a". */
  label: string;
  actions?: (document: DocumentView) => ReactNode;
  /** Shown when there are none; null shows nothing at all. */
  emptyText?: string | null;
}) {
  if (documents.length === 0) return emptyText === null ? null : <p className="text-sm">{emptyText}</p>;
  return (
    <ul aria-label={label} className="space-y-3">
      {documents.map((document) => {
        const current = document.versies[0];
        return (
          <li key={document.id} className="space-y-1 rounded border border-slate-300 p-2">
            <p>
              <span className="font-semibold">{document.title}</span>
              <span className="text-sm">, ingangsdatum {formatDay(document.ingangsdatum)}</span>
            </p>
            {current && (
              <p className="text-sm break-words">
                <a href={downloadHref(current.id)} download className={linkClass}>
                  {current.fileName}
                  <span className="sr-only"> downloaden</span>
                </a>{" "}
                ({formatFileSize(current.size)})
              </p>
            )}
            {current && (
              <details className="text-sm">
                <summary className="cursor-pointer text-brand-800 underline">
                  Versie {current.nummer}
                  <span className="sr-only">
                    {" "}
                    van {document.title}: {document.versies.length === 1 ? "1 versie" : `${document.versies.length} versies`}
                  </span>
                </summary>
                <ol aria-label={`Versies van ${document.title}`} className="mt-1 space-y-1 pl-4">
                  {document.versies.map((versie) => (
                    <li key={versie.id} className="break-words">
                      Versie {versie.nummer}:{" "}
                      <a href={downloadHref(versie.id)} download className={linkClass}>
                        {versie.fileName}
                      </a>{" "}
                      ({formatFileSize(versie.size)}), {formatDateTime(versie.uploadedAt)}
                      {versie.uploadedBy ? ` door ${versie.uploadedBy}` : ""}
                    </li>
                  ))}
                </ol>
              </details>
            )}
            {actions?.(document)}
          </li>
        );
      })}
    </ul>
  );
}
