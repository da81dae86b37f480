import { attachment } from "@/lib/http/responses";
import { publicOrigin } from "@/lib/http/public-origin";
import { route } from "@/lib/http/route";
import { openData } from "@/lib/landelijk/export-format";
import { landelijkeExportFor } from "@/lib/landelijk/export-request";

export const dynamic = "force-dynamic";

export const GET = route("GET /landelijk/verdeling.json", async (request: Request) => {
  const data = await landelijkeExportFor(request, "json");
  if (data instanceof Response) return data;
  const document = openData(data, { origin: await publicOrigin(), now: new Date() });
  return attachment(JSON.stringify(document, null, 2), `landelijke-verdeling-${data.jaar ?? "geen"}.json`, "application/json; charset=utf-8");
});
