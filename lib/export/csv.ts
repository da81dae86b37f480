// Pure: CSV as Dutch Excel opens it (semicolon-separated, CRLF, with a BOM so that diacritics
// survive), guarded against formula injection. Every CSV export of the application uses this.

/** Text a spreadsheet program can never run as a formula: a leading = + - @ tab or CR gets a quote. */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  // Numbers with a decimal comma, so that Dutch Excel reads them as numbers.
  if (typeof value === "number") return String(value).replace(".", ",");
  const text = safeText(
    value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(", ") : String(value),
  );
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
