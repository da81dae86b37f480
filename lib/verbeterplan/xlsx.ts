// The verbeterplan's actions as an Excel workbook (exceljs): a header row, readable column widths,
// deadlines as real dates; text cells guarded against formula injection like the CSV.
import "server-only";
import ExcelJS from "exceljs";
import { safeText } from "@/lib/export/csv";
import { dayInAmsterdam } from "@/lib/shared/dates";
import { ACTIE_HEADER, actieRows, type ActieRowInput } from "./export-format";

const WIDTHS = [5, 40, 50, 16, 24, 24, 30, 12, 14, 11, 40];

export async function verbeterplanXlsx(meta: { gemeente: string; meetronde: string }, acties: readonly ActieRowInput[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Zelfscan Werken aan Veiligheid";
  workbook.title = safeText(`Verbeterplan ${meta.gemeente} – ${meta.meetronde}`);
  const sheet = workbook.addWorksheet("Verbeterplan", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(ACTIE_HEADER).font = { bold: true };
  for (const row of actieRows(acties)) {
    sheet.addRow(
      row.map((cell) => {
        if (typeof cell === "string") return safeText(cell);
        // A date without time zone trouble: midnight UTC of the Dutch calendar day.
        if (cell instanceof Date) return new Date(`${dayInAmsterdam(cell)}T00:00:00Z`);
        return cell;
      }),
    );
  }
  WIDTHS.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.getColumn(8).numFmt = "dd-mm-yyyy";
  sheet.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
