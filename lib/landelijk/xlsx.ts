// The national aggregate as an Excel workbook (exceljs), the same rows as the CSV; text cells are
// guarded against formula injection like the CSV.
import "server-only";
import ExcelJS from "exceljs";
import { safeText } from "@/lib/export/csv";
import { TABEL_KOPPEN, verdelingRows, type LandelijkeExportData } from "./export-format";

export async function verdelingXlsx(data: LandelijkeExportData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Zelfscan Werken aan Veiligheid";
  workbook.title = safeText(`Landelijke verdeling ${data.jaar ?? ""}`.trim());
  const sheet = workbook.addWorksheet("Verdeling", { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  sheet.addRow([...TABEL_KOPPEN]).font = { bold: true };
  for (const row of verdelingRows(data)) sheet.addRow(row.map((value) => (typeof value === "string" ? safeText(value) : value)));
  sheet.getColumn(2).width = 24;
  sheet.getColumn(5).width = 40;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
