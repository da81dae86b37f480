// Addresses in e-mail point at the public address of the application (NEXTAUTH_URL; required in
// production). A demo without one uses http://localhost:<PORT>, where `npm start` listens.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { applicationSecret } from "@/lib/auth/secret";
import { env } from "@/lib/config/env";
import type { MessageKind } from "@/lib/generated/prisma/enums";
import { MESSAGE_KIND } from "@/lib/shared/mail/kinds";

export function appUrl(pathname: string): string {
  const base = env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(pathname, base.endsWith("/") ? base : `${base}/`).toString();
}

// The unsubscribe link works without logging in: it carries the account and the kind, signed
// with a key derived from the application secret. It does not expire (a link in an old mail must
// still work) and does nothing but switch that one kind off for that one account.
const unsubscribeKey = () => createHmac("sha256", applicationSecret()).update("zelfscan:afmelden:v1").digest();

const signature = (payload: string) => createHmac("sha256", unsubscribeKey()).update(payload).digest("base64url");

export function unsubscribeToken(userId: string, kind: MessageKind): string {
  const payload = Buffer.from(`${userId}:${kind}`).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

/** The account and kind of a valid token; null for anything else (tampered, malformed, a security kind). */
export function readUnsubscribeToken(token: string): { userId: string; kind: MessageKind } | null {
  const [payload, given, ...rest] = token.split(".");
  if (!payload || !given || rest.length) return null;
  const expected = Buffer.from(signature(payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const [userId, kind, ...more] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (!userId || !kind || more.length || !(kind in MESSAGE_KIND)) return null;
  if (MESSAGE_KIND[kind as MessageKind].security) return null;
  return { userId, kind: kind as MessageKind };
}

/** The page a person opens from the mail (asks to confirm), and the RFC 8058 one-click address. */
export const unsubscribeLinks = (userId: string, kind: MessageKind) => {
  const token = encodeURIComponent(unsubscribeToken(userId, kind));
  return { page: appUrl(`/afmelden?t=${token}`), oneClick: appUrl(`/api/afmelden?t=${token}`) };
};
