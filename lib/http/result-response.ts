// A Result (lib/shared/result.ts) as the answer of a JSON route handler: the one mapping of
// outcomes onto HTTP statuses. The body is the Result itself, with the message also as `fout`
// for clients that read the older field.
import type { Result, ResultStatus } from "@/lib/shared/result";
import { NO_STORE } from "./responses";

const HTTP_STATUS: Record<ResultStatus, number> = { ok: 200, invalid: 422, "not-found": 404, conflict: 409, locked: 423 };

export function resultResponse<T, C>(result: Result<T, C>, init: { headers?: Record<string, string> } = {}): Response {
  const body = result.status === "ok" ? result : { ...result, fout: result.message };
  return Response.json(body, { status: HTTP_STATUS[result.status], headers: { ...NO_STORE, ...init.headers } });
}
