// The e-mail about an account, queued in the transaction of the change it is about (lib/mail/outbox.ts):
// the invitation and reset links (lib/beheer/account-links.ts, lib/auth/password-reset.ts) and the
// security notices to the account's own address when its password, second factor, recovery codes
// or identity links change.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueMessage } from "@/lib/mail/outbox";
import { appUrl } from "@/lib/mail/links";
import { accountContext, securityNoticeMessage, type SecurityChange } from "@/lib/mail/templates/account";

const GRANT_NAMES = {
  role: true,
  gemeenteId: true,
  regioId: true,
  gemeente: { select: { name: true, regioId: true, regio: { select: { name: true } } } },
  regio: { select: { name: true } },
} as const;

const ROLE_TEXT = {
  BEHEERDER: "beheerder",
  LANDELIJK: "landelijk programmateam",
  PROJECTLEIDER: "regionaal projectleider",
  BELEIDSMEDEWERKER: "beleidsmedewerker",
} as const;

export type AccountRecipient = {
  id: string;
  email: string;
  name: string;
  /** "Gemeente Delft · regio Haaglanden" */
  context: string;
  /** "beleidsmedewerker voor Delft" */
  roles: string;
  /** The gemeente and regio of the message when the account has one of each (for Beheer › Berichten). */
  gemeenteId: string | null;
  regioId: string | null;
};

/** The account as a recipient, with the gemeenten and regio's it works for. */
export async function accountRecipient(tx: Prisma.TransactionClient, userId: string): Promise<AccountRecipient> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true, roles: { select: GRANT_NAMES } } });
  const gemeenten = [...new Set(user.roles.flatMap((grant) => (grant.gemeenteId ? [grant.gemeenteId] : [])))];
  const regios = [...new Set(user.roles.flatMap((grant) => grant.regioId ?? grant.gemeente?.regioId ?? []))];
  const roles = user.roles.map((grant) => {
    const where = grant.gemeente?.name ?? grant.regio?.name;
    return where ? `${ROLE_TEXT[grant.role]} voor ${where}` : ROLE_TEXT[grant.role];
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    context: accountContext(user.roles),
    roles: roles.join(" en ") || "gebruiker",
    gemeenteId: gemeenten.length === 1 ? gemeenten[0]! : null,
    regioId: regios.length === 1 ? regios[0]! : null,
  };
}

/**
 * Queues the notice of `change` to the account's own address, inside the transaction of the
 * change. Every change is its own event, so every call writes one message.
 */
export async function queueSecurityNotice(tx: Prisma.TransactionClient, userId: string, change: SecurityChange, at: Date): Promise<void> {
  const to = await accountRecipient(tx, userId);
  await queueMessage(tx, {
    kind: "BEVEILIGING",
    dedupeKey: `beveiliging:${change.what}:${userId}:${randomUUID()}`,
    to,
    gemeenteId: to.gemeenteId,
    regioId: to.regioId,
    body: securityNoticeMessage({ ...to, change, at, resetUrl: appUrl("/wachtwoord-vergeten"), accountUrl: appUrl("/account") }),
  });
}
