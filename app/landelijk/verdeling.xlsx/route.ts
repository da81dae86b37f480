import { attachment } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { landelijkeExportFor } from "@/lib/landelijk/export-request";
import { verdelingXlsx } from "@/lib/landelijk/xlsx";

export const dynamic = "force-dynamic";

export const GET = route("GET /landelijk/verdeling.xlsx", async (request: Request) => {
  const data = await landelijkeExportFor(request, "xlsx");
  if (data instanceof Response) return data;
  return attachment(
    await verdelingXlsx(data),
    `landelijke-verdeling-${data.jaar ?? "geen"}.xlsx`,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
});
