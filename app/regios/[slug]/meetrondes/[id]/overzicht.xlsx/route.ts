import { attachment } from "@/lib/http/responses";
import { regioOverviewExportFor } from "@/lib/regio/export-request";
import { gapsTable, overviewTable } from "@/lib/regio/export-format";
import { overviewToXlsx } from "@/lib/regio/xlsx";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /regios/[slug]/meetrondes/[id]/overzicht.xlsx",
  async (request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) => {
    const asked = await regioOverviewExportFor(request, params, "xlsx");
    if (asked instanceof Response) return asked;
    const { slug, data } = asked;
    const workbook = await overviewToXlsx(
      { regio: data.regio.name, meetronde: data.meetronde.name },
      overviewTable(data.framework, data.map),
      gapsTable(data.gaps),
    );
    return attachment(workbook, `regio-${slug}-${data.meetronde.name}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  },
);
