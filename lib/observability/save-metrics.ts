// zelfscan_saves_total{outcome}: the outcome of every save of an answer or a step, counted where
// the save path answers (lib/zelfscan/mutations.ts), so that the autosave API, the step API and
// anything else saving through it count alike. The outcomes:
//   saved     the answers are stored (200)
//   conflict  someone else saved first; nothing changed (409)
//   locked    the scan or the onderdeel may not be changed now: submitted, round closed, assigned
//             to others (423)
//   refused   the save path refused it: input that breaks a rule (422) or a scan outside the
//             actor's scope, which is answered as not found (404)
// A request refused before it reaches the save path (not signed in: 401; not JSON; another
// website: 403) is not a save; it shows in zelfscan_http_requests_total under the save's route.
// An error (the database unreachable: 503) is not an outcome either; it shows there too.
import type { ResultStatus } from "@/lib/shared/result";
import { metrics } from "./metrics.mjs";

const OUTCOME = { ok: "saved", conflict: "conflict", locked: "locked", invalid: "refused", "not-found": "refused" } as const satisfies Record<
  ResultStatus,
  string
>;

export function countSave(status: ResultStatus): void {
  metrics().saves.inc({ outcome: OUTCOME[status] });
}
