// Changing a gemeente's verbeterplan: only its own officers; every change audited in the same
// transaction. Actions carry a version, so two people editing one action cannot overwrite each other.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { officerZelfscanWhere } from "@/lib/access/scope";
import { recordAudit } from "@/lib/audit/record";
import { endOfDayInAmsterdam } from "@/lib/shared/dates";
import { getFramework, getItem } from "@/lib/framework";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { scoreScan } from "@/lib/scoring/score";
import { fieldErrors } from "@/lib/shared/forms/zod";
import { ZMergeActiesSchema, ZUpdateVerbeteractieSchema, ZVerbeteractieSchema, type TVerbeteractie } from "@/lib/shared/verbeterplan/schema";

export type PlanResult<T = object> =
  | ({ status: "ok" } & T)
  | { status: "invalid"; errors: Record<string, string>; message: string }
  | { status: "conflict"; message: string }
  | { status: "not-found" };

type Tx = Prisma.TransactionClient;

async function editableScan(prisma: PrismaClient | Tx, actor: Actor, zelfscanId: string) {
  return prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, officerZelfscanWhere(actor)] },
    include: { gemeente: { select: { regioId: true } }, answers: true },
  });
}

function toData(actie: TVerbeteractie) {
  return {
    itemIds: [...new Set(actie.itemIds)],
    title: actie.title,
    description: actie.description,
    ownerName: actie.ownerName,
    ownerRole: actie.ownerRole,
    partners: actie.partners,
    deadline: actie.deadline ? endOfDayInAmsterdam(actie.deadline) : null,
    status: actie.status,
    priority: actie.priority,
    borging: actie.borging,
  };
}

function invalid(errors: Record<string, string>): PlanResult<never> {
  return { status: "invalid", errors, message: Object.values(errors)[0] ?? "De invoer is niet geldig." };
}

function checkItems(frameworkVersion: string, itemIds: string[]): Record<string, string> | null {
  const framework = getFramework(frameworkVersion);
  return itemIds.every((id) => getItem(framework, id)) ? null : { itemIds: "Kies onderdelen uit het kwaliteitskader van deze zelfscan." };
}

export async function createActie(prisma: PrismaClient, actor: Actor, input: { zelfscanId: string; actie: unknown }): Promise<PlanResult<{ id: string }>> {
  const scan = await editableScan(prisma, actor, input.zelfscanId);
  if (!scan) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: input.zelfscanId }, "verbeteractie aanmaken");
    return { status: "not-found" };
  }
  const parsed = ZVerbeteractieSchema.safeParse(input.actie);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const itemError = checkItems(scan.frameworkVersion, parsed.data.itemIds);
  if (itemError) return invalid(itemError);
  const created = await prisma.$transaction(async (tx) => {
    const last = await tx.verbeteractie.aggregate({ where: { zelfscanId: scan.id }, _max: { position: true } });
    const actie = await tx.verbeteractie.create({
      data: { zelfscanId: scan.id, ...toData(parsed.data), position: (last._max.position ?? -1) + 1 },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "verbeteractie.aangemaakt",
      targetType: "Verbeteractie",
      targetId: actie.id,
      gemeenteId: scan.gemeenteId,
      regioId: scan.gemeente.regioId,
      details: { zelfscanId: scan.id, itemIds: actie.itemIds },
    });
    return actie;
  });
  return { status: "ok", id: created.id };
}

/** The action if the actor may edit it; otherwise null, and an existing action's refusal is audited. */
async function editableActie(prisma: PrismaClient, actor: Actor, actieId: string, handeling: string) {
  const actie = await prisma.verbeteractie.findFirst({
    where: { id: actieId, zelfscan: officerZelfscanWhere(actor) },
    include: { zelfscan: { select: { id: true, gemeenteId: true, frameworkVersion: true, gemeente: { select: { regioId: true } } } } },
  });
  if (!actie) await auditRefusal(prisma, actor, { type: "Verbeteractie", id: actieId }, handeling);
  return actie;
}

