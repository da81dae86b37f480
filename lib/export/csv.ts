// Pure: CSV as Dutch Excel opens it (semicolon-separated, CRLF, with a BOM so that diacritics
// survive), safe in every spreadsheet. Every CSV export of the application uses this.
//
// - Every cell that holds something is quoted, text and numbers alike, so that no separator a
//   program may choose (Dutch Excel takes ";", most others ","; some split on tabs) cuts a cell
//   in two: "Jan,=1+1" stays one cell. Numbers are quoted too because they have a decimal comma
//   ("2,5"): unquoted, a comma-separated reading would split them. Excel and LibreOffice still
//   read a quoted "2,5" as the number 2.5 in a Dutch locale (quotes only delimit the cell).
// - A formula character (= + - @, tab, CR, NUL, and the full-width = + - @) that starts a cell, or that
//   follows a character where a program ignoring the quotes would start one (, ; tab CR LF ") gets
//   a leading apostrophe, so that no spreadsheet runs text as a formula (CSV injection, OWASP).
//   Numbers are written as numbers and need none: "-0,5" is a negative number, never a formula.

const FORMULA_START = "=+\\-@\\t\\r\\u0000\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const CELL_START = new RegExp(`(?<=^|[,;\\t\\r\\n"])(?=[${FORMULA_START}])`, "g");

/** Text for a cell that cannot be split (an Excel workbook's cell): no formula at its start. */
export function safeText(text: string): string {
  return new RegExp(`^[${FORMULA_START}]`).test(text) ? `'${text}` : text;
}

/** Text for a CSV cell: no formula wherever a spreadsheet program could start a cell in it. */
export function safeCsvText(text: string): string {
  return text.replace(CELL_START, "'");
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Numbers with a decimal comma, so that Dutch Excel reads them as numbers.
  if (typeof value === "number") return Number.isFinite(value) ? quoted(String(value).replace(".", ",")) : "";
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(", ") : String(value);
  return quoted(safeCsvText(text));
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
