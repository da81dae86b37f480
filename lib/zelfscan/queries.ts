// Reading zelfscans, always within the actor's scope (the scope is part of the database query).
import "server-only";
import { getAnswerDocuments } from "@/lib/documenten/queries";
import type { Actor } from "@/lib/access/actor";
import { canEditGemeente } from "@/lib/access/rules/editable";
import { canLeadRegio } from "@/lib/access/rules/leads-region";
import { auditRefusal } from "@/lib/access/refusal";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { recordExport } from "@/lib/audit/export";
import { maySubmit } from "@/lib/access/rules/coordinates";
import { getFramework, type Framework } from "@/lib/framework";
import { notSubmitterMessage, submitChecklist, type ChecklistAnswer } from "@/lib/shared/zelfscan/submit-checklist";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { lockMessage, mayEditZelfscan } from "@/lib/access/rules/editable";
import { scanProgress } from "@/lib/shared/zelfscan/progress";

export async function getZelfscan(prisma: PrismaClient, actor: Actor, zelfscanId: string) {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, readableZelfscanWhere(actor)] },
    include: {
      gemeente: { include: { regio: true } },
      meetronde: true,
      answers: { include: { lastEditedBy: { select: { name: true } } } },
      submittedBy: { select: { name: true } },
      reopenedBy: { select: { name: true } },
    },
  });
  if (!scan) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: zelfscanId });
    return null;
  }
  const framework = getFramework(scan.frameworkVersion);
  const state = { status: scan.status, meetrondeStatus: scan.meetronde.status };
  return {
    scan,
    framework,
    progress: scanProgress(framework, scan.answers),
    mayEdit: mayEditZelfscan(actor, { ...state, gemeenteId: scan.gemeenteId }),
    /** Why the gemeente's own officers cannot change the scan (shown to them); null when they can, and for everyone else. */
    lockedForOfficer: canEditGemeente(actor, scan.gemeente) ? lockMessage(state) : null,
    mayLead: canLeadRegio(actor, scan.gemeente.regioId),
  };
}

/**
 * The checklist before submitting (submit-checklist.ts) and whether the actor may submit
 * (maySubmit): for the overview of a scan found with getZelfscan.
 */
export async function getSubmitChecklist(
  prisma: PrismaClient,
  actor: Actor,
  scan: { id: string; answers: ChecklistAnswer[]; gemeente: { id: string; coordinatorId: string | null } },
  framework: Framework,
) {
  const [assignments, coordinator] = await Promise.all([
    prisma.assignment.findMany({ where: { zelfscanId: scan.id }, select: { onderdeelId: true, userId: true, user: { select: { name: true } } } }),
    scan.gemeente.coordinatorId ? prisma.user.findUnique({ where: { id: scan.gemeente.coordinatorId }, select: { name: true } }) : null,
  ]);
  const checklist = submitChecklist(
    framework,
    scan.answers,
    assignments.map((assignment) => ({ onderdeelId: assignment.onderdeelId, userId: assignment.userId, userName: assignment.user.name })),
  );
  const may = maySubmit(actor, scan.gemeente);
  return { checklist, submitter: { may, message: may ? null : notSubmitterMessage(coordinator?.name ?? null) } };
}

export type ZelfscanExport = {
  gemeente: string;
  meetronde: string;
  kaderversie: string;
  status: string;
  antwoorden: {
    item: string;
    score: number | null;
    weetIkNiet: boolean;
    toelichting: string;
    vastgelegdIn: string[];
    doelniveau: number;
    versie: number;
    laatstGewijzigd: string;
    laatstGewijzigdDoor: string | null;
  }[];
  /** The evidence documents per onderdeel (framework order), each at its current version. */
  documenten: { item: string; titel: string; ingangsdatum: string; bestand: string; versie: number }[];
  geschiedenis: { tijd: string; actie: string; door: string | null; details: unknown }[];
};

/**
 * The events that make up a scan's own history: what happened to the scan and its answers. Audit
 * entries of other domains about the scan (refused access, exports) are about the people who
 * tried or took something, not about the scan, and would name officers of other gemeenten and
 * regions to everyone who may read the scan: they stay in the beheerder's audit log only.
 */
const SCAN_HISTORY_ACTIONS: Prisma.AuditEntryWhereInput = {
  OR: [{ action: { startsWith: "zelfscan." } }, { action: { startsWith: "antwoord." } }, { action: "demo.zelfscan-aangemaakt" }],
};

