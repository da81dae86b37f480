import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { normaliseAddress } from "@/lib/http/server-gate.mjs";
import { log } from "@/lib/log";
import type { AuditAction } from "@/lib/shared/audit/actions";

const SECURITY_DOMAINS = ["auth.", "toegang.", "account.", "gebruiker.", "auditlog.", "export."];

type Writer = Pick<PrismaClient, "auditEntry"> | Prisma.TransactionClient;

export type AuditInput = {
  actorId?: string | null;
  /** What happened, one of the catalogue (lib/shared/audit/actions.ts): "auth.ingelogd", "antwoord.opgeslagen". */
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  gemeenteId?: string | null;
  regioId?: string | null;
  /** Identifiers and changed values; never passwords, tokens or secrets. */
  details?: Prisma.InputJsonValue;
  ip?: string | null;
};

function auditRow(entry: AuditInput) {
  return {
    actorId: entry.actorId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    gemeenteId: entry.gemeenteId ?? null,
    regioId: entry.regioId ?? null,
    details: entry.details ?? {},
    // Only a valid IP address is ever stored (lib/http/server-gate.mjs); anything else is unknown.
    ip: normaliseAddress(entry.ip),
  };
}

function logSecurityEvent(entry: AuditInput) {
  // Security events also go to the log stream, for the municipality's monitoring (identifiers only).
  if (SECURITY_DOMAINS.some((domain) => entry.action.startsWith(domain))) {
    log.info(entry.action, { actorId: entry.actorId ?? null, targetType: entry.targetType, targetId: entry.targetId ?? null, ip: normaliseAddress(entry.ip) });
  }
}

/** Appends an audit entry; pass the transaction client so that the entry commits with the change. */
export async function recordAudit(writer: Writer, entry: AuditInput): Promise<void> {
  await writer.auditEntry.create({ data: auditRow(entry) });
  logSecurityEvent(entry);
}
