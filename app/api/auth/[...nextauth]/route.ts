import NextAuth from "next-auth";
import { clientAddress } from "@/lib/auth/client-address";
import { getCurrentSession } from "@/lib/auth/current";
import { LINK_COOKIE, LINK_COOKIE_PATH } from "@/lib/auth/oidc";
import { authOptions, type AuthRequest } from "@/lib/auth/options";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };
type Handler = (request: Request, context: Context) => Promise<Response>;

function cookiesOf(request: Request): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    // A cookie value that does not decode is kept as sent; it then matches nothing.
    const value = part.slice(index + 1).trim();
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // malformed percent-encoding
    }
    jar.set(part.slice(0, index).trim(), decoded);
  }
  return jar;
}

// Built per request, so that configuration and the identity providers are read at run time.
const handler = route<Context>("/api/auth", async (request, context) => {
  const jar = cookiesOf(request);
  const auth: AuthRequest = {
    cookie: (name) => jar.get(name),
    currentSessionId: async () => (await getCurrentSession(false))?.sessionId ?? null,
    cookieHeader: request.headers.get("cookie"),
    ip: clientAddress(Object.fromEntries(request.headers)),
  };
  const response = await (NextAuth(await authOptions(auth)) as Handler)(request, context);
  if (!jar.has(LINK_COOKIE) || !new URL(request.url).pathname.startsWith(LINK_COOKIE_PATH)) return response;
  // A link request works once: the browser forgets it whatever the outcome.
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", `${LINK_COOKIE}=; Path=${LINK_COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Lax`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
});

export { handler as GET, handler as POST };
