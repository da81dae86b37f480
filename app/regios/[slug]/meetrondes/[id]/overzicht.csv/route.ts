import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { getRegioOverviewExport } from "@/lib/regio/export";
import { gapsTable, overviewTable, overviewToCsv } from "@/lib/regio/export-format";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /regios/[slug]/meetrondes/[id]/overzicht.csv",
  async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const { slug, id } = await params;
    const data = await getRegioOverviewExport(prisma(), actor, {
      slug,
      meetrondeId: id,
      minimaal: new URL(request.url).searchParams.get("minimaal"),
      format: "csv",
    });
    if (!data) return notFoundResponse();
    const csv = overviewToCsv(
      { regio: data.regio.name, meetronde: data.meetronde.name, kaderversie: data.framework.version },
      overviewTable(data.framework, data.map),
      gapsTable(data.gaps),
      data.threshold,
    );
    return attachment(csv, `regio-${slug}-${data.meetronde.name}.csv`, "text/csv; charset=utf-8");
  },
);
