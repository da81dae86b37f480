import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/config/env";

/**
 * The address links to this application start with (invitation links, the redirect URI an identity
 * provider must know): NEXTAUTH_URL when configured, as it always is in production. Only a local
 * demo falls back to this request's Host; server.mjs has already removed a client's own
 * X-Forwarded-Host and -Proto and kept only a trusted proxy's.
 */
export async function publicOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const proto = list.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
