// Changing a gemeente's verbeterplan: only its own officers; every change audited in the same
// transaction. Actions carry a version, so two people editing one action cannot overwrite each other.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { officerZelfscanWhere } from "@/lib/access/rules/editable";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { dayInAmsterdam, endOfDayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";
import { getFramework, getOnderdeel } from "@/lib/framework";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { scoreScan } from "@/lib/scoring/score";
import { ZId } from "@/lib/shared/forms/id";
import { conflict, invalid, notFound, ok, type FieldErrors } from "@/lib/shared/result";
import { ZMergeActiesSchema, ZVerbeteractieSchema, ZVoortgangSchema, type TVerbeteractie } from "@/lib/shared/verbeterplan/schema";

type Tx = Prisma.TransactionClient;

async function editableScan(prisma: PrismaClient | Tx, actor: Actor, zelfscanId: string) {
  return prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, officerZelfscanWhere(actor)] },
    include: { gemeente: { select: { regioId: true } }, answers: true },
  });
}

type Owner = { ownerId: string | null; ownerName: string };

/**
 * The owner the form chose: an active officer of the scan's own gemeente (an id from anywhere
 * else is refused on the field, never stored), or an external party named in text.
 */
async function ownerFor(prisma: PrismaClient | Tx, gemeenteId: string, actie: TVerbeteractie): Promise<Owner | FieldErrors> {
  if (actie.ownerKind === "extern") return { ownerId: null, ownerName: actie.ownerName };
  if (!actie.ownerId) return { ownerId: "Kies een collega." };
  const officer = await prisma.user.findFirst({
    where: { id: actie.ownerId, active: true, roles: { some: { role: "BELEIDSMEDEWERKER", gemeenteId } } },
    select: { id: true },
  });
  return officer ? { ownerId: officer.id, ownerName: "" } : { ownerId: "Kies een collega van deze gemeente met een actief account." };
}

const isOwner = (owner: Owner | FieldErrors): owner is Owner => "ownerName" in owner;

function toData(actie: TVerbeteractie, owner: Owner) {
  return {
    onderdeelIds: [...new Set(actie.onderdeelIds)],
    title: actie.title,
    description: actie.description,
    ownerId: owner.ownerId,
    ownerName: owner.ownerName,
    ownerRole: actie.ownerRole,
    partners: actie.partners,
    deadline: actie.deadline ? endOfDayInAmsterdam(actie.deadline) : null,
    status: actie.status,
    priority: actie.priority,
    borging: actie.borging,
    doelscore: actie.doelscore,
  };
}

/** The items and the level must come from the scan's own framework (its items, its scale). */
function checkFramework(frameworkVersion: string, actie: TVerbeteractie): FieldErrors | null {
  const framework = getFramework(frameworkVersion);
  if (!actie.onderdeelIds.every((id) => getOnderdeel(framework, id))) return { onderdeelIds: "Kies onderdelen uit het kwaliteitskader van deze zelfscan." };
  if (actie.doelscore !== null && actie.doelscore > framework.scale.max) return { doelscore: `Kies een niveau van 0 tot ${framework.scale.max}, of geen.` };
  return null;
}

export const createActie = mutation({
  handeling: "verbeteractie aanmaken",
  schema: z.strictObject({ zelfscanId: ZId, actie: ZVerbeteractieSchema }),
  form: "actie",
  async run(prisma, actor, { zelfscanId, actie: values }) {
    const scan = await editableScan(prisma, actor, zelfscanId);
    if (!scan) return refused({ type: "Zelfscan", id: zelfscanId });
    const onderdeelError = checkFramework(scan.frameworkVersion, values);
    if (onderdeelError) return invalid(onderdeelError);
    const owner = await ownerFor(prisma, scan.gemeenteId, values);
    if (!isOwner(owner)) return invalid(owner);
    const created = await prisma.$transaction(async (tx) => {
      const last = await tx.verbeteractie.aggregate({ where: { zelfscanId: scan.id }, _max: { position: true } });
      const actie = await tx.verbeteractie.create({
        data: { zelfscanId: scan.id, ...toData(values, owner), position: (last._max.position ?? -1) + 1 },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "verbeteractie.aangemaakt",
        targetType: "Verbeteractie",
        targetId: actie.id,
        gemeenteId: scan.gemeenteId,
        regioId: scan.gemeente.regioId,
        details: { zelfscanId: scan.id, itemIds: actie.onderdeelIds },
      });
      return actie;
    });
    return ok({ id: created.id }, "De actie is toegevoegd.");
  },
});

