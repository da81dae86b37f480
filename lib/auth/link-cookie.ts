// The cookie that carries a link request to the OIDC callback (lib/auth/oidc.ts): HttpOnly, only
// sent to the callback path, gone after a few minutes or after the callback.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/config/env";
import { mapOk, type Result } from "@/lib/shared/result";
import { LINK_COOKIE, LINK_COOKIE_PATH, LINK_REQUEST_MINUTES, type StartedLink } from "./oidc";

async function setLinkCookie(token: string): Promise<void> {
  const settings = env();
  (await cookies()).set(LINK_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: LINK_COOKIE_PATH,
    secure: settings.APP_ENV === "production" || settings.NEXTAUTH_URL?.startsWith("https://") === true,
    maxAge: LINK_REQUEST_MINUTES * 60,
  });
}

/** A started link as the browser gets it: the request in the cookie, only the provider to go to in the answer. */
export async function handOverLink(started: Result<StartedLink>): Promise<Result<{ nextAuthId: string }>> {
  if (started.status === "ok") await setLinkCookie(started.data.token);
  return mapOk(started, ({ nextAuthId }) => ({ nextAuthId }));
}
