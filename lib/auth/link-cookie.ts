// The cookie that carries a link request to the OIDC callback (lib/auth/oidc.ts): HttpOnly, only
// sent to the callback path, gone after a few minutes or after the callback.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/config/env";
import { LINK_COOKIE, LINK_COOKIE_PATH, LINK_REQUEST_MINUTES } from "./oidc";

export async function setLinkCookie(token: string): Promise<void> {
  const settings = env();
  (await cookies()).set(LINK_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: LINK_COOKIE_PATH,
    secure: settings.APP_ENV === "production" || settings.NEXTAUTH_URL?.startsWith("https://") === true,
    maxAge: LINK_REQUEST_MINUTES * 60,
  });
}