/** The action if the actor may edit it; otherwise null. */
function editableActie(prisma: PrismaClient, actor: Actor, actieId: string) {
  return prisma.verbeteractie.findFirst({
    where: { id: actieId, zelfscan: officerZelfscanWhere(actor) },
    include: { zelfscan: { select: { id: true, gemeenteId: true, frameworkVersion: true, gemeente: { select: { regioId: true } } } } },
  });
}

const ACTIE_CONFLICT_MESSAGE = "Iemand anders heeft deze actie intussen gewijzigd. Laad de pagina opnieuw en voer uw wijziging nogmaals uit.";

/** Changes an action, based on the version the user saw ({ actieId, version, actie }). */
export const updateActie = mutation({
  handeling: "verbeteractie wijzigen",
  schema: z.strictObject({ actieId: ZId, version: z.int().check(z.minimum(0)), actie: ZVerbeteractieSchema }),
  form: "actie",
  async run(prisma, actor, { actieId, version, actie: values }) {
    const existing = await editableActie(prisma, actor, actieId);
    if (!existing) return refused({ type: "Verbeteractie", id: actieId });
    const onderdeelError = checkFramework(existing.zelfscan.frameworkVersion, values);
    if (onderdeelError) return invalid(onderdeelError);
    const owner = await ownerFor(prisma, existing.zelfscan.gemeenteId, values);
    if (!isOwner(owner)) return invalid(owner);
    return prisma.$transaction(async (tx) => {
      const { count } = await tx.verbeteractie.updateMany({
        where: { id: existing.id, version },
        data: { ...toData(values, owner), draft: false, version: { increment: 1 } },
      });
      if (count === 0) return conflict(ACTIE_CONFLICT_MESSAGE);
      // A status changed in the form is part of the progress history too (without a note).
      if (values.status !== existing.status) {
        await tx.actieVoortgang.create({
          data: {
            verbeteractieId: existing.id,
            status: values.status,
            note: "",
            notedOn: startOfDayInAmsterdam(dayInAmsterdam(new Date())),
            authorId: actor.userId,
          },
        });
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "verbeteractie.gewijzigd",
        targetType: "Verbeteractie",
        targetId: existing.id,
        gemeenteId: existing.zelfscan.gemeenteId,
        regioId: existing.zelfscan.gemeente.regioId,
        details: {
          zelfscanId: existing.zelfscanId,
          itemIds: values.onderdeelIds,
          van: { title: existing.title, status: existing.status, doelscore: existing.doelscore },
          naar: { title: values.title, status: values.status, doelscore: values.doelscore },
        },
      });
      return ok(null, "De actie is opgeslagen.");
    });
  },
});

/**
 * Reports progress on an action ({ actieId, version, values: { status, note, notedOn } }): any
 * officer of the gemeente (the owner is one of them). The history row, the action's new status
 * and the audit entry are one transaction, on the version the user saw.
 */
