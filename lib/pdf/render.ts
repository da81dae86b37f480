// HTML to a tagged, accessible PDF: Chromium prints the document with its structure tags, outline
// and embedded fonts. Scripts are off and every network request is refused: the document is
// self-contained (fonts as data URLs), so generating it never needs the network.
import "server-only";
import { metrics } from "@/lib/observability/metrics.mjs";
import { pdfBrowser } from "./browser";

/** Which document it is: a label of zelfscan_pdf_renders_total and zelfscan_pdf_render_duration_seconds. */
type PdfKind = "verbeterplan" | "regio-overzicht";
export type PdfOptions = { kind: PdfKind; footerLabel: string };

const FOOTER_STYLE = "font-family: 'Noto Sans', sans-serif; font-size: 8pt; color: #333; width: 100%; padding: 0 15mm;";

export async function renderPdf(documentHtml: string, options: PdfOptions): Promise<Buffer> {
  const { pdfRenders, pdfDuration } = metrics();
  const stopTimer = pdfDuration.startTimer({ kind: options.kind });
  try {
    const pdf = await printPdf(documentHtml, options);
    pdfRenders.inc({ kind: options.kind, outcome: "ok" });
    return pdf;
  } catch (error) {
    pdfRenders.inc({ kind: options.kind, outcome: "error" });
    throw error;
  } finally {
    stopTimer();
  }
}

async function printPdf(documentHtml: string, options: PdfOptions): Promise<Buffer> {
  const browser = await pdfBrowser();
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    await context.route("**/*", (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(documentHtml, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      tagged: true,
      outline: true,
      margin: { top: "18mm", bottom: "20mm", left: "15mm", right: "15mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="${FOOTER_STYLE}"><span>${options.footerLabel.replace(/[<>&"]/g, "")}</span><span style="float: right">Pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
    });
  } finally {
    await context.close();
  }
}
