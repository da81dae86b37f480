// Who may read the metrics: whoever sends `Authorization: Bearer <METRICS_TOKEN>`. Compared in
// constant time: both sides are hashed first, so that timingSafeEqual gets equal lengths and the
// comparison says nothing about the token's length either.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Whether the request's Authorization header carries exactly the configured token. */
export function carriesMetricsToken(authorization: string | null, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  // Compared even without a token in the request, so that a missing header takes the same time.
  const given = match?.[1]?.trim() ?? "";
  return timingSafeEqual(digest(given), digest(token)) && match !== null;
}
