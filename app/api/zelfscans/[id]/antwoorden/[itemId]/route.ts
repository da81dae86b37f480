// Autosave of one answer: PUT { baseVersion, answer, confirm? } (lib/shared/zelfscan/answer-schema.ts).
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { database } from "@/lib/db/client";
import { readJson } from "@/lib/http/json";
import { notSignedIn } from "@/lib/http/responses";
import { saveAnswer } from "@/lib/zelfscan/mutations";
import { saveResponse } from "@/lib/zelfscan/save-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PUT = route("PUT /api/zelfscans/[id]/antwoorden/[itemId]", async (request: Request, { params }: { params: Promise<{ id: string; itemId: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const { id, itemId } = await params;
  const result = await saveAnswer(database(), actor, {
    zelfscanId: id,
    itemId,
    request: body.value,
    ip: clientAddress(Object.fromEntries(request.headers)),
  });
  return saveResponse(result);
});
