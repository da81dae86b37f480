import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { verbeterplanXlsx } from "./xlsx";

const versie = (nummer: number, fileName: string) => ({
  id: `v${nummer}`,
  nummer,
  fileName,
  mediaType: "application/pdf",
  size: 1000,
  uploadedAt: "2026-10-05T09:30:00.000Z",
  uploadedBy: "Anouk de Vries",
});

describe("the verbeterplan workbook", () => {
  it("names the documents per onderdeel on a sheet of their own: title, ingangsdatum as a date, current file and version, formulas neutralised", async () => {
    const regiovisie = {
      id: "d1",
      title: "Regiovisie Haaglanden 2023-2026",
      ingangsdatum: "2023-01-01",
      versies: [versie(2, "regiovisie-herzien.pdf"), versie(1, "regiovisie.pdf")],
    };
    const hostile = { id: "d2", title: '=HYPERLINK("http://x")', ingangsdatum: "2025-06-30", versies: [versie(1, "+afspraken.pdf")] };
    const bytes = await verbeterplanXlsx(
      { gemeente: "Delft", meetronde: "Herhaalmeting 2026" },
      [],
      [
        { onderdeelId: "1", documents: [regiovisie] },
        { onderdeelId: "10b", documents: [regiovisie, hostile] },
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Documenten")!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      ["onderdeel", "document", "ingangsdatum", "bestand", "versie"],
      ["1", "Regiovisie Haaglanden 2023-2026", new Date("2023-01-01T00:00:00Z"), "regiovisie-herzien.pdf", 2],
      ["10b", "Regiovisie Haaglanden 2023-2026", new Date("2023-01-01T00:00:00Z"), "regiovisie-herzien.pdf", 2],
      ["10b", '\'=HYPERLINK("http://x")', new Date("2025-06-30T00:00:00Z"), "'+afspraken.pdf", 1],
    ]);
    expect(sheet.getColumn(3).numFmt).toBe("dd-mm-yyyy");
  });

  it("has the action's beoogd niveau as a number in the last column, empty when none", async () => {
    const actie = {
      title: "Werkafspraken",
      description: "",
      onderdeelIds: ["3a"],
      ownerName: "Wijkteam",
      ownerRole: "",
      partners: [],
      deadline: null,
      status: "GEPLAND",
      priority: "MIDDEN",
      borging: "",
    };
    const bytes = await verbeterplanXlsx({ gemeente: "Delft", meetronde: "Herhaalmeting 2026" }, [
      { ...actie, doelscore: 3 },
      { ...actie, doelscore: null },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Verbeterplan")!;
    expect(sheet.getRow(1).getCell(13).value).toBe("beoogd niveau");
    expect(sheet.getRow(2).getCell(13).value).toBe(3);
    expect(sheet.getRow(3).getCell(13).value).toBeNull();
  });
});
