// Download of a document version in the scope of a scan: the scan is readable and the version's
// document is linked to it (lib/documenten/download.ts). Always an attachment; 404 outside the scope.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db/client";
import { downloadVersion } from "@/lib/documenten/download";
import { notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /zelfscans/[id]/documenten/[versieId]",
  async (request: Request, { params }: { params: Promise<{ id: string; versieId: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const { id, versieId } = await params;
    const ip = clientAddress(Object.fromEntries(request.headers));
    return (await downloadVersion(prisma(), actor, { scope: { zelfscanId: id }, versieId, ip })) ?? notFoundResponse();
  },
);
