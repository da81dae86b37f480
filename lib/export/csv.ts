// Pure: CSV as Dutch Excel opens it (semicolon-separated, CRLF, with a BOM so that diacritics
// survive), guarded against formula injection. Every CSV export of the application uses this.

export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(", ") : String(value);
  // A cell starting with = + - @ (or tab/CR) would be run as a formula by spreadsheet programs.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
