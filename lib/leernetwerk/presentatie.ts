// Presentation mode of a region's analysis (the plenary meeting): the parts it shows, and their
// anonymised variant (?anoniem=1), where every gemeente is "Gemeente A", "Gemeente B", … in its
// rows and in every text (toelichtingen, document titles and file names, the regional plan).
// Pure, no I/O; the letters are anoniem.ts's.
import type { CommonGap, HeatMapRow, RegioScan } from "@/lib/regio/aggregate";
import { anonimiseer, type Anonimisering } from "./anoniem";
import type { VoorbeeldenView } from "./voorbeelden";

type PresentatieActie = {
  id: string;
  title: string;
  description: string;
  onderdeelIds: string[];
  status: string;
  ownerName: string;
  ownerRole: string;
  deadline: Date | null;
  gemeenten: { id: string; name: string; accent: string }[];
};

export type Presentatie = {
  rows: HeatMapRow[];
  gaps: CommonGap[];
  voorbeelden: VoorbeeldenView[];
  acties: PresentatieActie[];
};

/** Labels in their own order: "Gemeente B" before "Gemeente AA". */
const byName = (a: string, b: string) => a.length - b.length || a.localeCompare(b, "nl");

/** The anonymisation of a round's gemeenten, with the round's key (anoniem.ts: presentatieSleutel). */
export function anonimiseringVoor(scans: readonly RegioScan[], sleutel: string): Anonimisering {
  return anonimiseer(
    scans.map((entry) => ({ id: entry.gemeente.id, name: entry.gemeente.name })),
    sleutel,
  );
}

/**
 * The same presentation with every gemeente replaced by its label. Rows and lists are sorted by
 * label (a gap's gemeenten by the size of their gap, then by label), so that their order does not give
 * away the alphabet of the names either. Ids become the label too and scan ids go: they reach the
 * page's data, where a saved page could otherwise tie a letter to a gemeente.
 */
export function anonimiseerPresentatie(presentatie: Presentatie, anoniem: Anonimisering): Presentatie {
  // The slug names the gemeente too: emptied.
  const gemeente = <G extends { id: string; name: string }>(value: G): G => ({
    ...value,
    id: anoniem.naam(value.id),
    name: anoniem.naam(value.id),
    ...("slug" in value ? { slug: "" } : {}),
  });
  return {
    rows: presentatie.rows.map((row) => ({ ...row, scanId: null, gemeente: gemeente(row.gemeente) })).sort((a, b) => byName(a.gemeente.name, b.gemeente.name)),
    gaps: presentatie.gaps.map((gap) => ({
      ...gap,
      gemeenten: gap.gemeenten
        .map((entry) => ({ ...entry, gemeente: gemeente(entry.gemeente), toelichting: anoniem.tekst(entry.toelichting) }))
        .sort((a, b) => b.gap - a.gap || byName(a.gemeente.name, b.gemeente.name)),
    })),
    voorbeelden: presentatie.voorbeelden.map((list) => ({
      ...list,
      voorbeelden: list.voorbeelden
        .map((voorbeeld) => ({
          ...voorbeeld,
          scanId: "",
          gemeente: gemeente(voorbeeld.gemeente),
          toelichting: anoniem.tekst(voorbeeld.toelichting),
          documents: voorbeeld.documents.map((document) => ({
            ...document,
            title: anoniem.tekst(document.title),
            versies: document.versies.map((versie) => ({ ...versie, fileName: anoniem.tekst(versie.fileName), uploadedBy: null })),
          })),
        }))
        .sort((a, b) => byName(a.gemeente.name, b.gemeente.name)),
    })),
    acties: presentatie.acties.map((actie) => ({
      ...actie,
      title: anoniem.tekst(actie.title),
      description: anoniem.tekst(actie.description),
      ownerName: anoniem.tekst(actie.ownerName),
      ownerRole: anoniem.tekst(actie.ownerRole),
      gemeenten: actie.gemeenten.map((entry) => ({ ...gemeente(entry), accent: anoniem.tekst(entry.accent) })).sort((a, b) => byName(a.name, b.name)),
    })),
  };
}
