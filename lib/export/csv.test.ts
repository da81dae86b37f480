import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, safeCsvText, safeText, toCsv } from "./csv";

/**
 * Every cell as a program reading the file with this separator would see it. Read with "," the
 * quotes of a ";" file no longer delimit cells (relax_quotes: a closing quote followed by ";" is
 * kept as text); a leading quote is removed before the check, as a program might.
 */
const cells = (csv: string, delimiter: string): string[] =>
  (parse(csv, { bom: true, delimiter, relax_column_count: true, relax_quotes: true }) as string[][]).flat().map((cell) => cell.replace(/^"+/, ""));
/** What a program that ignores quotes would take for cells: everything between separators and line breaks. */
const naiveCells = (csv: string): string[] =>
  csv
    .replace(/^\uFEFF/, "")
    .split(/[,;\t\r\n]/)
    .map((cell) => cell.replace(/^"+/, ""));
const NUMBER = /^-?\d+(,\d+)?"?$/;
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const HOSTILE = [
  "Jan,=1+1",
  "Jan;=1+1",
  "Jan\t=1+1",
  'regel 1\r\n=HYPERLINK("http://x")',
  "regel 1\n-2+3",
  'zei "=1+1"',
  "x,+31 6 1234",
  "x;@SUM(A1)",
  "=cmd|' /C calc'!A0",
  "\t=1",
  "\r=1",
  "a,\t=1",
  "＝1+1",
  "a,＋1",
];

describe("CSV for Dutch Excel, safe in every spreadsheet", () => {
  it("starts with a BOM, separates with semicolons, quotes every cell and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["gemeente", "score"],
        ["Súdwest-Fryslân", 2],
      ]),
    ).toBe('\uFEFF"gemeente";"score"\r\n"Súdwest-Fryslân";"2"\r\n');
  });

  it("quotes separators, quotes and line breaks inside a cell", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
  });

  it("neutralises formulas at the start of a cell and after anything a spreadsheet could split on", () => {
    expect(csvCell("Jan,=1+1")).toBe(`"Jan,'=1+1"`);
    expect(csvCell("Jan;=1+1")).toBe(`"Jan;'=1+1"`);
    expect(csvCell("regel\n-2+3")).toBe(`"regel\n'-2+3"`);
    expect(csvCell('zei "=1"')).toBe(`"zei ""'=1"""`);
    for (const input of ["=SUM(A1)", "+31", "-1", "@cmd", "\tx", "\rx", "\u0000x", "＝1"])
      expect(csvCell(input).startsWith(`"'`), JSON.stringify(input)).toBe(true);
    expect(csvCell("<b>vet</b> a=b, c-d")).toBe('"<b>vet</b> a=b, c-d"');
  });

  it("leaves no cell starting with a formula character, read with ; or with , as separator, or with the quotes ignored", () => {
    const csv = toCsv([["tekst", "getal"], ...HOSTILE.map((text, index) => [text, index - 2.5])]);
    for (const delimiter of [";", ","]) {
      const read = cells(csv, delimiter);
      expect(read.length).toBeGreaterThan(HOSTILE.length * 2);
      for (const cell of read) if (!NUMBER.test(cell)) expect(cell, `${delimiter} ${JSON.stringify(cell)}`).not.toMatch(FORMULA);
    }
    for (const cell of naiveCells(csv)) if (!NUMBER.test(cell)) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
    // Read as it was written (with ;), every text comes back whole, apostrophes aside.
    const rows = parse(csv, { bom: true, delimiter: ";" }) as string[][];
    expect(rows.slice(1).map((row) => row[0]!.replace(/(^|[,;\t\r\n"])'/g, "$1"))).toEqual(HOSTILE);
  });

  it("writes numbers with a decimal comma, quoted so that a comma-separated reading keeps them whole", () => {
    expect(toCsv([[1.25, -0.5, 3]])).toBe('\uFEFF"1,25";"-0,5";"3"\r\n');
    expect(parse(toCsv([[2.5, "x"]]).replace(";", ","), { bom: true, delimiter: "," })).toEqual([["2,5", "x"]]);
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("writes empty cells for null, lists joined, dates as ISO", () => {
    expect(toCsv([[null, undefined, ["a", "b"], new Date("2027-01-29T22:59:59.999Z")]])).toBe('\uFEFF;;"a, b";"2027-01-29T22:59:59.999Z"\r\n');
  });

  it("keeps a workbook cell (which no program splits) as typed unless it starts with a formula", () => {
    expect(safeText("Jan,=1+1")).toBe("Jan,=1+1");
    expect(safeText("=1")).toBe("'=1");
    expect(safeCsvText("Jan,=1+1")).toBe("Jan,'=1+1");
  });
});
