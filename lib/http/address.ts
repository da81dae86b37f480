import { hasDecodablePath } from "./server-gate.mjs";

// Control characters (NUL above all) in an address are never legitimate, and the database cannot
// even compare them: requests with them are refused before any page or handler sees them.
export function hasControlCharacters(url: URL): boolean {
  return /%(0[0-9a-f]|1[0-9a-f]|7f)/i.test(url.href) || /[\u0000-\u001f\u007f]/.test(url.pathname);
}

/**
 * A path that does not decode (broken percent-encoding such as %E0%A4%A) or an address longer
 * than any of this application's own (8,000 characters). server.mjs refuses the first before
 * Next.js routes it; the proxy and route() refuse both again, whatever server runs the app.
 */
export function isMalformedAddress(url: string): boolean {
  if (url.length > 8000) return true;
  const target = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return !hasDecodablePath(target);
}
