import { attachment } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { verdelingCsv } from "@/lib/landelijk/export-format";
import { landelijkeExportFor } from "@/lib/landelijk/export-request";

export const dynamic = "force-dynamic";

export const GET = route("GET /landelijk/verdeling.csv", async (request: Request) => {
  const data = await landelijkeExportFor(request, "csv");
  if (data instanceof Response) return data;
  return attachment(verdelingCsv(data), `landelijke-verdeling-${data.jaar ?? "geen"}.csv`, "text/csv; charset=utf-8");
});
