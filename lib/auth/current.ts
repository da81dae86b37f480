// The signed-in user of the current request. Every page, server action and route handler calls
// one of these itself: a check in a layout or in the proxy does not protect an action.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import type { Actor } from "@/lib/access/actor";
import { env } from "@/lib/config/env";
import { database } from "@/lib/db/client";
import { LOGIN_PATH } from "./options";
import { applicationSecret } from "./secret";
import { sessionTokenFrom } from "./session-cookie";
import { loadSession, type LoadedSession } from "./sessions";

export const MFA_SETUP_PATH = "/account/tweestapsverificatie";

/**
 * The valid session of this request, or null. Cached for the duration of one request. Counts as
 * activity unless `touch` is false.
 */
export const getCurrentSession = cache(async (touch: boolean = true): Promise<LoadedSession | null> => {
  const jar = await cookies();
  const raw = sessionTokenFrom((name) => jar.get(name)?.value, env().APP_ENV === "production");
  if (!raw) return null;
  const token = await decode({ token: raw, secret: applicationSecret() }).catch(() => null);
  const sid = typeof token?.sid === "string" ? token.sid : null;
  if (!sid) return null;
  return loadSession(database(), sid, { touch });
});

function toActor(session: LoadedSession): Actor {
  return { ...session.user, userId: session.user.id, sessionId: session.sessionId };
}

/** For server actions and route handlers: the actor, or null when not (fully) signed in. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getCurrentSession();
  return session && session.mfaSatisfied ? toActor(session) : null;
}

/** For pages: the actor, or a redirect to the login page (or to set up the second factor). */
export async function requireActor(returnTo?: string): Promise<Actor> {
  const session = await getCurrentSession();
  if (!session) redirect(returnTo ? `${LOGIN_PATH}?terug=${encodeURIComponent(returnTo)}` : LOGIN_PATH);
  if (!session.mfaSatisfied) redirect(MFA_SETUP_PATH);
  return toActor(session);
}

/** For the second-factor set-up page and its actions: a session that may still lack the factor. */
export async function requireSessionForMfaSetup(): Promise<LoadedSession> {
  const session = await getCurrentSession();
  if (!session) redirect(LOGIN_PATH);
  return session;
}
