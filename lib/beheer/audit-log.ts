// The audit log for the beheerder: who did what, when, to what; filtered and paged, newest first.
// Details are shown only for security and beheer events; for other events (scan answers, comments)
// the beheerder sees that something happened, not the content.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder } from "@/lib/access/grants";
import { recordAudit } from "@/lib/audit/record";
import { auditActionLabel } from "@/lib/shared/audit/actions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditRefusal } from "@/lib/access/refusal";
import type { DbClient } from "./access";
import type { TAuditFilter } from "@/lib/shared/beheer/schemas";
import { startOfDayInAmsterdam } from "@/lib/shared/dates";

export const AUDIT_PAGE_SIZE = 50;
const DETAIL_DOMAINS = ["auth.", "toegang.", "account.", "gebruiker.", "regio.", "gemeente.", "export.", "bericht."];

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  actor: { id: string; email: string; name: string } | null;
  targetType: string;
  targetId: string | null;
  /** A readable name of the target (a user's e-mail, a gemeente's name) where known. */
  targetLabel: string | null;
  gemeente: string | null;
  regio: string | null;
  details: [string, string][];
  ip: string | null;
};

export type AuditPage = { entries: AuditRow[]; total: number; page: number; pageCount: number };

function detailPairs(action: string, details: Prisma.JsonValue): [string, string][] {
  if (!DETAIL_DOMAINS.some((domain) => action.startsWith(domain))) return [];
  if (!details || typeof details !== "object" || Array.isArray(details)) return [];
  return Object.entries(details).flatMap(([key, value]): [string, string][] => (value === null || typeof value === "object" ? [] : [[key, String(value)]]));
}

async function auditWhere(prisma: DbClient, filter: TAuditFilter): Promise<Prisma.AuditEntryWhereInput> {
  const where: Prisma.AuditEntryWhereInput[] = [];
  if (filter.actie) where.push({ action: filter.actie });
  if (filter.email) {
    const actors = await prisma.user.findMany({ where: { email: { contains: filter.email, mode: "insensitive" } }, select: { id: true } });
    where.push({ actorId: { in: actors.map((user) => user.id) } });
  }
  if (filter.van) where.push({ at: { gte: startOfDayInAmsterdam(filter.van) } });
  if (filter.tot) {
    const next = new Date(`${filter.tot}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    where.push({ at: { lt: startOfDayInAmsterdam(next.toISOString().slice(0, 10)) } });
  }
  return { AND: where };
}

type AuditRecord = Awaited<ReturnType<DbClient["auditEntry"]["findMany"]>>[number];

/** The rows with readable names for the people, gemeenten and regio's they mention. */
async function describeRows(prisma: DbClient, rows: AuditRecord[]): Promise<AuditRow[]> {
  const userIds = new Set<string>();
  const gemeenteIds = new Set<string>();
  const regioIds = new Set<string>();
  for (const row of rows) {
    if (row.actorId) userIds.add(row.actorId);
    if (row.targetId && row.targetType === "User") userIds.add(row.targetId);
    if (row.gemeenteId) gemeenteIds.add(row.gemeenteId);
    if (row.targetId && row.targetType === "Gemeente") gemeenteIds.add(row.targetId);
    if (row.regioId) regioIds.add(row.regioId);
    if (row.targetId && row.targetType === "Regio") regioIds.add(row.targetId);
  }
  const [users, gemeenten, regios] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true, name: true } }),
    prisma.gemeente.findMany({ where: { id: { in: [...gemeenteIds] } }, select: { id: true, name: true } }),
    prisma.regio.findMany({ where: { id: { in: [...regioIds] } }, select: { id: true, name: true } }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const gemeenteName = new Map(gemeenten.map((gemeente) => [gemeente.id, gemeente.name]));
  const regioName = new Map(regios.map((regio) => [regio.id, regio.name]));

  return rows.map((row): AuditRow => {
    const targetLabel = !row.targetId
      ? null
      : row.targetType === "User"
        ? (userById.get(row.targetId)?.email ?? null)
        : row.targetType === "Gemeente"
          ? (gemeenteName.get(row.targetId) ?? null)
          : row.targetType === "Regio"
            ? (regioName.get(row.targetId) ?? null)
            : null;
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      actor: row.actorId ? (userById.get(row.actorId) ?? null) : null,
      targetType: row.targetType,
      targetId: row.targetId,
      targetLabel,
      gemeente: row.gemeenteId ? (gemeenteName.get(row.gemeenteId) ?? null) : null,
      regio: row.regioId ? (regioName.get(row.regioId) ?? null) : null,
      details: detailPairs(row.action, row.details),
      ip: row.ip,
    };
  });
}

/** A page of the audit log, or null (after logging) for anyone but the beheerder. */
export async function listAuditEntries(prisma: DbClient, actor: Actor, filter: TAuditFilter): Promise<AuditPage | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "auditlog bekijken");
    return null;
  }
  const where = await auditWhere(prisma, filter);
  const total = await prisma.auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filter.pagina ?? 1, pageCount);
  const rows = await prisma.auditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return { entries: await describeRows(prisma, rows), total, page, pageCount };
}

/** Most entries one export holds; a year of a large region stays well below it. */
const AUDIT_EXPORT_LIMIT = 100_000;

/**
 * Every entry that matches the filter (oldest first, at most AUDIT_EXPORT_LIMIT), for the yearly
 * access review; the export itself is audited. Null (after logging) for anyone but the beheerder.
 */
export async function exportAuditEntries(prisma: DbClient, actor: Actor, filter: TAuditFilter): Promise<{ entries: AuditRow[]; truncated: boolean } | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "auditlog exporteren");
    return null;
  }
  const where = await auditWhere(prisma, filter);
  const rows = await prisma.auditEntry.findMany({ where, orderBy: [{ at: "asc" }, { id: "asc" }], take: AUDIT_EXPORT_LIMIT + 1 });
  const truncated = rows.length > AUDIT_EXPORT_LIMIT;
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: "auditlog.geexporteerd",
    targetType: "AuditLog",
    details: { aantal: Math.min(rows.length, AUDIT_EXPORT_LIMIT), ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) },
  });
  return { entries: await describeRows(prisma, rows.slice(0, AUDIT_EXPORT_LIMIT)), truncated };
}

/** The audit entries as CSV rows for the export. */
export function auditCsvRows(entries: AuditRow[]): unknown[][] {
  return [
    ["tijd (UTC)", "actie", "omschrijving", "door (e-mail)", "door (naam)", "doeltype", "doel", "doel-id", "gemeente", "regio", "details", "IP-adres"],
    ...entries.map((entry) => [
      entry.at,
      entry.action,
      auditActionLabel(entry.action),
      entry.actor?.email ?? "",
      entry.actor?.name ?? "",
      entry.targetType,
      entry.targetLabel ?? "",
      entry.targetId ?? "",
      entry.gemeente ?? "",
      entry.regio ?? "",
      entry.details.map(([key, value]) => `${key}=${value}`).join("; "),
      entry.ip ?? "",
    ]),
  ];
}

/** The actions that occur in the log, for the filter. */
export async function listAuditActions(prisma: DbClient, actor: Actor): Promise<string[]> {
  if (!isBeheerder(actor)) return [];
  const rows = await prisma.auditEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
