import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { log } from "@/lib/log";
import { pdfRateLimit } from "@/lib/pdf/rate-limit";
import { createElement } from "react";
import { VERBETERPLAN_PRINT_CSS, VerbeterplanDocument, verbeterplanDocumentTitle, verbeterplanTitle } from "@/components/verbeterplan/VerbeterplanDocument";
import { printDocumentHtml } from "@/lib/pdf/document";
import { renderPdf } from "@/lib/pdf/render";
import { exportRapport } from "@/lib/verbeterplan/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("GET /zelfscans/[id]/verbeterplan.pdf", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const data = await exportRapport(prisma(), actor, (await params).id);
  if (!data) return notFoundResponse();
  const limited = await pdfRateLimit(actor);
  if (limited) return limited;
  const started = performance.now();
  const html = await printDocumentHtml({
    title: verbeterplanDocumentTitle(data),
    css: VERBETERPLAN_PRINT_CSS,
    body: createElement(VerbeterplanDocument, { data, generatedAt: new Date() }),
  });
  const pdf = await renderPdf(html, { kind: "verbeterplan", footerLabel: verbeterplanTitle(data) });
  log.info("pdf.verbeterplan", { zelfscanId: data.scan.id, ms: Math.round(performance.now() - started), bytes: pdf.length });
  return attachment(pdf, `verbeterplan-${data.scan.gemeente.slug}-${data.scan.meetronde.name}.pdf`, "application/pdf");
});
