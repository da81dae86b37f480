// Saving a whole step (all answers of one eis) as one unit: PUT { answers: { [itemId]: { baseVersion, answer } } }.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { database } from "@/lib/db/client";
import { readJson } from "@/lib/http/json";
import { notSignedIn } from "@/lib/http/responses";
import { saveStep } from "@/lib/zelfscan/mutations";
import { saveResponse } from "@/lib/zelfscan/save-response";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PUT = route("PUT /api/zelfscans/[id]/stappen/[nummer]", async (request: Request, { params }: { params: Promise<{ id: string; nummer: string }> }) => {
  const actor = await currentActor();
  if (!actor) return notSignedIn();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const { id, nummer } = await params;
  const requirementNumber = Number(nummer);
  const answers = (body.value as { answers?: unknown })?.answers;
  if (!Number.isInteger(requirementNumber) || typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    return Response.json({ status: "invalid", fout: "Verwacht: { answers: { <onderdeel>: { baseVersion, answer } } }." }, { status: 422 });
  }
  const result = await saveStep(database(), actor, {
    zelfscanId: id,
    requirementNumber,
    answers: answers as Record<string, unknown>,
    ip: clientAddress(Object.fromEntries(request.headers)),
  });
  return saveResponse(result);
});