/** The history of a scan, oldest first: its own domain events only (SCAN_HISTORY_ACTIONS). */
async function zelfscanHistory(prisma: PrismaClient, scan: { id: string; answers: { id: string }[] }) {
  return prisma.auditEntry.findMany({
    where: {
      AND: [
        {
          OR: [
            { targetType: "Zelfscan", targetId: scan.id },
            { targetType: "Answer", targetId: { in: scan.answers.map((answer) => answer.id) } },
          ],
        },
        SCAN_HISTORY_ACTIONS,
      ],
    },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
}

/** Answers and their history, for whoever may read the scan; the export itself is audited. */
export async function exportZelfscan(prisma: PrismaClient, actor: Actor, zelfscanId: string, format: "csv" | "json"): Promise<ZelfscanExport | null> {
  const found = await getZelfscan(prisma, actor, zelfscanId);
  if (!found) return null;
  const { scan, framework } = found;
  const [history, documents] = await Promise.all([zelfscanHistory(prisma, scan), getAnswerDocuments(prisma, actor, scan.id)]);
  // Written after the history is read: the export does not list itself.
  await recordExport(prisma, actor, {
    kind: "zelfscan",
    format,
    targetType: "Zelfscan",
    targetId: scan.id,
    gemeenteId: scan.gemeenteId,
    regioId: scan.gemeente.regioId,
  });
  const actors = await prisma.user.findMany({
    where: { id: { in: [...new Set(history.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))] } },
    select: { id: true, name: true },
  });
  const order = new Map(framework.onderdelen.map((onderdeel, index) => [onderdeel.id, index]));
  return {
    gemeente: scan.gemeente.name,
    meetronde: scan.meetronde.name,
    kaderversie: `${framework.id}@${framework.version}`,
    status: scan.status,
    antwoorden: [...scan.answers]
      .sort((a, b) => (order.get(a.onderdeelId) ?? 999) - (order.get(b.onderdeelId) ?? 999))
      .map((answer) => ({
        item: answer.onderdeelId,
        score: answer.score,
        weetIkNiet: answer.weetIkNiet,
        toelichting: answer.toelichting,
        vastgelegdIn: answer.vastgelegdIn,
        doelniveau: answer.doelniveau,
        versie: answer.version,
        laatstGewijzigd: answer.updatedAt.toISOString(),
        laatstGewijzigdDoor: answer.lastEditedBy?.name ?? null,
      })),
    documenten: framework.onderdelen.flatMap((onderdeel) =>
      (documents.get(onderdeel.id) ?? []).map((document) => ({
        item: onderdeel.id,
        titel: document.title,
        ingangsdatum: document.ingangsdatum,
        bestand: document.versies[0]?.fileName ?? "",
        versie: document.versies[0]?.nummer ?? 0,
      })),
    ),
    geschiedenis: history.map((entry) => ({
      tijd: entry.at.toISOString(),
      actie: entry.action,
      door: actors.find((candidate) => candidate.id === entry.actorId)?.name ?? null,
      details: entry.details,
    })),
  };
}

// ---- Comments (changed in comments.ts) ---------------------------------------------------------

export type CommentView = { id: string; onderdeelId: string; author: string; body: string; createdAt: Date; replies: Omit<CommentView, "replies">[] };

/** The threads of a scan by item, oldest first; null when the scan is outside the actor's scope. */
export async function listComments(prisma: PrismaClient, actor: Actor, zelfscanId: string): Promise<Map<string, CommentView[]> | null> {
  const scan = await prisma.zelfscan.findFirst({ where: { AND: [{ id: zelfscanId }, readableZelfscanWhere(actor)] }, select: { id: true } });
  if (!scan) return null;
  const rows = await prisma.comment.findMany({
    where: { zelfscanId: scan.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { name: true } } },
  });
  const threads = new Map<string, CommentView[]>();
  const byId = new Map<string, CommentView>();
  for (const row of rows.filter((candidate) => candidate.parentId === null)) {
    const view: CommentView = { id: row.id, onderdeelId: row.onderdeelId, author: row.author.name, body: row.body, createdAt: row.createdAt, replies: [] };
    byId.set(row.id, view);
    threads.set(row.onderdeelId, [...(threads.get(row.onderdeelId) ?? []), view]);
  }
  for (const row of rows.filter((candidate) => candidate.parentId !== null)) {
    byId.get(row.parentId!)?.replies.push({ id: row.id, onderdeelId: row.onderdeelId, author: row.author.name, body: row.body, createdAt: row.createdAt });
  }
  return threads;
}
