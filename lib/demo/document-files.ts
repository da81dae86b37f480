// The files of the demo's evidence documents, made when the demo is seeded (no binaries in git): a
// small real PDF (one page of text per version) and a real Excel workbook (exceljs). Both open in
// any viewer and pass the upload's content check (lib/documenten/inspect.ts) like a user's file.
import "server-only";
import ExcelJS from "exceljs";

/** PDF's literal string: backslash and parentheses escaped; the demo's text is plain ASCII. */
const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (character) => `\\${character}`)})`;

/** A one-page A4 PDF with a title and some lines of text in Helvetica. */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const content = [
    "BT",
    "/F1 18 Tf",
    "56 780 Td",
    `${pdfString(title)} Tj`,
    "/F1 11 Tf",
    "0 -28 Td",
    ...lines.flatMap((line) => [`${pdfString(line)} Tj`, "0 -16 Td"]),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (Zelfscan Werken aan Veiligheid, demo) >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** An Excel workbook with one sheet: a header row and the rows. */
export async function demoXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Zelfscan Werken aan Veiligheid (demo)";
  // A fixed moment, so that the same demo gives the same file.
  workbook.created = workbook.modified = new Date("2025-01-01T09:00:00Z");
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  header.forEach((_, index) => (sheet.getColumn(index + 1).width = index === 0 ? 40 : 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
