// Pure: the scan export as CSV (lib/export/csv.ts).
import { toCsv } from "@/lib/export/csv";
import type { ZelfscanExport } from "./queries";

export function zelfscanToCsv(data: ZelfscanExport): string {
  const rows: unknown[][] = [
    ["gemeente", "meetronde", "kaderversie", "status"],
    [data.gemeente, data.meetronde, data.kaderversie, data.status],
    [],
    ["item", "score", "weet ik niet", "toelichting", "vastgelegd in", "doelniveau", "versie", "laatst gewijzigd", "laatst gewijzigd door"],
    ...data.antwoorden.map((a) => [
      a.item,
      a.score,
      a.weetIkNiet ? "ja" : "nee",
      a.toelichting,
      a.vastgelegdIn,
      a.doelniveau,
      a.versie,
      a.laatstGewijzigd,
      a.laatstGewijzigdDoor,
    ]),
    [],
    ["item", "document", "ingangsdatum", "bestand", "versie"],
    ...data.documenten.map((d) => [d.item, d.titel, d.ingangsdatum, d.bestand, d.versie]),
    [],
    ["tijd", "actie", "door", "details"],
    ...data.geschiedenis.map((h) => [h.tijd, h.actie, h.door, JSON.stringify(h.details)]),
  ];
  return toCsv(rows);
}
