// next-auth configuration: e-mail and password (with a second factor where required), and the
// OpenID Connect providers a beheerder configured, read from the database per request. Sessions
// live in the database (lib/auth/sessions.ts); the JWT cookie only carries the session id.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { loginWithPassword } from "./login";
import { slowDownCode } from "@/lib/shared/auth/login-messages";
import { ZLoginSchema } from "@/lib/shared/auth/login-schema";
import { completeIdentityLink, LINK_COOKIE, nextAuthProviders, resolveOidcLogin } from "./oidc";
import { identityProviderIdOf, type OidcClaims } from "./oidc-rules";
import { applicationSecret } from "./secret";
import { createSession, endEarlierSession, endSession } from "./sessions";

export const LOGIN_PATH = "/login";

function headerRecord(headers: unknown): Record<string, string | undefined> {
  return (headers ?? {}) as Record<string, string | undefined>;
}

/** What the OIDC callbacks need of the request being answered (the route handler provides it). */
export type AuthRequest = {
  /** A cookie of the request. */
  cookie(name: string): string | undefined;
  /** The id of the valid server session this browser already has, if any. */
  currentSessionId(): Promise<string | null>;
  /** The request's Cookie header, for ending the session this browser had before a new login. */
  cookieHeader: string | null;
  ip: string | null;
};

const NO_REQUEST: AuthRequest = { cookie: () => undefined, currentSessionId: async () => null, cookieHeader: null, ip: null };

/** Built per request: the identity providers come from the database, and the callbacks keep per-request state. */
export async function authOptions(request: AuthRequest = NO_REQUEST): Promise<NextAuthOptions> {
  const settings = env();
  // Without a configured address (a local demo) next-auth takes it from the request's Host;
  // production requires NEXTAUTH_URL (see lib/config/env.ts).
  if (!settings.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  const identityProviders = await nextAuthProviders(prisma());
  // Set by the signIn callback of an OIDC login, used by the jwt callback of the same request.
  let oidcLogin: { userId: string; mfaSatisfied: boolean; providerId: string } | null = null;
  return {
    secret: applicationSecret(),
    session: { strategy: "jwt", maxAge: settings.SESSION_MAX_HOURS * 3600 },
    useSecureCookies: settings.APP_ENV === "production" || settings.NEXTAUTH_URL?.startsWith("https://") === true,
    pages: { signIn: LOGIN_PATH, error: LOGIN_PATH },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-mail en wachtwoord",
        credentials: {
          email: { label: "E-mailadres", type: "email" },
          password: { label: "Wachtwoord", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(credentials, req) {
          const ip = clientAddress(headerRecord(req?.headers));
          // The login form's own schema: malformed input is a failed login like any other.
          const parsed = ZLoginSchema.safeParse({
            email: credentials?.email,
            password: credentials?.password,
            code: credentials?.code || undefined,
          });
          if (!parsed.success) throw new Error("invalid");
          const { email, password, code } = parsed.data;
          const result = await loginWithPassword(prisma(), { email, password, code: code ?? null, ip });
          if (!result.ok) {
            // next-auth passes the message to the login page as ?error=...; lib/auth/messages
            // turns it into Dutch text.
            throw new Error(result.reason === "rate-limited" ? slowDownCode(result.retryAfterMs, result.scope) : result.reason);
          }
          // One browser, one session: the session this browser still had ends now.
          await endEarlierSession(prisma(), { cookieHeader: headerRecord(req?.headers).cookie, ip, newUserId: result.userId });
          const sessionId = await createSession(prisma(), {
            userId: result.userId,
            method: "password",
            mfaSatisfied: result.mfaSatisfied,
            ip,
          });
          await recordAudit(prisma(), {
            actorId: result.userId,
            action: "auth.ingelogd",
            targetType: "User",
            targetId: result.userId,
            details: { methode: "wachtwoord", tweedeFactorNodig: !result.mfaSatisfied },
            ip,
          });
          return { id: result.userId, sessionId };
        },
      }),
      ...identityProviders,
    ],
    callbacks: {
      async signIn({ account, profile }) {
        const providerId = identityProviderIdOf(account?.provider);
        if (!providerId) return account?.provider === "credentials";
        const claims = (profile ?? {}) as OidcClaims;
        const linkToken = request.cookie(LINK_COOKIE);
        if (linkToken) {
          // Linking an identity to an account: a redirect, never a new session.
          const linked = await completeIdentityLink(prisma(), {
            token: linkToken,
            providerId,
            claims,
            currentSessionId: await request.currentSessionId(),
            ip: request.ip,
          });
          if (linked.via === "sessie") return linked.ok ? "/account/koppelingen?gekoppeld=1" : `/account/koppelingen?fout=${linked.reason}`;
          return linked.ok ? `${LOGIN_PATH}?gekoppeld=1` : `${LOGIN_PATH}?error=koppeling-${linked.reason}`;
        }
        const result = await resolveOidcLogin(prisma(), { providerId, claims, ip: request.ip });
        if (!result.ok) return `${LOGIN_PATH}?error=oidc-${result.reason}`;
        oidcLogin = { ...result, providerId };
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "credentials") {
          token.sid = (user as { sessionId?: string }).sessionId;
        } else if (identityProviderIdOf(account?.provider)) {
          if (!oidcLogin) return { sub: undefined, sid: undefined };
          const { userId, mfaSatisfied, providerId } = oidcLogin;
          // One browser, one session, as with a password login.
          await endEarlierSession(prisma(), { cookieHeader: request.cookieHeader, ip: request.ip, newUserId: userId });
          // A beheerder (or everyone, with MFA_REQUIRED_FOR_ALL) must still pass this application's
          // second factor: such a session only reaches /account/tweestapsverificatie.
          token.sid = await createSession(prisma(), { userId, method: "oidc", mfaSatisfied, ip: request.ip });
          token.sub = userId;
          await recordAudit(prisma(), {
            actorId: userId,
            action: "auth.ingelogd",
            targetType: "User",
            targetId: userId,
            details: { methode: "oidc", provider: providerId, tweedeFactorNodig: !mfaSatisfied },
            ip: request.ip,
          });
        }
        // Nothing but the session id and subject travels in the cookie.
        return { sub: token.sub, sid: token.sid };
      },
      async session({ session }) {
        // The browser learns nothing beyond "there is a session"; pages load the user server-side.
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : null;
        if (!sid) return;
        await endSession(prisma(), { sessionId: sid, userId: typeof token.sub === "string" ? token.sub : null });
      },
    },
  };
}
