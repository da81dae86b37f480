import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { log } from "@/lib/log";
import { pdfRateLimit } from "@/lib/pdf/rate-limit";
import { createElement } from "react";
import { REGIO_OVERVIEW_PRINT_CSS, RegioOverviewDocument, regioOverviewTitle } from "@/components/regio/RegioOverviewDocument";
import { printDocumentHtml } from "@/lib/pdf/document";
import { renderPdf } from "@/lib/pdf/render";
import { getRegioOverviewExport } from "@/lib/regio/export";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /regios/[slug]/meetrondes/[id]/overzicht.pdf",
  async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const { slug, id } = await params;
    const data = await getRegioOverviewExport(prisma(), actor, {
      slug,
      meetrondeId: id,
      minimaal: new URL(request.url).searchParams.get("minimaal"),
      format: "pdf",
    });
    if (!data) return notFoundResponse();
    const limited = await pdfRateLimit(actor);
    if (limited) return limited;
    const started = performance.now();
    const html = await printDocumentHtml({
      title: regioOverviewTitle(data),
      css: REGIO_OVERVIEW_PRINT_CSS,
      body: createElement(RegioOverviewDocument, { data, generatedAt: new Date() }),
    });
    const pdf = await renderPdf(html, { footerLabel: regioOverviewTitle(data) });
    log.info("pdf.regio", { slug, meetrondeId: id, ms: Math.round(performance.now() - started), bytes: pdf.length });
    return attachment(pdf, `regio-${slug}-${data.meetronde.name}.pdf`, "application/pdf");
  },
);
