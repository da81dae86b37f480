// next-auth configuration: e-mail and password (with a second factor where required), and an
// OpenID Connect provider when the deployment configures one. Sessions live in the database
// (lib/auth/sessions.ts); the JWT cookie only carries the session id.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import { prisma } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { loginWithPassword } from "./login";
import { slowDownCode } from "./login-messages";
import { ZLoginSchema } from "./login-schema";
import { findOidcAccount, oidcProvider } from "./oidc";
import { applicationSecret } from "./secret";
import { createSession, endSession } from "./sessions";

export const LOGIN_PATH = "/login";

function headerRecord(headers: unknown): Record<string, string | undefined> {
  return (headers ?? {}) as Record<string, string | undefined>;
}

export function authOptions(): NextAuthOptions {
  const settings = env();
  // Without a configured address (a local demo) next-auth takes it from the request's Host;
  // production requires NEXTAUTH_URL (see lib/config/env.ts).
  if (!settings.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  const oidc = oidcProvider(settings);
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
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const match = await findOidcAccount(prisma(), settings, profile);
        if (!match.ok) {
          await recordAudit(prisma(), {
            action: "auth.inloggen-mislukt",
            targetType: "Account",
            details: { methode: "oidc", email: match.email ?? null, reden: match.reason },
          });
          return `${LOGIN_PATH}?error=oidc-${match.reason}`;
        }
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (user && account?.provider === "credentials") {
          token.sid = (user as { sessionId?: string }).sessionId;
        } else if (account?.provider === "oidc") {
          const match = await findOidcAccount(prisma(), settings, profile);
          if (!match.ok) return { ...token, sid: undefined };
          // The municipality's identity provider is responsible for the second factor.
          token.sid = await createSession(prisma(), { userId: match.userId, method: "oidc", mfaSatisfied: true });
          token.sub = match.userId;
          await recordAudit(prisma(), {
            actorId: match.userId,
            action: "auth.ingelogd",
            targetType: "User",
            targetId: match.userId,
            details: { methode: "oidc" },
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
