// Assignments (issue 15): the coordinator of a gemeente hands onderdelen of its scan to colleagues
// (one or more officers of the gemeente), with an optional due date and a note; moves them to
// someone else; changes the due date or note; takes them back; and chooses whether colleagues may
// also change onderdelen that are not theirs (Zelfscan.onlyAssigneesEdit, enforced in the save path,
// answer-write.ts). Only the coordinator (coordinatedZelfscanWhere), and only while the scan may be
// changed; anything outside the scope is refused (audited, answered as not-found). Messages are
// queued in the transaction of the change. Reading them: listAssignments below.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { canEditGemeente, editableStateWhere, isEditable, lockMessage } from "@/lib/access/rules/editable";
import { coordinatedZelfscanWhere, isCoordinator, mayEditOnderdeel } from "@/lib/access/rules/coordinates";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { getFramework, getOnderdeel, type Framework } from "@/lib/framework";
import type { AuditAction } from "@/lib/shared/audit/actions";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { dedupeKey } from "@/lib/mail/dedupe-keys";
import { appUrl } from "@/lib/mail/links";
import { queueMessage } from "@/lib/mail/outbox";
import { officersOf, personOf, type Person } from "@/lib/mail/recipients";
import { itemsInOrder, toewijzingMessage, toewijzingOvergedragenMessage, type AssignedItem } from "@/lib/mail/templates/toewijzing";
import { endOfDayInAmsterdam } from "@/lib/shared/dates";
import { ZId } from "@/lib/shared/forms/id";
import { invalid, locked, ok } from "@/lib/shared/result";
import { ZAssignSchema, ZUpdateAssignmentSchema } from "@/lib/shared/zelfscan/assignment-schema";

type Tx = Prisma.TransactionClient;

const SCAN_SELECT = {
  id: true,
  status: true,
  frameworkVersion: true,
  gemeenteId: true,
  meetronde: { select: { name: true, status: true } },
  gemeente: { select: { id: true, name: true, regio: { select: { id: true, name: true } } } },
} as const;

/** The scan the actor coordinates, when it exists; whether it may be changed is the caller's to say. */
function coordinatedScan(prisma: PrismaClient, actor: Actor, zelfscanId: string) {
  return prisma.zelfscan.findFirst({ where: { AND: [{ id: zelfscanId }, coordinatedZelfscanWhere(actor)] }, select: SCAN_SELECT });
}

type Scan = NonNullable<Awaited<ReturnType<typeof coordinatedScan>>>;

const stateOf = (scan: Scan) => ({ status: scan.status, meetrondeStatus: scan.meetronde.status });
const lockedScan = (scan: Scan) => locked(lockMessage(stateOf(scan)) ?? "Deze zelfscan kan niet meer worden gewijzigd.");

function unknownOnderdelen(framework: Framework, onderdeelIds: readonly string[]): string[] {
  return onderdeelIds.filter((id) => !getOnderdeel(framework, id));
}

/** The onderdelen in the framework's order, once each. */
function inOrder(framework: Framework, onderdeelIds: Iterable<string>): string[] {
  const wanted = new Set(onderdeelIds);
  return framework.onderdelen.filter((onderdeel) => wanted.has(onderdeel.id)).map((onderdeel) => onderdeel.id);
}

const itemsOf = (framework: Framework, rows: readonly { onderdeelId: string; dueOn: Date | null }[]): AssignedItem[] =>
  itemsInOrder(
    framework,
    rows.map((row) => row.onderdeelId),
    (id) => rows.find((row) => row.onderdeelId === id)?.dueOn ?? null,
  );

const scanLink = (scan: { id: string }) => appUrl(`/zelfscans/${scan.id}`);

async function auditAssignment(tx: Tx, actor: Actor, scan: Scan, entry: { action: AuditAction; details: Prisma.InputJsonValue }) {
  await recordAudit(tx, {
    actorId: actor.userId,
    action: entry.action,
    targetType: "Zelfscan",
    targetId: scan.id,
    gemeenteId: scan.gemeenteId,
    regioId: scan.gemeente.regio.id,
    details: entry.details,
  });
}