export const reportVoortgang = mutation({
  handeling: "voortgang van een verbeteractie melden",
  schema: z.strictObject({ actieId: ZId, version: z.int().check(z.minimum(0)), values: ZVoortgangSchema }),
  form: "values",
  async run(prisma, actor, { actieId, version, values }) {
    const existing = await editableActie(prisma, actor, actieId);
    if (!existing) return refused({ type: "Verbeteractie", id: actieId });
    if (values.notedOn > dayInAmsterdam(new Date())) return invalid({ notedOn: "Kies vandaag of een dag in het verleden." });
    return prisma.$transaction(async (tx) => {
      const { count } = await tx.verbeteractie.updateMany({
        where: { id: existing.id, version },
        data: { status: values.status, draft: false, version: { increment: 1 } },
      });
      if (count === 0) return conflict(ACTIE_CONFLICT_MESSAGE);
      const row = await tx.actieVoortgang.create({
        data: {
          verbeteractieId: existing.id,
          status: values.status,
          note: values.note,
          notedOn: startOfDayInAmsterdam(values.notedOn),
          authorId: actor.userId,
        },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "verbeteractie.voortgang-gemeld",
        targetType: "Verbeteractie",
        targetId: existing.id,
        gemeenteId: existing.zelfscan.gemeenteId,
        regioId: existing.zelfscan.gemeente.regioId,
        details: {
          zelfscanId: existing.zelfscanId,
          itemIds: existing.onderdeelIds,
          voortgangId: row.id,
          van: existing.status,
          naar: values.status,
          datum: values.notedOn,
        },
      });
      return ok({ id: row.id }, "De voortgang is gemeld.");
    });
  },
});

export const deleteActie = mutation({
  handeling: "verbeteractie verwijderen",
  schema: z.strictObject({ actieId: ZId }),
  async run(prisma, actor, { actieId }) {
    const existing = await editableActie(prisma, actor, actieId);
    if (!existing) return refused({ type: "Verbeteractie", id: actieId });
    await prisma.$transaction(async (tx) => {
      await tx.verbeteractie.delete({ where: { id: existing.id } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "verbeteractie.verwijderd",
        targetType: "Verbeteractie",
        targetId: existing.id,
        gemeenteId: existing.zelfscan.gemeenteId,
        regioId: existing.zelfscan.gemeente.regioId,
        details: { zelfscanId: existing.zelfscanId, title: existing.title, itemIds: existing.onderdeelIds },
      });
    });
    return ok();
  },
});

