import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { toCsv } from "@/lib/export/csv";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { actieCsvRows } from "@/lib/verbeterplan/export-format";
import { exportVerbeterplan } from "@/lib/verbeterplan/queries";

export const dynamic = "force-dynamic";

export const GET = route("GET /zelfscans/[id]/verbeterplan.csv", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const data = await exportVerbeterplan(prisma(), actor, (await params).id, "csv");
  if (!data) return notFoundResponse();
  const meta = { gemeente: data.scan.gemeente.name, meetronde: data.scan.meetronde.name };
  return attachment(toCsv(actieCsvRows(meta, data.acties)), `verbeterplan-${meta.gemeente}-${meta.meetronde}.csv`, "text/csv; charset=utf-8");
});
