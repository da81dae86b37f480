import { attachment } from "@/lib/http/responses";
import { log } from "@/lib/log";
import { pdfRateLimit } from "@/lib/pdf/rate-limit";
import { createElement } from "react";
import { REGIO_OVERVIEW_PRINT_CSS, RegioOverviewDocument, regioOverviewTitle } from "@/components/regio/RegioOverviewDocument";
import { printDocumentHtml } from "@/lib/pdf/document";
import { renderPdf } from "@/lib/pdf/render";
import { regioOverviewExportFor } from "@/lib/regio/export-request";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /regios/[slug]/meetrondes/[id]/overzicht.pdf",
  async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
    const asked = await regioOverviewExportFor(request, params, "pdf");
    if (asked instanceof Response) return asked;
    const { actor, slug, data } = asked;
    const limited = await pdfRateLimit(actor);
    if (limited) return limited;
    const started = performance.now();
    const html = await printDocumentHtml({
      title: regioOverviewTitle(data),
      css: REGIO_OVERVIEW_PRINT_CSS,
      body: createElement(RegioOverviewDocument, { data, generatedAt: new Date() }),
    });
    const pdf = await renderPdf(html, { kind: "regio-overzicht", footerLabel: regioOverviewTitle(data) });
    log.info("pdf.regio", { slug, meetronde: data.meetronde.name, ms: Math.round(performance.now() - started), bytes: pdf.length });
    return attachment(pdf, `regio-${slug}-${data.meetronde.name}.pdf`, "application/pdf");
  },
);
