// Download of a document version from the gemeente's library (lib/documenten/download.ts), for
// whoever may read the gemeente's scans. Always an attachment; 404 outside the scope.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db/client";
import { downloadVersion } from "@/lib/documenten/download";
import { notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /gemeenten/[slug]/documenten/[versieId]",
  async (request: Request, { params }: { params: Promise<{ slug: string; versieId: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const { slug, versieId } = await params;
    const ip = clientAddress(Object.fromEntries(request.headers));
    return (await downloadVersion(prisma(), actor, { scope: { gemeenteSlug: slug }, versieId, ip })) ?? notFoundResponse();
  },
);