async function queueToewijzing(
  tx: Tx,
  input: { actor: Actor; scan: Scan; recipient: Person; items: AssignedItem[]; note: string; reassigned: boolean; at: Date },
) {
  const { scan } = input;
  return queueMessage(tx, {
    kind: "TOEWIJZING",
    dedupeKey: dedupeKey.toewijzing(scan.id, input.at, input.recipient.id),
    to: input.recipient,
    gemeenteId: scan.gemeenteId,
    regioId: scan.gemeente.regio.id,
    body: toewijzingMessage({
      recipient: input.recipient,
      assignedBy: personOf(input.actor),
      items: input.items,
      note: input.note,
      reassigned: input.reassigned,
      meetronde: scan.meetronde,
      gemeente: scan.gemeente,
      regio: scan.gemeente.regio,
      url: scanLink(scan),
    }),
  });
}

/**
 * Assigns onderdelen to one or more officers of the gemeente: { zelfscanId, values: { onderdeelIds,
 * userIds, dueOn, note } }. An existing assignment of the same onderdeel to the same person gets the
 * new due date and note. Each person with an onderdeel new to them gets one message listing those.
 */
export const assignOnderdelen = mutation({
  handeling: "onderdelen toewijzen",
  schema: z.strictObject({ zelfscanId: ZId, values: ZAssignSchema }),
  form: "values",
  async run(prisma, actor, { zelfscanId, values }) {
    const scan = await coordinatedScan(prisma, actor, zelfscanId);
    if (!scan) return refused({ type: "Zelfscan", id: zelfscanId });
    if (!isEditable(stateOf(scan))) return lockedScan(scan);
    const framework = getFramework(scan.frameworkVersion);
    const unknown = unknownOnderdelen(framework, values.onderdeelIds);
    if (unknown.length) return invalid({ onderdeelIds: `Deze onderdelen horen niet bij het kwaliteitskader van deze zelfscan: ${unknown.join(", ")}.` });
    const officers = await officersOf(prisma, scan.gemeenteId);
    const userIds = [...new Set(values.userIds)];
    if (userIds.some((userId) => !officers.some((officer) => officer.id === userId))) {
      return invalid({ userIds: "Kies collega's met een actief account bij deze gemeente." });
    }
    const onderdeelIds = inOrder(framework, values.onderdeelIds);
    const dueOn = values.dueOn ? endOfDayInAmsterdam(values.dueOn) : null;
    const now = new Date();
    await prisma.$transaction(async (tx) => {
      const existing = await tx.assignment.findMany({ where: { zelfscanId: scan.id, onderdeelId: { in: onderdeelIds }, userId: { in: userIds } } });
      const has = new Set(existing.map((row) => `${row.userId}:${row.onderdeelId}`));
      await tx.assignment.updateMany({ where: { id: { in: existing.map((row) => row.id) } }, data: { dueOn, note: values.note, assignedById: actor.userId } });
      const created = userIds.flatMap((userId) =>
        onderdeelIds.filter((onderdeelId) => !has.has(`${userId}:${onderdeelId}`)).map((onderdeelId) => ({ userId, onderdeelId })),
      );
      await tx.assignment.createMany({
        data: created.map((row) => ({ zelfscanId: scan.id, ...row, dueOn, note: values.note, assignedById: actor.userId })),
        skipDuplicates: true,
      });
      await auditAssignment(tx, actor, scan, { action: "toewijzing.gemaakt", details: { onderdeelIds, userIds, dueOn: values.dueOn || null } });
      for (const userId of userIds) {
        const mine = created.filter((row) => row.userId === userId);
        if (!mine.length || userId === actor.userId) continue;
        const recipient = officers.find((officer) => officer.id === userId)!;
        await queueToewijzing(tx, {
          actor,
          scan,
          recipient,
          items: itemsOf(
            framework,
            mine.map((row) => ({ ...row, dueOn })),
          ),
          note: values.note,
          reassigned: false,
          at: now,
        });
      }
    });
    return ok(null, onderdeelIds.length === 1 ? "Het onderdeel is toegewezen." : `${onderdeelIds.length} onderdelen zijn toegewezen.`);
  },
});

const ZPersonOnderdelen = {
  zelfscanId: ZId,
  userId: ZId,
  onderdeelIds: z.array(z.string().check(z.minLength(1), z.maxLength(8))).check(z.minLength(1), z.maxLength(200)),
};

/** Takes onderdelen back from one person: { zelfscanId, userId, onderdeelIds }. */
export const unassign = mutation({
  handeling: "toewijzing intrekken",
  schema: z.strictObject(ZPersonOnderdelen),
  form: false,
  async run(prisma, actor, input) {
    const scan = await coordinatedScan(prisma, actor, input.zelfscanId);
    if (!scan) return refused({ type: "Zelfscan", id: input.zelfscanId });
    if (!isEditable(stateOf(scan))) return lockedScan(scan);
    const removed = await prisma.$transaction(async (tx) => {
      const { count } = await tx.assignment.deleteMany({ where: { zelfscanId: scan.id, userId: input.userId, onderdeelId: { in: input.onderdeelIds } } });
      if (count)
        await auditAssignment(tx, actor, scan, { action: "toewijzing.ingetrokken", details: { userId: input.userId, onderdeelIds: input.onderdeelIds } });
      return count;
    });
    return ok(null, removed ? "De toewijzing is ingetrokken." : "Er was niets om in te trekken.");
  },
});

