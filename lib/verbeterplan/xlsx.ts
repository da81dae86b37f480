// The verbeterplan's actions as an Excel workbook (exceljs): a header row, readable column widths,
// deadlines as real dates; text cells guarded against formula injection like the CSV. A third sheet
// names the evidence documents per onderdeel.
import "server-only";
import ExcelJS from "exceljs";
import { safeText } from "@/lib/export/csv";
import { dayInAmsterdam } from "@/lib/shared/dates";
import type { DocumentView } from "@/lib/shared/documenten/documents";
import { ACTIE_HEADER, VOORTGANG_HEADER, actieRows, voortgangRows, type ActieRowInput } from "./export-format";

const WIDTHS = [5, 40, 50, 16, 24, 14, 24, 30, 12, 14, 11, 40, 14];
const VOORTGANG_WIDTHS = [5, 40, 12, 14, 60, 24];
const DOCUMENT_HEADER = ["onderdeel", "document", "ingangsdatum", "bestand", "versie"];
const DOCUMENT_WIDTHS = [11, 50, 14, 40, 8];

// A date without time zone trouble: midnight UTC of the Dutch calendar day.
const cellOf = (cell: string | number | Date | null) => {
  if (typeof cell === "string") return safeText(cell);
  if (cell instanceof Date) return new Date(`${dayInAmsterdam(cell)}T00:00:00Z`);
  return cell;
};

export async function verbeterplanXlsx(
  meta: { gemeente: string; meetronde: string },
  acties: readonly ActieRowInput[],
  documenten: readonly { onderdeelId: string; documents: readonly DocumentView[] }[] = [],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Zelfscan Werken aan Veiligheid";
  workbook.title = safeText(`Verbeterplan ${meta.gemeente} – ${meta.meetronde}`);
  const sheet = workbook.addWorksheet("Verbeterplan", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(ACTIE_HEADER).font = { bold: true };
  for (const row of actieRows(acties)) sheet.addRow(row.map(cellOf));
  WIDTHS.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.getColumn(ACTIE_HEADER.indexOf("deadline") + 1).numFmt = "dd-mm-yyyy";
  sheet.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
  // The progress history (voortgangsrapportage) on a sheet of its own.
  const history = workbook.addWorksheet("Voortgang", { views: [{ state: "frozen", ySplit: 1 }] });
  history.addRow(VOORTGANG_HEADER).font = { bold: true };
  for (const row of voortgangRows(acties)) history.addRow(row.map(cellOf));
  VOORTGANG_WIDTHS.forEach((width, index) => (history.getColumn(index + 1).width = width));
  history.getColumn(VOORTGANG_HEADER.indexOf("datum") + 1).numFmt = "dd-mm-yyyy";
  history.eachRow((row) => (row.alignment = { vertical: "top", wrapText: true }));
  // The evidence documents per onderdeel, each at its current version; the ingangsdatum as a date.
  const documents = workbook.addWorksheet("Documenten", { views: [{ state: "frozen", ySplit: 1 }] });
  documents.addRow(DOCUMENT_HEADER).font = { bold: true };
  for (const { onderdeelId, documents: linked } of documenten)
    for (const document of linked)
      documents.addRow([
        onderdeelId,
        safeText(document.title),
        new Date(`${document.ingangsdatum}T00:00:00Z`),
        safeText(document.versies[0]?.fileName ?? ""),
        document.versies[0]?.nummer ?? null,
      ]);
  DOCUMENT_WIDTHS.forEach((width, index) => (documents.getColumn(index + 1).width = width));
  documents.getColumn(3).numFmt = "dd-mm-yyyy";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
