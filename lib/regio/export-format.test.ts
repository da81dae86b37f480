import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { commonGaps, heatMap, type RegioScan } from "./aggregate";
import { parse } from "csv-parse/sync";
import { safeText } from "@/lib/export/csv";
import { gapsTable, overviewTable, overviewToCsv } from "./export-format";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

function scan(name: string, score: number, toelichting: string): RegioScan {
  return {
    gemeente: { id: `id-${name}`, name, slug: name.toLowerCase() },
    scan: {
      id: `scan-${name}`,
      status: "INGEDIEND",
      answers: framework.onderdelen.map((onderdeel) => ({ onderdeelId: onderdeel.id, score, weetIkNiet: false, doelniveau: 3, toelichting })),
    },
  };
}

describe("the regional overview as CSV", () => {
  // Two gemeenten: one at 1 everywhere (with a toelichting that looks like a formula), one at 3.
  const scans = [scan("Één", 1, '=HYPERLINK("http://x")'), scan("Twee", 3, "goed; geregeld")];
  const map = heatMap(framework, scans);
  const csv = overviewToCsv(
    { regio: "Testregio", meetronde: "Ronde 1", kaderversie: "2019" },
    overviewTable(framework, map),
    gapsTable(commonGaps(framework, scans, 1)),
    1,
  );
  const lines: string[][] = parse(csv, { bom: true, delimiter: ";", relax_column_count: true });

  it("starts with a BOM, separates with semicolons and writes numbers with a decimal comma", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines[3]!.slice(0, 5)).toEqual(["gemeente", "status", "voorlopig", "totaal", "eis 1"]);
    expect(lines[3]!).toHaveLength(4 + 10 + 38);
    expect(lines[4]!.slice(0, 5)).toEqual(["Één", "Ingediend", "nee", "1", "1"]);
    // Mean of 1 and 3 is 2, spread (population standard deviation) is 1.
    expect(lines[6]!.slice(0, 5)).toEqual(["gemiddelde regio", "", "", "2", "2"]);
    expect(lines[7]!.slice(0, 5)).toEqual(["spreiding (standaardafwijking)", "", "", "1", "1"]);
  });

  it("never lets a toelichting run as a formula, and quotes semicolons", () => {
    expect(csv).not.toMatch(/;=HYPERLINK/);
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"")"`);
    expect(safeText("+1")).toBe("'+1");
    expect(safeText("-1")).toBe("'-1");
    expect(safeText("@a")).toBe("'@a");
    expect(safeText("gewoon")).toBe("gewoon");
  });

  it("lists each shared gap with its gemeenten", () => {
    const gapRows = lines.filter((line) => line[0] === framework.onderdelen[0]!.id);
    expect(gapRows).toHaveLength(1);
    expect(gapRows[0]!.slice(2, 7)).toEqual(["1", "2", "Één", "1", "3"]);
  });
});
