// Runs before every page and server action; route handlers (the API under /api, the exports
// ending in .csv, .json, .pdf or .xlsx, and the document downloads /zelfscans/[id]/documenten/[versieId]
// and /gemeenten/[slug]/documenten/[versieId], and a good example's /leernetwerk/[zelfscanId]/[onderdeelId]/[versieId]) are not matched: lib/http/route.ts does the same for
// them, and a download's attachment headers are then the only ones it carries.
// It never decides access (pages and actions check that themselves); it (1) refuses
// state-changing requests from another website, (2) sends visitors without a session cookie to the
// login page instead of an empty 404, and (3) sets the security headers, with a fresh nonce for the
// Content-Security-Policy.
import { NextResponse, type NextRequest } from "next/server";
import { hasControlCharacters, isMalformedAddress } from "@/lib/http/address";
import { isSameOrigin } from "@/lib/http/origin";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import { sessionTokenFrom } from "@/lib/auth/session-cookie";

const SIGNED_IN_AREAS = ["/gemeenten", "/zelfscans", "/regios", "/beheer", "/account/tweestapsverificatie", "/account/berichten"];
// Only the page itself: /account/link/... is the public invitation page.
const SIGNED_IN_PAGES = ["/account"];

// Same rule as lib/config/env.ts; read directly because the proxy must stay free of server-only code.
const production = process.env.APP_ENV === "production" || (process.env.APP_ENV === undefined && Boolean(process.env.DATABASE_URL));

function withHeaders(response: NextResponse, csp: string, signedIn: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders(production))) response.headers.set(name, value);
  // Nothing a signed-in user sees may stay in a shared or browser cache.
  if (signedIn) response.headers.set("Cache-Control", "no-store");
  return response;
}

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, { production, development: process.env.NODE_ENV === "development" });
  const signedIn = sessionTokenFrom((name) => request.cookies.get(name)?.value, production) !== undefined;
  const method = request.method.toUpperCase();

  if (!["GET", "HEAD", "OPTIONS"].includes(method) && !isSameOrigin(request)) {
    return withHeaders(NextResponse.json({ fout: "Verzoek van een andere website geweigerd." }, { status: 403 }), csp, signedIn);
  }
  const { pathname, search } = request.nextUrl;
  if (hasControlCharacters(request.nextUrl) || isMalformedAddress(request.url)) {
    return withHeaders(NextResponse.json({ fout: "Het adres bevat ongeldige tekens." }, { status: 400 }), csp, signedIn);
  }
  const protectedArea = SIGNED_IN_PAGES.includes(pathname) || SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  if (protectedArea && !signedIn && method === "GET") {
    const login = new URL("/login", request.url);
    login.searchParams.set("terug", `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(login), csp, false);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, signedIn);
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|api/|.*\\.(?:csv|json|pdf|xlsx)$|(?:zelfscans|gemeenten)/[^/]+/documenten/[^/]+$|leernetwerk/[^/]+/[^/]+/[^/]+$).*)",
  ],
};