/** Changes the due date and note of one person's onderdelen: { zelfscanId, userId, onderdeelIds, values: { dueOn, note } }. */
export const updateAssignment = mutation({
  handeling: "toewijzing wijzigen",
  schema: z.strictObject({ ...ZPersonOnderdelen, values: ZUpdateAssignmentSchema }),
  form: "values",
  async run(prisma, actor, input) {
    const scan = await coordinatedScan(prisma, actor, input.zelfscanId);
    if (!scan) return refused({ type: "Zelfscan", id: input.zelfscanId });
    if (!isEditable(stateOf(scan))) return lockedScan(scan);
    const dueOn = input.values.dueOn ? endOfDayInAmsterdam(input.values.dueOn) : null;
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.assignment.updateMany({
        where: { zelfscanId: scan.id, userId: input.userId, onderdeelId: { in: input.onderdeelIds } },
        data: { dueOn, note: input.values.note },
      });
      if (count) {
        await auditAssignment(tx, actor, scan, {
          action: "toewijzing.gewijzigd",
          details: {
            userId: input.userId,
            onderdeelIds: input.onderdeelIds,
            dueOn: input.values.dueOn || null,
          },
        });
      }
    });
    return ok(null, "De toewijzing is gewijzigd.");
  },
});

/**
 * Moves one person's onderdelen to another officer of the gemeente, with their due date and note:
 * { zelfscanId, userId, onderdeelIds, toUserId }. The new assignee gets a message; the one they
 * were taken from a short notice.
 */
export const reassignOnderdelen = mutation({
  handeling: "toewijzing overdragen",
  schema: z.strictObject({ ...ZPersonOnderdelen, toUserId: ZId }),
  form: false,
  async run(prisma, actor, input) {
    const scan = await coordinatedScan(prisma, actor, input.zelfscanId);
    if (!scan) return refused({ type: "Zelfscan", id: input.zelfscanId });
    if (!isEditable(stateOf(scan))) return lockedScan(scan);
    const officers = await officersOf(prisma, scan.gemeenteId);
    const to = officers.find((officer) => officer.id === input.toUserId);
    if (!to) return invalid({ toUserId: "Kies een collega met een actief account bij deze gemeente." });
    if (input.toUserId === input.userId) return invalid({ toUserId: "Kies een andere collega." });
    const framework = getFramework(scan.frameworkVersion);
    const now = new Date();
    const moved = await prisma.$transaction(async (tx) => {
      const rows = await tx.assignment.findMany({ where: { zelfscanId: scan.id, userId: input.userId, onderdeelId: { in: input.onderdeelIds } } });
      if (!rows.length) return 0;
      const theirs = new Set(
        (await tx.assignment.findMany({ where: { zelfscanId: scan.id, userId: to.id, onderdeelId: { in: rows.map((row) => row.onderdeelId) } } })).map(
          (row) => row.onderdeelId,
        ),
      );
      await tx.assignment.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
      await tx.assignment.createMany({
        data: rows
          .filter((row) => !theirs.has(row.onderdeelId))
          .map((row) => ({ zelfscanId: scan.id, onderdeelId: row.onderdeelId, userId: to.id, dueOn: row.dueOn, note: row.note, assignedById: actor.userId })),
        skipDuplicates: true,
      });
      const onderdeelIds = inOrder(
        framework,
        rows.map((row) => row.onderdeelId),
      );
      await auditAssignment(tx, actor, scan, { action: "toewijzing.gewijzigd", details: { onderdeelIds, van: input.userId, naar: to.id } });
      const items = itemsOf(framework, rows);
      const note = [...new Set(rows.map((row) => row.note).filter(Boolean))].join(" ");
      if (to.id !== actor.userId) await queueToewijzing(tx, { actor, scan, recipient: to, items, note, reassigned: true, at: now });
      const from = officers.find((officer) => officer.id === input.userId);
      if (from && from.id !== actor.userId) {
        await queueMessage(tx, {
          kind: "TOEWIJZING",
          dedupeKey: dedupeKey.toewijzingOvergedragen(scan.id, now, from.id),
          to: from,
          gemeenteId: scan.gemeenteId,
          regioId: scan.gemeente.regio.id,
          body: toewijzingOvergedragenMessage({
            recipient: from,
            assignedBy: personOf(actor),
            to,
            items,
            meetronde: scan.meetronde,
            gemeente: scan.gemeente,
            regio: scan.gemeente.regio,
            url: scanLink(scan),
          }),
        });
      }
      return rows.length;
    });
    return ok(null, moved ? `De onderdelen zijn overgedragen aan ${to.name}.` : "Er was niets om over te dragen.");
  },
});

