// Saving a whole step (all answers of one eis) as one unit: PUT { answers: { [itemId]: { baseVersion, answer } } }.
// The answer is the Result (resultResponse): 200 with every answer as stored in `data`, 409 with
// the first stale answer as stored now in `current`, 422 with `fieldErrors` by item ("8b.toelichting"), 423, 404.
import { currentActor } from "@/lib/auth/current";
import { clientAddress } from "@/lib/auth/client-address";
import { database } from "@/lib/db/client";
import { readJson } from "@/lib/http/json";
import { notSignedIn } from "@/lib/http/responses";
import { resultResponse } from "@/lib/http/result-response";
import { route } from "@/lib/http/route";
import { invalid } from "@/lib/shared/result";
import { saveStep } from "@/lib/zelfscan/mutations";

export const dynamic = "force-dynamic";

export const PUT = route(
  "PUT /api/zelfscans/[id]/stappen/[nummer]",
  async (request: Request, { params }: { params: Promise<{ id: string; nummer: string }> }) => {
    const actor = await currentActor();
    if (!actor) return notSignedIn();
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { id, nummer } = await params;
    const requirementNumber = Number(nummer);
    const answers = (body.value as { answers?: unknown })?.answers;
    if (!Number.isInteger(requirementNumber) || typeof answers !== "object" || answers === null || Array.isArray(answers)) {
      const expected = "Verwacht: { answers: { <onderdeel>: { baseVersion, answer } } }.";
      return resultResponse(invalid({ answers: expected }, expected));
    }
    const result = await saveStep(database(), actor, {
      zelfscanId: id,
      requirementNumber,
      answers: answers as Record<string, unknown>,
      ip: clientAddress(Object.fromEntries(request.headers)),
    });
    return resultResponse(result);
  },
);
