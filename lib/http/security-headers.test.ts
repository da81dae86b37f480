import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allows scripts only with the nonce, never inline or from elsewhere", () => {
    const csp = contentSecurityPolicy("abc123", { production: true, development: false });
    const scripts = csp.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("needs eval only for the development server, and sends HSTS only in production", () => {
    expect(contentSecurityPolicy("n", { production: false, development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { production: false, development: false })).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", { production: false, development: false })).not.toContain("upgrade-insecure-requests");
    expect(securityHeaders(true)["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(false)).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
