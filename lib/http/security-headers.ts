// The security headers of every response. The Content-Security-Policy allows only scripts with
// this response's nonce (Next.js adds it to its own scripts); styles may be inline (React's style
// attributes), scripts never.
export function contentSecurityPolicy(nonce: string, { production, development }: { production: boolean; development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(production ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(production: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * The headers of answers that are data, not pages (JSON, CSV, PDF and Excel from route handlers):
 * the same security headers, with a policy that lets nothing in them load or run.
 */
const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function dataHeaders(production: boolean): Record<string, string> {
  return { ...securityHeaders(production), "Content-Security-Policy": DATA_POLICY };
}

/**
 * The policy of an uploaded file served as a download (lib/documenten/download.ts): the data
 * policy with a sandbox on top, so that even a browser that opens it in place runs nothing of it
 * with the app's origin. route() keeps it where it would otherwise set the data policy.
 */
export const ATTACHMENT_POLICY = `sandbox; ${DATA_POLICY}`;
