// The shared good examples of one onderdeel (the learning network): per gemeente that scores 3 and
// shares, its toelichting and documents (title, ingangsdatum, download). Who uploaded a file is not
// shown: it is another gemeente's personal data. With `nietGedeeld` (the region's leader) the page
// also says how many more score 3 without sharing, without naming them. `anoniem` (presentation
// mode) replaces names in every text shown, file names included.
import { formatDay, formatFileSize } from "@/lib/shared/format";
import { voorbeeldDownloadHref } from "@/lib/shared/leernetwerk/schema";
import type { VoorbeeldView } from "@/lib/leernetwerk/voorbeelden";
import { linkClass } from "@/components/ui/styles";

type Anoniem = { naam: (gemeenteId: string) => string; tekst: (text: string) => string };

export function GoedeVoorbeelden({
  onderdeelId,
  voorbeelden,
  nietGedeeld,
  headingLevel,
  anoniem,
  downloads = true,
}: {
  onderdeelId: string;
  voorbeelden: readonly VoorbeeldView[];
  nietGedeeld?: number;
  headingLevel: 3 | 4;
  anoniem?: Anoniem;
  downloads?: boolean;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const naam = (voorbeeld: VoorbeeldView) => (anoniem ? anoniem.naam(voorbeeld.gemeente.id) : voorbeeld.gemeente.name);
  const tekst = (text: string) => (anoniem ? anoniem.tekst(text) : text);
  const others =
    nietGedeeld === undefined || nietGedeeld === 0
      ? null
      : `${voorbeelden.length ? "Nog " : ""}${nietGedeeld} ${nietGedeeld === 1 ? "gemeente scoort" : "gemeenten scoren"} hier 3, maar ${nietGedeeld === 1 ? "deelt haar" : "delen hun"} voorbeeld niet.`;
  return (
    <div className="goede-voorbeelden space-y-2" data-voorbeelden={onderdeelId}>
      <Heading className="font-semibold">Goede voorbeelden bij onderdeel {onderdeelId}</Heading>
      {voorbeelden.length === 0 ? (
        <p>Geen gemeente in de regio die hier 3 scoort deelt haar voorbeeld.</p>
      ) : (
        <div role="region" aria-label={`Goede voorbeelden bij onderdeel ${onderdeelId}`} tabIndex={0} className="max-w-full overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Gemeenten die onderdeel {onderdeelId} goed doen (score 3) en hun voorbeeld delen</caption>
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-1 pr-3">
                  Gemeente (score 3)
                </th>
                <th scope="col" className="py-1 pr-3">
                  Toelichting
                </th>
                <th scope="col" className="py-1 pr-3">
                  Documenten
                </th>
              </tr>
            </thead>
            <tbody>
              {voorbeelden.map((voorbeeld) => (
                <tr key={voorbeeld.gemeente.id} className="border-b border-slate-300 align-top">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {naam(voorbeeld)}
                  </th>
                  <td className="tekst py-1 pr-3 whitespace-pre-line">{tekst(voorbeeld.toelichting) || "Geen toelichting"}</td>
                  <td className="min-w-48 py-1 pr-3">
                    {voorbeeld.documents.length === 0 ? (
                      "Geen documenten"
                    ) : (
                      <ul aria-label={`Documenten van ${naam(voorbeeld)} bij onderdeel ${onderdeelId}`} className="space-y-1">
                        {voorbeeld.documents.map((document) => {
                          const current = document.versies[0];
                          return (
                            <li key={document.id}>
                              <span className="font-semibold">{tekst(document.title)}</span>, ingangsdatum {formatDay(document.ingangsdatum)}
                              {current && downloads && (
                                <>
                                  {" "}
                                  <a href={voorbeeldDownloadHref(voorbeeld.scanId, onderdeelId, current.id)} download className={`${linkClass} break-words`}>
                                    {tekst(current.fileName)}
                                    <span className="sr-only"> downloaden</span>
                                  </a>{" "}
                                  ({formatFileSize(current.size)})
                                </>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {others && <p>{others}</p>}
    </div>
  );
}
