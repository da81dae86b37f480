// Upload of a new evidence document for one answer: multipart/form-data with `title`,
// `ingangsdatum` (yyyy-mm-dd) and one `file` (lib/documenten/upload.ts). The body is streamed, not
// parsed by Next.js (route handlers under /api pass no proxy, which would buffer it). The answer is
// the Result: 200 with the DocumentView, 422 with the Dutch refusal on `file` or the fields, 423
// when the scan or onderdeel may not be changed now, 404 outside the actor's scope.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db/client";
import { uploadDocument } from "@/lib/documenten/upload";
import { notSignedIn } from "@/lib/http/responses";
import { resultResponse } from "@/lib/http/result-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(
  "POST /api/zelfscans/[id]/antwoorden/[onderdeelId]/documenten",
  async (request: Request, { params }: { params: Promise<{ id: string; onderdeelId: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const { id, onderdeelId } = await params;
    const ip = clientAddress(Object.fromEntries(request.headers));
    return resultResponse(await uploadDocument(prisma(), actor, { zelfscanId: id, onderdeelId, request, ip }));
  },
);