export async function updateActie(prisma: PrismaClient, actor: Actor, input: { actieId: string; request: unknown }): Promise<PlanResult> {
  const existing = await editableActie(prisma, actor, input.actieId, "verbeteractie wijzigen");
  if (!existing) return { status: "not-found" };
  const parsed = ZUpdateVerbeteractieSchema.safeParse(input.request);
  if (!parsed.success) {
    return invalid(Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([key, message]) => [key.replace(/^actie\./, ""), message])));
  }
  const itemError = checkItems(existing.zelfscan.frameworkVersion, parsed.data.actie.itemIds);
  if (itemError) return invalid(itemError);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.verbeteractie.updateMany({
      where: { id: existing.id, version: parsed.data.version },
      data: { ...toData(parsed.data.actie), draft: false, version: { increment: 1 } },
    });
    if (count === 0) return { status: "conflict" as const, message: "Iemand anders heeft deze actie intussen gewijzigd. Laad de pagina opnieuw en voer uw wijziging nogmaals uit." };
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "verbeteractie.gewijzigd",
      targetType: "Verbeteractie",
      targetId: existing.id,
      gemeenteId: existing.zelfscan.gemeenteId,
      regioId: existing.zelfscan.gemeente.regioId,
      details: { van: { title: existing.title, status: existing.status }, naar: { title: parsed.data.actie.title, status: parsed.data.actie.status } },
    });
    return { status: "ok" as const };
  });
}

export async function deleteActie(prisma: PrismaClient, actor: Actor, actieId: string): Promise<PlanResult> {
  const existing = await editableActie(prisma, actor, actieId, "verbeteractie verwijderen");
  if (!existing) return { status: "not-found" };
  await prisma.$transaction(async (tx) => {
    await tx.verbeteractie.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "verbeteractie.verwijderd",
      targetType: "Verbeteractie",
      targetId: existing.id,
      gemeenteId: existing.zelfscan.gemeenteId,
      regioId: existing.zelfscan.gemeente.regioId,
      details: { title: existing.title, itemIds: existing.itemIds },
    });
  });
  return { status: "ok" };
}

