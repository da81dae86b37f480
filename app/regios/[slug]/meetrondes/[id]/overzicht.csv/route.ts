import { attachment } from "@/lib/http/responses";
import { regioOverviewExportFor } from "@/lib/regio/export-request";
import { gapsTable, overviewTable, overviewToCsv } from "@/lib/regio/export-format";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /regios/[slug]/meetrondes/[id]/overzicht.csv",
  async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
    const asked = await regioOverviewExportFor(request, params, "csv");
    if (asked instanceof Response) return asked;
    const { slug, data } = asked;
    const csv = overviewToCsv(
      { regio: data.regio.name, meetronde: data.meetronde.name, kaderversie: data.framework.version },
      overviewTable(data.framework, data.map),
      gapsTable(data.gaps),
      data.threshold,
    );
    return attachment(csv, `regio-${slug}-${data.meetronde.name}.csv`, "text/csv; charset=utf-8");
  },
);
