// Autosave of one answer: PUT { baseVersion, answer, confirm? } (lib/shared/zelfscan/answer-schema.ts).
// The answer is the Result (resultResponse): 200 with the answer as stored in `data`, 409 with
// the one stored by someone else in `current`, 422 with `fieldErrors`, 423 locked, 404 out of scope.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { database } from "@/lib/db/client";
import { readJson } from "@/lib/http/json";
import { notSignedIn } from "@/lib/http/responses";
import { resultResponse } from "@/lib/http/result-response";
import { route } from "@/lib/http/route";
import { saveAnswer } from "@/lib/zelfscan/mutations";

export const dynamic = "force-dynamic";

export const PUT = route(
  "PUT /api/zelfscans/[id]/antwoorden/[onderdeelId]",
  async (request: Request, { params }: { params: Promise<{ id: string; onderdeelId: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { id, onderdeelId } = await params;
    const result = await saveAnswer(database(), actor, {
      zelfscanId: id,
      onderdeelId,
      request: body.value,
      ip: clientAddress(Object.fromEntries(request.headers)),
    });
    return resultResponse(result);
  },
);
