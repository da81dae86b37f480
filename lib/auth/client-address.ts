import { normaliseAddress } from "@/lib/http/server-gate.mjs";

/**
 * The client's address for rate limiting, the audit log and the session list, or null when it is
 * not known. server.mjs (npm start) has already replaced X-Forwarded-For with the one address it
 * took from the connection (or, behind TRUST_PROXY proxies, from the trusted hop), so anything
 * else here (a list, a name, "unknown") did not come through it and is not used.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>): string | null {
  const raw = headers["x-forwarded-for"];
  return typeof raw === "string" && !raw.includes(",") ? normaliseAddress(raw) : null;
}