/** Moves an action one place up or down in the plan. */
export async function moveActie(prisma: PrismaClient, actor: Actor, input: { actieId: string; direction: "up" | "down" }): Promise<PlanResult> {
  const existing = await editableActie(prisma, actor, input.actieId, "verbeteractie verplaatsen");
  if (!existing) return { status: "not-found" };
  await prisma.$transaction(async (tx) => {
    const ordered = await tx.verbeteractie.findMany({ where: { zelfscanId: existing.zelfscanId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
    const index = ordered.findIndex((actie) => actie.id === existing.id);
    const swap = input.direction === "up" ? index - 1 : index + 1;
    if (swap < 0 || swap >= ordered.length) return;
    [ordered[index], ordered[swap]] = [ordered[swap]!, ordered[index]!];
    // Renumber the whole plan: positions stay 0..n-1 without gaps or ties.
    for (const [position, actie] of ordered.entries()) {
      if (actie.position !== position) await tx.verbeteractie.update({ where: { id: actie.id }, data: { position } });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "verbeteractie.verplaatst",
      targetType: "Verbeteractie",
      targetId: existing.id,
      gemeenteId: existing.zelfscan.gemeenteId,
      regioId: existing.zelfscan.gemeente.regioId,
      details: { richting: input.direction },
    });
  });
  return { status: "ok" };
}

export const MERGE_CONFLICT_MESSAGE =
  "Iemand anders heeft een van de gekozen acties intussen gewijzigd of verwijderd. Er is niets samengevoegd; bekijk de actuele stand en kies opnieuw.";

/** Thrown inside the merge's transaction to undo it: a chosen action changed since the user saw it. */
class MergeConflict extends Error {}

/**
 * Merges actions into the first: its texts stay, the items of all are combined, the others go.
 * The request names each action with the version the user saw ({ acties: [{ id, version }] },
 * ZMergeActiesSchema). Every write is conditional on that version and its count is checked, in
 * one transaction: if any action changed (or went) since, nothing is merged and nothing is lost.
 */
export async function mergeActies(prisma: PrismaClient, actor: Actor, input: { request: unknown }): Promise<PlanResult<{ id: string }>> {
  const parsed = ZMergeActiesSchema.safeParse(input.request);
  if (!parsed.success) return invalid({ actieIds: "Kies ten minste twee acties om samen te voegen." });
  const seen = new Map(parsed.data.acties.map((actie) => [actie.id, actie.version]));
  if (seen.size < 2) return invalid({ actieIds: "Kies ten minste twee acties om samen te voegen." });
  const ids = [...seen.keys()];
  const acties = await prisma.verbeteractie.findMany({
    where: { id: { in: ids }, zelfscan: officerZelfscanWhere(actor) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { zelfscan: { select: { gemeenteId: true, gemeente: { select: { regioId: true } } } } },
  });
  if (acties.length !== ids.length) {
    const editable = new Set(acties.map((actie) => actie.id));
    for (const id of ids.filter((candidate) => !editable.has(candidate))) {
      await auditRefusal(prisma, actor, { type: "Verbeteractie", id }, "verbeteracties samenvoegen");
    }
    return { status: "not-found" };
  }
  if (new Set(acties.map((actie) => actie.zelfscanId)).size !== 1) return { status: "not-found" };
  const conflict = { status: "conflict" as const, message: MERGE_CONFLICT_MESSAGE };
  if (acties.some((actie) => actie.version !== seen.get(actie.id))) return conflict;
  const [keep, ...rest] = acties as [(typeof acties)[number], ...typeof acties];
  try {
    await prisma.$transaction(async (tx) => {
      // Each write lands only on the version the user saw, which is also the one read above (so
      // what is combined is what they saw); the row locks of the writes make check and change one.
      const kept = await tx.verbeteractie.updateMany({
        where: { id: keep.id, version: seen.get(keep.id)! },
        data: {
          itemIds: [...new Set(acties.flatMap((actie) => actie.itemIds))],
          partners: [...new Set(acties.flatMap((actie) => actie.partners))],
          draft: false,
          version: { increment: 1 },
        },
      });
      const removed = await tx.verbeteractie.deleteMany({ where: { OR: rest.map((actie) => ({ id: actie.id, version: seen.get(actie.id)! })) } });
      if (kept.count !== 1 || removed.count !== rest.length) throw new MergeConflict();
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "verbeteractie.samengevoegd",
        targetType: "Verbeteractie",
        targetId: keep.id,
        gemeenteId: keep.zelfscan.gemeenteId,
        regioId: keep.zelfscan.gemeente.regioId,
        details: { samengevoegd: rest.map((actie) => actie.id), versies: Object.fromEntries(acties.map((actie) => [actie.id, actie.version])) },
      });
    });
  } catch (error) {
    if (error instanceof MergeConflict) return conflict;
    throw error;
  }
  return { status: "ok", id: keep.id };
}

/** Proposes a draft action for every gap that has no action yet (the user edits, merges or deletes them). */
export async function proposeDraftActies(prisma: PrismaClient, actor: Actor, zelfscanId: string): Promise<PlanResult<{ created: number }>> {
  const scan = await editableScan(prisma, actor, zelfscanId);
  if (!scan) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: zelfscanId }, "conceptacties voorstellen");
    return { status: "not-found" };
  }
  const framework = getFramework(scan.frameworkVersion);
  const score = scoreScan(framework, scan.answers);
  return prisma.$transaction(async (tx) => {
    const acties = await tx.verbeteractie.findMany({ where: { zelfscanId: scan.id } });
    const covered = new Set(acties.filter((actie) => actie.status !== "VERVALLEN").flatMap((actie) => actie.itemIds));
    const gaps = score.gaps.filter((gap) => !covered.has(gap.item.id));
    let position = acties.reduce((max, actie) => Math.max(max, actie.position), -1) + 1;
    for (const gap of gaps) {
      const answer = scan.answers.find((candidate) => candidate.itemId === gap.item.id);
      await tx.verbeteractie.create({
        data: {
          zelfscanId: scan.id,
          itemIds: [gap.item.id],
          title: `${gap.item.shortTitle}: van niveau ${gap.value} naar ${gap.target}`,
          description: answer?.unknown
            ? `Zoek uit hoe onderdeel ${gap.item.id} nu is geregeld en bepaal wat nodig is.`
            : `Bepaal wat nodig is om onderdeel ${gap.item.id} op het doelniveau te brengen.`,
          priority: gap.gap! >= 2 ? "HOOG" : "MIDDEN",
          draft: true,
          position: position++,
        },
      });
    }
    if (gaps.length) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "verbeteractie.concepten-voorgesteld",
        targetType: "Zelfscan",
        targetId: scan.id,
        gemeenteId: scan.gemeenteId,
        regioId: scan.gemeente.regioId,
        details: { aantal: gaps.length },
      });
    }
    return { status: "ok" as const, created: gaps.length };
  });
}
