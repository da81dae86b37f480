// Server-side sessions. The browser's cookie (a JWT encrypted by next-auth) only names a Session
// row; that row decides validity, so logout, deactivation and the idle timeout act on the server.
import "server-only";
import { randomBytes } from "node:crypto";
import { decode } from "next-auth/jwt";
import type { Grant } from "@/lib/access/grants";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { normaliseAddress } from "@/lib/http/server-gate.mjs";
import type { Database } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { applicationSecret } from "./secret";
import { sessionTokenFromHeader } from "./session-cookie";

export type SessionMethod = "password" | "oidc";

export type LoadedSession = {
  sessionId: string;
  method: SessionMethod;
  mfaSatisfied: boolean;
  idleExpiresAt: Date;
  user: { id: string; email: string; name: string; grants: Grant[] };
};

// Writing lastSeenAt on every request would turn each page view into a write; a minute of
// precision is plenty for a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 60_000;

function idleMs() {
  return env().SESSION_IDLE_MINUTES * 60_000;
}

export async function createSession(
  prisma: PrismaClient,
  input: { userId: string; method: SessionMethod; mfaSatisfied: boolean; ip?: string | null },
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      id,
      userId: input.userId,
      method: input.method,
      mfaSatisfied: input.mfaSatisfied,
      expiresAt: new Date(Date.now() + env().SESSION_MAX_HOURS * 3_600_000),
      ip: normaliseAddress(input.ip),
    },
  });
  return id;
}

/**
 * The session and its user when the session is still valid. By default this counts as activity
 * and extends the idle timeout; `touch: false` only looks (the idle-timeout warning's check).
 */
export async function loadSession(
  db: Pick<Database, "sql">,
  sessionId: string,
  { now = new Date(), touch = true }: { now?: Date; touch?: boolean } = {},
): Promise<LoadedSession | null> {
  // Every request of a signed-in user starts here, so this is one SQL statement (a row per role
  // grant) straight to the driver, not Prisma: it is most of the cost of a small request.
  // Timestamps are stored as UTC (as Prisma writes them) and read as such, whatever the zones
  // of the server and the database.
  const rows = await db.sql.query<SessionRow>(
    `SELECT s."userId", s.method, s."mfaSatisfied", s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt",
            s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", s."revokedAt" IS NOT NULL AS revoked,
            u.email, u.name, u.active, r.role::text AS role, r."gemeenteId", r."regioId"
     FROM "Session" s
     JOIN "User" u ON u.id = s."userId"
     LEFT JOIN "RoleGrant" r ON r."userId" = u.id
     WHERE s.id = $1
     ORDER BY r."createdAt", r.id`,
    [sessionId],
  );
  const session = rows[0];
  if (!session || session.revoked || !session.active) return null;
  if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() >= idleMs()) return null;
  let lastSeenAt = session.lastSeenAt;
  if (touch && now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    lastSeenAt = now;
    await db.sql.query(`UPDATE "Session" SET "lastSeenAt" = ($2::timestamptz AT TIME ZONE 'UTC') WHERE id = $1`, [sessionId, lastSeenAt.toISOString()]);
  }
  return {
    sessionId,
    method: session.method === "oidc" ? "oidc" : "password",
    mfaSatisfied: session.mfaSatisfied,
    idleExpiresAt: new Date(Math.min(lastSeenAt.getTime() + idleMs(), session.expiresAt.getTime())),
    user: {
      id: session.userId,
      email: session.email,
      name: session.name,
      grants: rows.flatMap((row) => (row.role ? [{ role: row.role, gemeenteId: row.gemeenteId, regioId: row.regioId }] : [])),
    },
  };
}

type SessionRow = {
  userId: string;
  method: string;
  mfaSatisfied: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
  revoked: boolean;
  email: string;
  name: string;
  active: boolean;
  role: Role | null;
  gemeenteId: string | null;
  regioId: string | null;
};

/** Extends the idle timeout now (the "Ingelogd blijven" button). */
export async function extendSession(prisma: PrismaClient, sessionId: string): Promise<Date | null> {
  const now = new Date();
  const result = await prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idleMs()) } },
    data: { lastSeenAt: now },
  });
  return result.count === 1 ? new Date(now.getTime() + idleMs()) : null;
}

export async function revokeSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * A new login in a browser ends the session that browser still holds, whoever it belonged to:
 * one browser, one session, so that a shared or borrowed computer never keeps the previous
 * person's session alive beside the new one. Reads the session cookie from the login request's
 * Cookie header (only the prefixed cookie in production); a cookie that cannot be decoded, or
 * names no open session, changes nothing. Returns whether a session was ended.
 */
export async function endEarlierSession(
  prisma: PrismaClient,
  input: { cookieHeader: string | null | undefined; ip?: string | null; newUserId: string },
): Promise<boolean> {
  const raw = sessionTokenFromHeader(input.cookieHeader, env().APP_ENV === "production");
  if (!raw) return false;
  const token = await decode({ token: raw, secret: applicationSecret() }).catch(() => null);
  const sid = typeof token?.sid === "string" ? token.sid : null;
  if (!sid) return false;
  const session = await prisma.session.findUnique({ where: { id: sid }, select: { userId: true, revokedAt: true } });
  if (!session || session.revokedAt) return false;
  await revokeSession(prisma, sid);
  await recordAudit(prisma, {
    actorId: input.newUserId,
    action: "auth.sessie-beeindigd",
    targetType: "User",
    targetId: session.userId,
    details: { reden: "nieuwe login in dezelfde browser", zelfdeGebruiker: session.userId === input.newUserId },
    ip: input.ip ?? null,
  });
  return true;
}

/** Ends every session of a user: on deactivation and password change. */
export async function revokeAllSessions(prisma: PrismaClient | Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0], userId: string): Promise<void> {
  await prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Logging out: the session stops working on the server at once, whatever the browser still holds. */
export async function endSession(prisma: PrismaClient, session: { sessionId: string; userId: string | null; ip?: string | null }): Promise<void> {
  await revokeSession(prisma, session.sessionId);
  await recordAudit(prisma, { actorId: session.userId, action: "auth.uitgelogd", targetType: "Session", ip: session.ip ?? null });
}
