import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { zelfscanToCsv } from "@/lib/zelfscan/export-format";
import { exportZelfscan } from "@/lib/zelfscan/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("GET /zelfscans/[id]/antwoorden.csv", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const data = await exportZelfscan(prisma(), actor, (await params).id, "csv");
  if (!data) return notFoundResponse();
  return attachment(zelfscanToCsv(data), `zelfscan-${data.gemeente}-${data.meetronde}.csv`, "text/csv; charset=utf-8");
});
