import { env } from "@/lib/config/env";

/**
 * The client's address for rate limiting and the audit log. Next.js fills X-Forwarded-For with the
 * socket address when a request has none. Behind a reverse proxy (TRUST_PROXY=true) the last
 * entry is the one the proxy saw; without one, the header may come from the client itself.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>): string | null {
  const raw = headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (!value) return null;
  const parts = value.split(",").map((part) => part.trim()).filter(Boolean);
  const chosen = env().TRUST_PROXY ? parts.at(-1) : parts[0];
  return chosen ? chosen.slice(0, 64) : null;
}
