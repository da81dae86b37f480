// The regional overview as an Excel workbook (exceljs): the heat map with mean and spread, and
// the shared gaps. Text cells are guarded against formula injection like the CSV.
import "server-only";
import ExcelJS from "exceljs";
import { safeText } from "@/lib/export/csv";
import type { OverviewTable } from "./export-format";

function addSheet(workbook: ExcelJS.Workbook, name: string, table: OverviewTable) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  const clean = (row: (string | number | null)[]) => row.map((value) => (typeof value === "string" ? safeText(value) : value));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(clean(row));
  for (const row of table.footer) sheet.addRow(clean(row)).font = { bold: true };
  sheet.getColumn(1).width = 28;
}

export async function overviewToXlsx(meta: { regio: string; meetronde: string }, overview: OverviewTable, gaps: OverviewTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Zelfscan Werken aan Veiligheid";
  workbook.title = safeText(`Regionaal overzicht ${meta.regio} – ${meta.meetronde}`);
  addSheet(workbook, "Heatmap", overview);
  addSheet(workbook, "Gedeelde tekortkomingen", gaps);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
