import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { exportZelfscan } from "@/lib/zelfscan/queries";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("GET /zelfscans/[id]/antwoorden.json", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const data = await exportZelfscan(prisma(), actor, (await params).id, "json");
  if (!data) return notFoundResponse();
  return attachment(JSON.stringify(data, null, 2), `zelfscan-${data.gemeente}-${data.meetronde}.json`, "application/json; charset=utf-8");
});
