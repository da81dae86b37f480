// Download of a document of a shared good example (the learning network): only for those who may
// see the example (lib/leernetwerk/queries.ts), always an attachment; 404 otherwise, also once the
// gemeente stops sharing or the onderdeel no longer scores 3.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db/client";
import { downloadVoorbeeldDocument } from "@/lib/leernetwerk/queries";
import { methodNotAllowed, notFoundResponse, notSignedIn } from "@/lib/http/responses";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  "GET /leernetwerk/[zelfscanId]/[onderdeelId]/[versieId]",
  async (request: Request, { params }: { params: Promise<{ zelfscanId: string; onderdeelId: string; versieId: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const { zelfscanId, onderdeelId, versieId } = await params;
    const ip = clientAddress(Object.fromEntries(request.headers));
    return (await downloadVoorbeeldDocument(prisma(), actor, { zelfscanId, onderdeelId, versieId, ip })) ?? notFoundResponse();
  },
);

// Next.js answers HEAD with the GET handler: it would open the file and be audited as a download.
export const HEAD = route("HEAD /leernetwerk/[zelfscanId]/[onderdeelId]/[versieId]", async () => methodNotAllowed("GET"));
