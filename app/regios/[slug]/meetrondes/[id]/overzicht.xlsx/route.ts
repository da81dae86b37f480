import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { getRegioOverviewExport } from "@/lib/regio/export";
import { gapsTable, overviewTable } from "@/lib/regio/export-format";
import { overviewToXlsx } from "@/lib/regio/xlsx";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /regios/[slug]/meetrondes/[id]/overzicht.xlsx",
  async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const { slug, id } = await params;
    const data = await getRegioOverviewExport(prisma(), actor, {
      slug,
      meetrondeId: id,
      minimaal: new URL(request.url).searchParams.get("minimaal"),
      format: "xlsx",
    });
    if (!data) return notFoundResponse();
    const workbook = await overviewToXlsx(
      { regio: data.regio.name, meetronde: data.meetronde.name },
      overviewTable(data.framework, data.map),
      gapsTable(data.gaps),
    );
    return attachment(workbook, `regio-${slug}-${data.meetronde.name}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  },
);
