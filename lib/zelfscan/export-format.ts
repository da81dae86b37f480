// Pure: the scan export as CSV (semicolon-separated, as Dutch Excel expects, with a BOM so that
// diacritics survive), guarded against formula injection.
import type { ZelfscanExport } from "./queries";

function cell(value: unknown): string {
  let text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  // A cell starting with = + - @ (or tab/CR) would be run as a formula by spreadsheet programs.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function zelfscanToCsv(data: ZelfscanExport): string {
  const rows: unknown[][] = [
    ["gemeente", "meetronde", "kaderversie", "status"],
    [data.gemeente, data.meetronde, data.kaderversie, data.status],
    [],
    ["item", "score", "weet ik niet", "toelichting", "vastgelegd in", "doelniveau", "versie", "laatst gewijzigd", "laatst gewijzigd door"],
    ...data.antwoorden.map((a) => [a.item, a.score, a.weetIkNiet ? "ja" : "nee", a.toelichting, a.vastgelegdIn, a.doelniveau, a.versie, a.laatstGewijzigd, a.laatstGewijzigdDoor]),
    [],
    ["tijd", "actie", "door", "details"],
    ...data.geschiedenis.map((h) => [h.tijd, h.actie, h.door, JSON.stringify(h.details)]),
  ];
  return `\uFEFF${rows.map((row) => row.map(cell).join(";")).join("\r\n")}\r\n`;
}