/** Moves an action one place up or down in the plan. */
export const moveActie = mutation({
  handeling: "verbeteractie verplaatsen",
  schema: z.strictObject({ actieId: ZId, direction: z.enum(["up", "down"]) }),
  async run(prisma, actor, { actieId, direction }) {
    const existing = await editableActie(prisma, actor, actieId);
    if (!existing) return refused({ type: "Verbeteractie", id: actieId });
    await prisma.$transaction(async (tx) => {
      const ordered = await tx.verbeteractie.findMany({ where: { zelfscanId: existing.zelfscanId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
      const index = ordered.findIndex((actie) => actie.id === existing.id);
      const swap = direction === "up" ? index - 1 : index + 1;
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
        details: { zelfscanId: existing.zelfscanId, richting: direction },
      });
    });
    return ok();
  },
});

export const MERGE_CONFLICT_MESSAGE =
  "Iemand anders heeft een van de gekozen acties intussen gewijzigd of verwijderd. Er is niets samengevoegd; bekijk de actuele stand en kies opnieuw.";

const highest = (levels: (number | null)[]) => levels.reduce<number | null>((max, level) => (level === null ? max : Math.max(max ?? level, level)), null);

/** Thrown inside the merge's transaction to undo it: a chosen action changed since the user saw it. */
class MergeConflict extends Error {}

/**
 * Merges actions into the first: its texts stay, the items of all are combined, the others go.
 * The request names each action with the version the user saw ({ acties: [{ id, version }] },
 * ZMergeActiesSchema). Every write is conditional on that version and its count is checked, in
 * one transaction: if any action changed (or went) since, nothing is merged and nothing is lost.
 */
export const mergeActies = mutation({
  handeling: "verbeteracties samenvoegen",
  schema: ZMergeActiesSchema,
  async run(prisma, actor, { acties: chosen }) {
    const seen = new Map(chosen.map((actie) => [actie.id, actie.version]));
    if (seen.size < 2) return invalid({ actieIds: "Kies ten minste twee acties om samen te voegen." });
    const ids = [...seen.keys()];
    const acties = await prisma.verbeteractie.findMany({
      where: { id: { in: ids }, zelfscan: officerZelfscanWhere(actor) },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      include: { zelfscan: { select: { gemeenteId: true, gemeente: { select: { regioId: true } } } } },
    });
    if (acties.length !== ids.length) {
      const editable = new Set(acties.map((actie) => actie.id));
      const [first, ...others] = ids.filter((candidate) => !editable.has(candidate)).map((id) => ({ type: "Verbeteractie" as const, id }));
      return refused([first!, ...others]);
    }
    if (new Set(acties.map((actie) => actie.zelfscanId)).size !== 1) return notFound();
    if (acties.some((actie) => actie.version !== seen.get(actie.id))) return conflict(MERGE_CONFLICT_MESSAGE);
    const [keep, ...rest] = acties as [(typeof acties)[number], ...typeof acties];
    try {
      await prisma.$transaction(async (tx) => {
        // Each write lands only on the version the user saw, which is also the one read above (so
        // what is combined is what they saw); the row locks of the writes make check and change one.
        const kept = await tx.verbeteractie.updateMany({
          where: { id: keep.id, version: seen.get(keep.id)! },
          data: {
            onderdeelIds: [...new Set(acties.flatMap((actie) => actie.onderdeelIds))],
            partners: [...new Set(acties.flatMap((actie) => actie.partners))],
            // The kept action's level stays; without one, the highest of the others (their items join it).
            doelscore: keep.doelscore ?? highest(rest.map((actie) => actie.doelscore)),
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
          details: {
            zelfscanId: keep.zelfscanId,
            samengevoegd: rest.map((actie) => actie.id),
            versies: Object.fromEntries(acties.map((actie) => [actie.id, actie.version])),
          },
        });
      });
    } catch (error) {
      if (error instanceof MergeConflict) return conflict(MERGE_CONFLICT_MESSAGE);
      throw error;
    }
    return ok({ id: keep.id });
  },
});

/** Proposes a draft action for every gap that has no action yet (the user edits, merges or deletes them). */
export const proposeDraftActies = mutation({
  handeling: "conceptacties voorstellen",
  schema: z.strictObject({ zelfscanId: ZId }),
  async run(prisma, actor, { zelfscanId }) {
    const scan = await editableScan(prisma, actor, zelfscanId);
    if (!scan) return refused({ type: "Zelfscan", id: zelfscanId });
    const framework = getFramework(scan.frameworkVersion);
    const score = scoreScan(framework, scan.answers);
    return prisma.$transaction(async (tx) => {
      const acties = await tx.verbeteractie.findMany({ where: { zelfscanId: scan.id } });
      const covered = new Set(acties.filter((actie) => actie.status !== "VERVALLEN").flatMap((actie) => actie.onderdeelIds));
      const gaps = score.gaps.filter((gap) => !covered.has(gap.onderdeel.id));
      let position = acties.reduce((max, actie) => Math.max(max, actie.position), -1) + 1;
      for (const gap of gaps) {
        const answer = scan.answers.find((candidate) => candidate.onderdeelId === gap.onderdeel.id);
        await tx.verbeteractie.create({
          data: {
            zelfscanId: scan.id,
            onderdeelIds: [gap.onderdeel.id],
            title: `${gap.onderdeel.shortTitle}: van niveau ${gap.value} naar ${gap.doelniveau}`,
            description: answer?.weetIkNiet
              ? `Zoek uit hoe onderdeel ${gap.onderdeel.id} nu is geregeld en bepaal wat nodig is.`
              : `Bepaal wat nodig is om onderdeel ${gap.onderdeel.id} op het doelniveau te brengen.`,
            priority: gap.gap! >= 2 ? "HOOG" : "MIDDEN",
            // A proposal aims at the item's own doelniveau.
            doelscore: gap.doelniveau,
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
      return ok({ created: gaps.length });
    });
  },
});
