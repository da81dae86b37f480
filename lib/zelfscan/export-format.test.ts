import { describe, expect, it } from "vitest";
import { zelfscanToCsv } from "./export-format";

const base = {
  gemeente: "Delft",
  meetronde: "Nulmeting 2021",
  kaderversie: "vng-werken-aan-veiligheid@2019",
  status: "INGEDIEND",
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
});
