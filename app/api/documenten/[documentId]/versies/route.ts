// A new version of a document of the gemeente's library: multipart/form-data with one `file`
// (lib/documenten/upload.ts); the earlier versions stay. The answer is the Result, as for an upload.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { prisma } from "@/lib/db/client";
import { uploadVersion } from "@/lib/documenten/upload";
import { notSignedIn } from "@/lib/http/responses";
import { resultResponse } from "@/lib/http/result-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route("POST /api/documenten/[documentId]/versies", async (request: Request, { params }: { params: Promise<{ documentId: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const { documentId } = await params;
  const ip = clientAddress(Object.fromEntries(request.headers));
  return resultResponse(await uploadVersion(prisma(), actor, { documentId, request, ip }));
});
