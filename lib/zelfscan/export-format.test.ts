import { describe, expect, it } from "vitest";
import { zelfscanToCsv } from "./export-format";

const base = {
  gemeente: "Delft",
  meetronde: "Nulmeting 2021",
  kaderversie: "vng-werken-aan-veiligheid@2019",
  status: "INGEDIEND",
  documenten: [],
  geschiedenis: [],
};

describe("zelfscan CSV export", () => {
  it("quotes separators and keeps diacritics", () => {
    const csv = zelfscanToCsv({
      ...base,
      antwoorden: [
        {
          item: "10g",
          score: 2,
          weetIkNiet: false,
          toelichting: 'Casuïstiek "samen"; geëvalueerd',
          vastgelegdIn: ["werkinstructie"],
          doelniveau: 3,
          versie: 1,
          laatstGewijzigd: "2021-03-01T10:00:00.000Z",
          laatstGewijzigdDoor: "Anouk",
        },
      ],
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"10g";"2";"nee";"Casuïstiek ""samen""; geëvalueerd";"werkinstructie";"3";"1";');
  });

  it("neutralises spreadsheet formulas in free text", () => {
    const csv = zelfscanToCsv({
      ...base,
      antwoorden: [
        {
          item: "3a",
          score: 0,
          weetIkNiet: false,
          toelichting: '=HYPERLINK("http://x")',
          vastgelegdIn: [],
          doelniveau: 3,
          versie: 1,
          laatstGewijzigd: "",
          laatstGewijzigdDoor: null,
        },
      ],
    });
    expect(csv).toContain(`"3a";"0";"nee";"'=HYPERLINK(""http://x"")"`);
  });

  it("names the documents per onderdeel (title, ingangsdatum, file, version), formulas neutralised", () => {
    const csv = zelfscanToCsv({
      ...base,
      antwoorden: [],
      documenten: [
        { item: "1", titel: "Regiovisie Haaglanden 2023-2026", ingangsdatum: "2023-01-01", bestand: "regiovisie.pdf", versie: 2 },
        { item: "10b", titel: "=cmd|' /C calc'!A0", ingangsdatum: "2025-01-01", bestand: "@afspraken.pdf", versie: 1 },
      ],
    });
    const lines = csv.split("\r\n");
    const header = lines.indexOf('"item";"document";"ingangsdatum";"bestand";"versie"');
    expect(header).toBeGreaterThan(0);
    expect(lines.slice(header + 1, header + 3)).toEqual([
      '"1";"Regiovisie Haaglanden 2023-2026";"2023-01-01";"regiovisie.pdf";"2"',
      `"10b";"'=cmd|' /C calc'!A0";"2025-01-01";"'@afspraken.pdf";"1"`,
    ]);
  });
});
