import { NO_STORE } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { openDataJsonSchema } from "@/lib/shared/landelijk/open-data";

export const dynamic = "force-dynamic";

// The schema holds no data: it is public, like the documentation of an open-data set.
export const GET = route("GET /landelijk/verdeling.schema.json", async () =>
  Response.json(openDataJsonSchema(), { headers: { ...NO_STORE, "Content-Type": "application/schema+json; charset=utf-8" } }),
);
