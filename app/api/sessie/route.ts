// The idle-timeout warning asks when the session ends (GET, not counted as activity) and extends
// it when the user chooses to stay signed in (POST); logging out ends it (DELETE). Logging out
// here, instead of through next-auth's client library, keeps that library off every page.
import { getCurrentSession } from "@/lib/auth/current";
import { cookies } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { endSession, extendSession } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = route("GET /api/sessie", async () => {
  const session = await getCurrentSession(false);
  if (!session) return Response.json({ ingelogd: false }, { status: 401, headers: NO_STORE });
  return Response.json({ ingelogd: true, verlooptOm: session.idleExpiresAt.toISOString() }, { headers: NO_STORE });
});

export const POST = route("POST /api/sessie", async () => {
  const session = await getCurrentSession(false);
  if (!session) return Response.json({ ingelogd: false }, { status: 401, headers: NO_STORE });
  const until = await extendSession(prisma(), session.sessionId);
  if (!until) return Response.json({ ingelogd: false }, { status: 401, headers: NO_STORE });
  return Response.json({ ingelogd: true, verlooptOm: until.toISOString() }, { headers: NO_STORE });
});

export const DELETE = route("DELETE /api/sessie", async (request: Request) => {
  const session = await getCurrentSession(false);
  if (session) await endSession(prisma(), { sessionId: session.sessionId, userId: session.user.id, ip: clientAddress(Object.fromEntries(request.headers)) });
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) {
    if (jar.has(name)) jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  return Response.json({ ingelogd: false }, { headers: NO_STORE });
});
