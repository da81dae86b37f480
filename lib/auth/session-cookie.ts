// Which cookie carries the session. next-auth names it "__Secure-next-auth.session-token" when it
// sets it over HTTPS (always in production) and "next-auth.session-token" otherwise. In production
// only the prefixed one is read: a browser accepts a "__Secure-" cookie only from a secure origin,
// so it cannot be planted by a plain-HTTP response or a sibling subdomain, whereas the unprefixed
// name can (cookie tossing, session fixation). Pure, so that the proxy can use it as well.

export const SECURE_SESSION_COOKIE = "__Secure-next-auth.session-token";
export const PLAIN_SESSION_COOKIE = "next-auth.session-token";

/** The cookie names that may carry a session, in the order they are tried. */
export function sessionCookieNames(production: boolean): readonly string[] {
  return production ? [SECURE_SESSION_COOKIE] : [SECURE_SESSION_COOKIE, PLAIN_SESSION_COOKIE];
}

/** The session token from a cookie store (next/headers, NextRequest), or undefined. */
export function sessionTokenFrom(read: (name: string) => string | undefined, production: boolean): string | undefined {
  return sessionCookieNames(production).map(read).find(Boolean);
}

/** The session token from a raw Cookie request header (the credentials provider sees only that). */
export function sessionTokenFromHeader(header: string | null | undefined, production: boolean): string | undefined {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    // The first occurrence wins, as in browsers' ordering (most specific path first).
    if (!cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return sessionTokenFrom((name) => cookies.get(name), production);
}
