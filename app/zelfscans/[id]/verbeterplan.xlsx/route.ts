import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { attachment, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { route } from "@/lib/http/route";
import { exportVerbeterplan } from "@/lib/verbeterplan/queries";
import { verbeterplanXlsx } from "@/lib/verbeterplan/xlsx";

export const dynamic = "force-dynamic";

export const GET = route("GET /zelfscans/[id]/verbeterplan.xlsx", async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const data = await exportVerbeterplan(prisma(), actor, (await params).id, "xlsx");
  if (!data) return notFoundResponse();
  const meta = { gemeente: data.scan.gemeente.name, meetronde: data.scan.meetronde.name };
  return attachment(
    await verbeterplanXlsx(meta, data.acties, data.documenten),
    `verbeterplan-${meta.gemeente}-${meta.meetronde}.xlsx`,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
});
