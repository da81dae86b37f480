// The activity of a scan (issue 15): who changed what and when, from the audit log, newest first,
// a page at a time, filterable by person and by eis. Only the scan's own domain events (the scan,
// its answers, comments, assignments and verbeteracties); refused access and exports stay in the
// beheerder's audit log. Readable by whoever may read the scan; never shows IP addresses.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { getFramework, getOnderdeel } from "@/lib/framework";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AUDIT_ACTION_LABEL } from "@/lib/shared/audit/actions";

const ACTIVITY_PAGE_SIZE = 50;

const SCAN_ACTIVITY_ACTIONS: Prisma.AuditEntryWhereInput = {
  OR: [
    ...["zelfscan.", "antwoord.", "opmerking.", "toewijzing.", "verbeteractie."].map(
      (prefix): Prisma.AuditEntryWhereInput => ({ action: { startsWith: prefix } }),
    ),
    { action: "demo.zelfscan-aangemaakt" },
  ],
};

type ActivityEntry = { id: string; at: Date; who: string | null; action: string; label: string; onderdeelIds: string[]; eisen: number[] };
export type ActivityFilter = { userId?: string | null; eis?: number | null; page?: number };

function onderdeelIdsOf(details: unknown): string[] {
  if (!details || typeof details !== "object") return [];
  const record = details as { itemId?: unknown; itemIds?: unknown };
  const ids = [...(typeof record.itemId === "string" ? [record.itemId] : []), ...(Array.isArray(record.itemIds) ? record.itemIds : [])];
  return ids.filter((id): id is string => typeof id === "string");
}

/** The scan's activity; null when the scan is outside the actor's scope (the refusal is audited). */
export async function getActivity(prisma: PrismaClient, actor: Actor, zelfscanId: string, filter: ActivityFilter = {}) {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, readableZelfscanWhere(actor)] },
    select: { id: true, frameworkVersion: true, gemeente: { select: { name: true } }, meetronde: { select: { name: true } } },
  });
  if (!scan) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: zelfscanId });
    return null;
  }
  const framework = getFramework(scan.frameworkVersion);
  const ofScan: Prisma.AuditEntryWhereInput = {
    AND: [{ OR: [{ targetType: "Zelfscan", targetId: scan.id }, { details: { path: ["zelfscanId"], equals: scan.id } }] }, SCAN_ACTIVITY_ACTIONS],
  };
  const requirement = filter.eis ? framework.requirements.find((candidate) => candidate.number === filter.eis) : undefined;
  const eisWhere: Prisma.AuditEntryWhereInput | null = requirement
    ? {
        OR: requirement.onderdelen.flatMap((onderdeel) => [
          { details: { path: ["itemId"], equals: onderdeel.id } },
          { details: { path: ["itemIds"], array_contains: [onderdeel.id] } },
        ]),
      }
    : null;
  const where: Prisma.AuditEntryWhereInput = {
    AND: [ofScan, ...(filter.userId ? [{ actorId: filter.userId }] : []), ...(eisWhere ? [eisWhere] : [])],
  };
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [total, rows, people] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      // Never the IP address.
      select: { id: true, at: true, actorId: true, action: true, details: true },
    }),
    prisma.auditEntry.findMany({ where: { AND: [ofScan, { actorId: { not: null } }] }, distinct: ["actorId"], select: { actorId: true } }),
  ]);
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set([...rows.flatMap((row) => (row.actorId ? [row.actorId] : [])), ...people.map((person) => person.actorId!)])] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const entries: ActivityEntry[] = rows.map((row) => {
    const onderdeelIds = onderdeelIdsOf(row.details);
    return {
      id: row.id,
      at: row.at,
      who: row.actorId ? (nameOf.get(row.actorId) ?? null) : null,
      action: row.action,
      label: (AUDIT_ACTION_LABEL as Record<string, string>)[row.action] ?? row.action,
      onderdeelIds,
      eisen: [...new Set(onderdeelIds.flatMap((id) => getOnderdeel(framework, id)?.requirementNumber ?? []))],
    };
  });
  return {
    scan: { id: scan.id, gemeente: scan.gemeente.name, meetronde: scan.meetronde.name },
    entries,
    page,
    pages: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
    total,
    people: people
      .map((person) => ({ id: person.actorId!, name: nameOf.get(person.actorId!) ?? "Onbekend" }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl")),
    eisen: framework.requirements.map((candidate) => ({ number: candidate.number, shortTitle: candidate.shortTitle })),
  };
}