/** The coordinator's choice for the scan: { zelfscanId, onlyAssigneesEdit }. */
export const setOnlyAssigneesEdit = mutation({
  handeling: "toewijzingsregel wijzigen",
  schema: z.strictObject({ zelfscanId: ZId, onlyAssigneesEdit: z.boolean() }),
  form: false,
  async run(prisma, actor, input) {
    const scan = await coordinatedScan(prisma, actor, input.zelfscanId);
    if (!scan) return refused({ type: "Zelfscan", id: input.zelfscanId });
    const changed = await prisma.$transaction(async (tx) => {
      const { count } = await tx.zelfscan.updateMany({
        where: { AND: [{ id: scan.id, onlyAssigneesEdit: !input.onlyAssigneesEdit }, editableStateWhere] },
        data: { onlyAssigneesEdit: input.onlyAssigneesEdit },
      });
      if (count)
        await auditAssignment(tx, actor, scan, { action: "zelfscan.toewijzingsregel-gewijzigd", details: { onlyAssigneesEdit: input.onlyAssigneesEdit } });
      return count;
    });
    if (!changed && !isEditable(stateOf(scan))) return lockedScan(scan);
    return ok(
      null,
      input.onlyAssigneesEdit
        ? "Collega's kunnen nu alleen de onderdelen aanpassen die aan hen zijn toegewezen."
        : "Collega's kunnen nu ook onderdelen aanpassen die niet aan hen zijn toegewezen.",
    );
  },
});

// ---- Reading -------------------------------------------------------------------------------

type AssignmentView = { onderdeelId: string; userId: string; name: string; dueOn: Date | null; note: string };

export type ScanAssignments = {
  assignments: AssignmentView[];
  /** By onderdeel, in the order of the people's names. */
  byOnderdeel: Map<string, AssignmentView[]>;
  onlyAssigneesEdit: boolean;
  /** The actor coordinates the scan's gemeente (and so may change the assignments while it may be changed). */
  coordinates: boolean;
  /** The colleagues who may be assigned (the gemeente's active officers); only for its own officers. */
  colleagues: Person[];
  /** Whether the actor may change this onderdeel (mayEditOnderdeel), for the wizard. */
  mayEditOnderdeel: (onderdeelId: string) => boolean;
};

/** The assignments of a scan, for whoever may read it (officers, the region's leaders); null outside the scope. */
export async function listAssignments(prisma: PrismaClient, actor: Actor, zelfscanId: string): Promise<ScanAssignments | null> {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, readableZelfscanWhere(actor)] },
    select: {
      id: true,
      onlyAssigneesEdit: true,
      gemeente: { select: { id: true, coordinatorId: true } },
      assignments: { select: { onderdeelId: true, userId: true, dueOn: true, note: true, user: { select: { name: true } } } },
    },
  });
  if (!scan) return null;
  const assignments = scan.assignments
    .map((row) => ({ onderdeelId: row.onderdeelId, userId: row.userId, name: row.user.name, dueOn: row.dueOn, note: row.note }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.onderdeelId.localeCompare(b.onderdeelId, "nl", { numeric: true }));
  const byOnderdeel = new Map<string, AssignmentView[]>();
  for (const row of assignments) byOnderdeel.set(row.onderdeelId, [...(byOnderdeel.get(row.onderdeelId) ?? []), row]);
  const coordinates = isCoordinator(actor, scan.gemeente);
  return {
    assignments,
    byOnderdeel,
    onlyAssigneesEdit: scan.onlyAssigneesEdit,
    coordinates,
    colleagues: canEditGemeente(actor, scan.gemeente) ? await officersOf(prisma, scan.gemeente.id) : [],
    mayEditOnderdeel: (onderdeelId) =>
      mayEditOnderdeel(
        actor,
        scan,
        (byOnderdeel.get(onderdeelId) ?? []).map((row) => row.userId),
      ),
  };
}
