import { NO_STORE } from "@/lib/http/responses";
import type { SaveResult, StepSaveResult } from "./mutations";

/** HTTP status of a save: 200 saved, 409 conflict, 422 invalid, 423 locked, 404 out of scope. */
export function saveResponse(result: SaveResult | StepSaveResult): Response {
  const status = { saved: 200, conflict: 409, invalid: 422, locked: 423, "not-found": 404 }[result.status];
  const body = result.status === "not-found" ? { status: "not-found", fout: "Niet gevonden." } : result;
  return Response.json(body, { status, headers: NO_STORE });
}
