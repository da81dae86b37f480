// "Wachtwoord vergeten?": anyone may type an e-mail address; what they are told never depends on
// whether it has an account.
// - The answer is the same text and status for every well-formed address (PASSWORD_RESET_REQUESTED).
//   It is given before the address is looked up: the server action hands the lookup and the mail
//   to next/server's after(), so the time the answer takes does not depend on it either.
// - Requests are limited per client address and per address typed (rate-limiter-flexible in the
//   database, as for logins): being over a limit is told, but it is counted the same for addresses
//   with and without an account.
// - Only an active account gets a mail. With a password (or none yet, an invitation not used): a
//   reset link (lib/beheer/account-links.ts) that works once and for 30 minutes and makes its
//   earlier unused links stop working. An account that signs in only through its organisation
//   (OIDC, no password) gets no link, which would give it a password beside its organisation's
//   login and second factor; it is told by mail to sign in through its organisation. On the
//   public demo the demo accounts get nothing, so that nobody locks the next visitor out.
// - Every request is in the audit log with its outcome.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { issueAccountLink, queueAccountLinkMail } from "@/lib/beheer/account-links";
import { env } from "@/lib/config/env";
import { consumePoint, databaseRateLimiter, type RateLimitPolicy } from "@/lib/db/rate-limiter";
import { DEMO_ACCOUNTS } from "@/lib/demo/data";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { queueMessage } from "@/lib/mail/outbox";
import { appUrl } from "@/lib/mail/links";
import { signInThroughOrganisationMessage } from "@/lib/mail/templates/account";
import { waitText } from "@/lib/shared/auth/login-messages";
import { PASSWORD_RESET_REQUESTED, ZPasswordResetRequestSchema } from "@/lib/shared/auth/password-reset-schema";
import { invalidFromZod, locked, ok, type Result } from "@/lib/shared/result";
import { accountRecipient } from "./account-mail";
import { addressKey } from "./rate-limit";

export const RESET_LIMITS: { email: RateLimitPolicy; address: RateLimitPolicy } = {
  // A person who does not find the mail asks again once or twice; more is someone else's doing.
  email: { points: 3, durationSeconds: 3600 },
  // Many colleagues may share one address (a town hall's network).
  address: { points: 20, durationSeconds: 3600 },
};

type Outcome = "link verstuurd" | "inloggen via organisatie gemeld" | "geen account" | "gedeactiveerd" | "demo-account" | "te vaak gevraagd";

/** Runs the lookup and the mail: after the answer in the server action, at once (awaited) in tests. */
type Defer = (work: () => Promise<void>) => void | Promise<void>;

const runNow: Defer = (work) => work();

/** Null when the request may go ahead, otherwise the milliseconds to wait. */
async function overLimit(prisma: PrismaClient, keyPrefix: string, policy: RateLimitPolicy, key: string): Promise<number | null> {
  return (await consumePoint(databaseRateLimiter(prisma, keyPrefix, policy), key)) || null;
}

export async function requestPasswordReset(
  prisma: PrismaClient,
  values: unknown,
  { ip = null, now = new Date(), defer = runNow }: { ip?: string | null; now?: Date; defer?: Defer } = {},
): Promise<Result> {
  const parsed = ZPasswordResetRequestSchema.safeParse(values);
  if (!parsed.success) return invalidFromZod(parsed.error);
  const { email } = parsed.data;
  const waitMs =
    (ip ? await overLimit(prisma, "reset-address", RESET_LIMITS.address, addressKey(ip)) : null) ??
    (await overLimit(prisma, "reset-email", RESET_LIMITS.email, email));
  if (waitMs !== null) {
    await audit(prisma, { email, outcome: "te vaak gevraagd", userId: null, ip });
    return locked(`Er is de afgelopen tijd te vaak om een nieuw wachtwoord gevraagd. Probeer het over ${waitText(waitMs / 1000)} opnieuw.`);
  }
  await defer(() => sendPasswordReset(prisma, email, { ip, now }));
  return ok(null, PASSWORD_RESET_REQUESTED);
}

function audit(writer: Parameters<typeof recordAudit>[0], input: { email: string; outcome: Outcome; userId: string | null; ip: string | null }) {
  return recordAudit(writer, {
    actorId: null,
    action: "account.wachtwoord-vergeten",
    targetType: input.userId ? "User" : "Account",
    targetId: input.userId,
    details: { email: input.email, uitkomst: input.outcome },
    ip: input.ip,
  });
}

/** Looks the address up and, for an active account, writes its mail (and link) in one transaction. */
async function sendPasswordReset(prisma: PrismaClient, email: string, { ip, now }: { ip: string | null; now: Date }): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, active: true, passwordHash: true, identityLinks: { select: { provider: { select: { label: true, active: true } } } } },
  });
  if (!user) return audit(prisma, { email, outcome: "geen account", userId: null, ip });
  if (!user.active) return audit(prisma, { email, outcome: "gedeactiveerd", userId: user.id, ip });
  if (env().APP_ENV === "demo" && DEMO_ACCOUNTS.some((account) => account.email === email))
    return audit(prisma, { email, outcome: "demo-account", userId: user.id, ip });

  await prisma.$transaction(async (tx) => {
    if (!user.passwordHash && user.identityLinks.length > 0) {
      const to = await accountRecipient(tx, user.id);
      const providers = [...new Set(user.identityLinks.filter((link) => link.provider.active).map((link) => link.provider.label))];
      await queueMessage(tx, {
        kind: "WACHTWOORD_HERSTEL",
        dedupeKey: `herstel-organisatie:${user.id}:${randomUUID()}`,
        to,
        gemeenteId: to.gemeenteId,
        regioId: to.regioId,
        body: signInThroughOrganisationMessage({ ...to, providers, loginUrl: appUrl("/login") }),
      });
      await audit(tx, { email, outcome: "inloggen via organisatie gemeld", userId: user.id, ip });
      return;
    }
    const link = await issueAccountLink(tx, { userId: user.id, purpose: "WACHTWOORD_HERSTEL", createdById: null, now });
    await recordAudit(tx, {
      actorId: null,
      action: "account.herstellink-gemaakt",
      targetType: "User",
      targetId: user.id,
      details: {
        email,
        linkId: link.linkId,
        geldigTot: link.expiresAt.toISOString(),
        vervangen: link.replaced,
        verstuurd: "e-mail",
        via: "wachtwoord vergeten",
      },
      ip,
    });
    await queueAccountLinkMail(tx, { userId: user.id, purpose: "WACHTWOORD_HERSTEL", link, madeBy: null });
    await audit(tx, { email, outcome: "link verstuurd", userId: user.id, ip });
  });
}
