// Runs before every request. It never decides access (pages, actions and route handlers check
// that themselves); it only (1) refuses state-changing requests from another website, and
// (2) sends visitors without a session cookie to the login page instead of an empty 404.
import { NextResponse, type NextRequest } from "next/server";
import { isSameOrigin } from "@/lib/http/origin";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const SIGNED_IN_AREAS = ["/gemeenten", "/zelfscans", "/regios", "/beheer", "/account/tweestapsverificatie"];

export function proxy(request: NextRequest) {
  const method = request.method.toUpperCase();
  if (!["GET", "HEAD", "OPTIONS"].includes(method) && !isSameOrigin(request)) {
    return NextResponse.json({ fout: "Verzoek van een andere website geweigerd." }, { status: 403 });
  }
  const { pathname, search } = request.nextUrl;
  const protectedArea = SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (protectedArea && !hasCookie && method === "GET" && !/\.(csv|json|pdf|xlsx)$/.test(pathname)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("terug", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
