// State-changing requests must come from this application's own pages. Browsers send Origin on
// every POST; a missing Origin (scripts, curl) is checked against Sec-Fetch-Site when present.
// The application's origin is NEXTAUTH_URL when it is set (scheme and host, port included), so
// that no header a client can write decides it. Without it (a local demo) it is the Host header,
// or X-Forwarded-Host only behind a trusted proxy: server.mjs has then already removed a
// client's own X-Forwarded-Host and kept only the nearest proxy's.
import { parseTrustProxy } from "./server-gate.mjs";

export type OriginSettings = { publicUrl?: string | undefined; trustProxy: boolean };

/** The settings from the environment; read directly because the proxy must stay free of server-only code. */
export function originSettings(source: Record<string, string | undefined> = process.env): OriginSettings {
  return { publicUrl: source.NEXTAUTH_URL || undefined, trustProxy: (parseTrustProxy(source.TRUST_PROXY) ?? 0) > 0 };
}

function parsedOrigin(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export function isSameOrigin(request: Request, settings: OriginSettings = originSettings()): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  if (origin === "null") return false;
  const claimed = parsedOrigin(origin);
  if (!claimed) return false;
  if (settings.publicUrl) {
    const own = parsedOrigin(settings.publicUrl);
    return own !== null && claimed.origin === own.origin;
  }
  const host = (settings.trustProxy ? request.headers.get("x-forwarded-host") : null) ?? request.headers.get("host");
  return Boolean(host) && claimed.host === host!.toLowerCase();
}
