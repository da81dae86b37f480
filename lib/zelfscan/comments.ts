// Comments on the items of a submitted scan, for the in-depth conversation between the regional
// project leader and the municipality. The leader of the gemeente's region starts a thread on an
// item; the gemeente's officers (and the leader) answer in it. Nobody else sees them: the scope is
// part of every query, and anything outside it is "not found" (and audited).
import "server-only";
import { canEditGemeente, canLeadRegio, type Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { readableZelfscanWhere } from "@/lib/access/scope";
import { recordAudit } from "@/lib/audit/record";
import { getFramework, getItem } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZCommentSchema } from "@/lib/shared/zelfscan/comment-schema";

export type CommentView = { id: string; itemId: string; author: string; body: string; createdAt: Date; replies: Omit<CommentView, "replies">[] };

export type CommentResult = { status: "saved"; id: string } | { status: "invalid"; message: string } | { status: "not-found" };

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
    const view: CommentView = { id: row.id, itemId: row.itemId, author: row.author.name, body: row.body, createdAt: row.createdAt, replies: [] };
    byId.set(row.id, view);
    threads.set(row.itemId, [...(threads.get(row.itemId) ?? []), view]);
  }
  for (const row of rows.filter((candidate) => candidate.parentId !== null)) {
    byId.get(row.parentId!)?.replies.push({ id: row.id, itemId: row.itemId, author: row.author.name, body: row.body, createdAt: row.createdAt });
  }
  return threads;
}

/**
 * A new thread on an item (the leader of the region, on a submitted or reopened scan), or an
 * answer in a thread (`parentId`; the gemeente's officers and the leader).
 */
export async function addComment(
  prisma: PrismaClient,
  actor: Actor,
  input: { zelfscanId: string; itemId: string; parentId?: string | null; values: unknown },
): Promise<CommentResult> {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: input.zelfscanId }, readableZelfscanWhere(actor)] },
    select: { id: true, status: true, frameworkVersion: true, gemeenteId: true, gemeente: { select: { id: true, regioId: true } } },
  });
  const leads = scan ? canLeadRegio(actor, scan.gemeente.regioId) : false;
  const officer = scan ? canEditGemeente(actor, scan.gemeente) : false;
  const parent = scan && input.parentId ? await prisma.comment.findFirst({ where: { id: input.parentId, zelfscanId: scan.id, itemId: input.itemId, parentId: null } }) : null;
  const allowed = scan && getItem(getFramework(scan.frameworkVersion), input.itemId) && (input.parentId ? parent && (leads || officer) : leads);
  if (!scan || !allowed) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: input.zelfscanId });
    return { status: "not-found" };
  }
  if (!input.parentId && scan.status === "CONCEPT") {
    return { status: "invalid", message: "U kunt opmerkingen plaatsen zodra de gemeente de zelfscan heeft ingediend." };
  }
  const parsed = ZCommentSchema.safeParse(input.values);
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]?.message ?? "De opmerking is niet geldig." };
  const comment = await prisma.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { zelfscanId: scan.id, itemId: input.itemId, parentId: parent?.id ?? null, authorId: actor.userId, body: parsed.data.body },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: parent ? "opmerking.beantwoord" : "opmerking.geplaatst",
      targetType: "Comment",
      targetId: created.id,
      gemeenteId: scan.gemeenteId,
      regioId: scan.gemeente.regioId,
      details: { zelfscanId: scan.id, itemId: input.itemId },
    });
    return created;
  });
  return { status: "saved", id: comment.id };
}
