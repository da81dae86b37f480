import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV for Dutch Excel", () => {
  it("starts with a BOM, separates with semicolons and ends lines with CRLF", () => {
    expect(toCsv([["gemeente", "score"], ["Súdwest-Fryslân", 2]])).toBe("\uFEFFgemeente;score\r\nSúdwest-Fryslân;2\r\n");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
  });

  it("neutralises formulas", () => {
    for (const input of ["=SUM(A1)", "+31", "-1", "@cmd", "\tx"]) expect(csvCell(input).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell("<b>vet</b>")).toBe("<b>vet</b>");
  });

  it("writes numbers with a decimal comma, negative numbers as numbers", () => {
    expect(toCsv([[1.25, -0.5, 3]])).toBe("\uFEFF1,25;-0,5;3\r\n");
  });

  it("writes empty cells for null, lists joined, dates as ISO", () => {
    expect(toCsv([[null, undefined, ["a", "b"], new Date("2027-01-29T22:59:59.999Z")]])).toBe("\uFEFF;;a, b;2027-01-29T22:59:59.999Z\r\n");
  });
});
