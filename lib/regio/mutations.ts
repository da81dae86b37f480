// Project leaders manage their region's rounds and regional plan. Access is checked inside every
// query (ledRegioWhere: what the actor does not lead is not found, and the attempt is audited);
// changes and their audit entries commit together. Reading is in queries.ts.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { ledRegioWhere } from "@/lib/access/rules/leads-region";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { queueMeetrondeGeopend } from "@/lib/mail/zelfscan-events";
import { endOfDayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";
import { getFramework, getOnderdeel, listFrameworkVersions } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZId } from "@/lib/shared/forms/id";
import { conflict, invalid, ok, type FieldErrors } from "@/lib/shared/result";
import { ZMeetrondeSchema, ZRegionaleActieSchema, type TRegionaleActie } from "@/lib/shared/regio/schema";

function ledRegioBySlug(prisma: PrismaClient, actor: Actor, slug: string) {
  return prisma.regio.findFirst({ where: { AND: [{ slug }, ledRegioWhere(actor)] }, include: { gemeenten: true } });
}

// ---- Meetrondes -------------------------------------------------------------------------------

export const createMeetronde = mutation({
  handeling: "meetronde aanmaken",
  schema: z.strictObject({ regioSlug: ZId, meetronde: ZMeetrondeSchema }),
  form: "meetronde",
  async run(prisma, actor, { regioSlug, meetronde: values }) {
    const regio = await ledRegioBySlug(prisma, actor, regioSlug);
    if (!regio) return refused({ type: "Regio", slug: regioSlug });
    const { name, startsOn, deadline, frameworkVersion } = values;
    const framework = listFrameworkVersions().includes(frameworkVersion) ? getFramework(frameworkVersion) : null;
    const loaded = framework && (await prisma.frameworkVersion.findUnique({ where: { id: `${framework.id}@${framework.version}` } }));
    if (!framework || !loaded) return invalid({ frameworkVersion: "Deze versie van het kwaliteitskader is niet geladen door de beheerder." });
    if (await prisma.meetronde.findUnique({ where: { regioId_name: { regioId: regio.id, name } } })) {
      return invalid({ name: "Deze regio heeft al een meetronde met deze naam." });
    }
    const meetronde = await prisma.$transaction(async (tx) => {
      const created = await tx.meetronde.create({
        data: {
          regioId: regio.id,
          name,
          startsOn: startOfDayInAmsterdam(startsOn),
          deadline: endOfDayInAmsterdam(deadline),
          frameworkId: framework.id,
          frameworkVersion: framework.version,
        },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "meetronde.aangemaakt",
        targetType: "Meetronde",
        targetId: created.id,
        regioId: regio.id,
        details: { name, startsOn, deadline, kaderversie: framework.version },
      });
      return created;
    });
    return ok({ id: meetronde.id });
  },
});

const TRANSITIONS = {
  open: { handeling: "meetronde openen", from: ["GEPLAND", "GESLOTEN"], to: "OPEN", action: "meetronde.geopend", refusal: "Deze meetronde is al open." },
  sluit: {
    handeling: "meetronde sluiten",
    from: ["OPEN"],
    to: "GESLOTEN",
    action: "meetronde.gesloten",
    refusal: "Alleen een open meetronde kan worden gesloten.",
  },
} as const;

/** Opens a planned (or reopens a closed) round, or closes an open one: one mutation per change, each with its own entry in the log. */
function meetrondeStatusChange(change: keyof typeof TRANSITIONS) {
  const transition = TRANSITIONS[change];
  return mutation({
    handeling: transition.handeling,
    schema: z.strictObject({ meetrondeId: ZId }),
    async run(prisma, actor, { meetrondeId }) {
      const meetronde = await prisma.meetronde.findFirst({ where: { id: meetrondeId, regio: ledRegioWhere(actor) } });
      if (!meetronde) return refused({ type: "Meetronde", id: meetrondeId });
      if (!(transition.from as readonly string[]).includes(meetronde.status)) return invalid({ status: transition.refusal }, transition.refusal);
      const changed = await prisma.$transaction(async (tx) => {
        // The status it was seen in, as the condition of the update: two leaders opening at once
        // open it (and announce it) once.
        const at = new Date();
        const { count } = await tx.meetronde.updateMany({
          where: { id: meetronde.id, status: { in: [...transition.from] } },
          data: { status: transition.to, updatedAt: at },
        });
        if (count === 0) return false;
        await recordAudit(tx, {
          actorId: actor.userId,
          action: transition.action,
          targetType: "Meetronde",
          targetId: meetronde.id,
          regioId: meetronde.regioId,
        });
        if (transition.to === "OPEN") await queueMeetrondeGeopend(tx, { meetrondeId: meetronde.id, actorId: actor.userId, openedAt: at });
        return true;
      });
      return changed ? ok() : invalid({ status: transition.refusal }, transition.refusal);
    },
  });
}

export const openMeetronde = meetrondeStatusChange("open");
export const closeMeetronde = meetrondeStatusChange("sluit");

// ---- Regional implementation plan --------------------------------------------------------------

function checkActie(regio: { gemeenten: { id: string }[] }, actie: TRegionaleActie, frameworkVersion: string): FieldErrors | null {
  const ids = new Set(regio.gemeenten.map((gemeente) => gemeente.id));
  if (actie.gemeenten.some((entry) => !ids.has(entry.gemeenteId))) return { gemeenten: "Kies alleen gemeenten uit uw regio." };
  const framework = getFramework(frameworkVersion);
  if (actie.onderdeelIds.some((id) => !getOnderdeel(framework, id))) return { onderdeelIds: "Kies onderdelen uit het kwaliteitskader." };
  return null;
}

function actieData(actie: TRegionaleActie) {
  return {
    onderdeelIds: [...new Set(actie.onderdeelIds)],
    title: actie.title,
    description: actie.description,
    ownerName: actie.ownerName,
    ownerRole: actie.ownerRole,
    deadline: actie.deadline ? endOfDayInAmsterdam(actie.deadline) : null,
    status: actie.status,
  };
}

async function currentFrameworkVersionOf(prisma: PrismaClient, regioId: string): Promise<string> {
  const latest = await prisma.meetronde.findFirst({ where: { regioId }, orderBy: { startsOn: "desc" } });
  return latest?.frameworkVersion ?? listFrameworkVersions().at(-1)!;
}

export const createRegionaleActie = mutation({
  handeling: "regionale actie aanmaken",
  schema: z.strictObject({ regioSlug: ZId, actie: ZRegionaleActieSchema }),
  form: "actie",
  async run(prisma, actor, { regioSlug, actie: values }) {
    const regio = await ledRegioBySlug(prisma, actor, regioSlug);
    if (!regio) return refused({ type: "Regio", slug: regioSlug });
    const problem = checkActie(regio, values, await currentFrameworkVersionOf(prisma, regio.id));
    if (problem) return invalid(problem);
    const created = await prisma.$transaction(async (tx) => {
      const last = await tx.regionaleActie.aggregate({ where: { regioId: regio.id }, _max: { position: true } });
      const actie = await tx.regionaleActie.create({
        data: {
          regioId: regio.id,
          ...actieData(values),
          position: (last._max.position ?? -1) + 1,
          gemeenten: { create: values.gemeenten.map((entry) => ({ gemeenteId: entry.gemeenteId, accent: entry.accent })) },
        },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "regionale-actie.aangemaakt",
        targetType: "RegionaleActie",
        targetId: actie.id,
        regioId: regio.id,
        details: { title: actie.title, gemeenten: values.gemeenten.map((entry) => entry.gemeenteId) },
      });
      return actie;
    });
    return ok({ id: created.id });
  },
});

const REGIONALE_ACTIE_CONFLICT_MESSAGE = "Iemand anders heeft deze actie intussen gewijzigd. Laad de pagina opnieuw.";

/** Changes an action of the regional plan, based on the version the leader saw ({ actieId, version, actie }). */
export const updateRegionaleActie = mutation({
  handeling: "regionale actie wijzigen",
  schema: z.strictObject({ actieId: ZId, version: z.int().check(z.minimum(0)), actie: ZRegionaleActieSchema }),
  form: "actie",
  async run(prisma, actor, { actieId, version, actie: values }) {
    const existing = await prisma.regionaleActie.findFirst({
      where: { id: actieId, regio: ledRegioWhere(actor) },
      include: { regio: { include: { gemeenten: true } } },
    });
    if (!existing) return refused({ type: "RegionaleActie", id: actieId });
    const problem = checkActie(existing.regio, values, await currentFrameworkVersionOf(prisma, existing.regioId));
    if (problem) return invalid(problem);
    return prisma.$transaction(async (tx) => {
      const { count } = await tx.regionaleActie.updateMany({ where: { id: existing.id, version }, data: { ...actieData(values), version: { increment: 1 } } });
      if (count === 0) return conflict(REGIONALE_ACTIE_CONFLICT_MESSAGE);
      await tx.regionaleActieGemeente.deleteMany({ where: { regionaleActieId: existing.id } });
      await tx.regionaleActieGemeente.createMany({
        data: values.gemeenten.map((entry) => ({ regionaleActieId: existing.id, gemeenteId: entry.gemeenteId, accent: entry.accent })),
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "regionale-actie.gewijzigd",
        targetType: "RegionaleActie",
        targetId: existing.id,
        regioId: existing.regioId,
        details: { title: values.title, status: values.status },
      });
      return ok();
    });
  },
});

export const deleteRegionaleActie = mutation({
  handeling: "regionale actie verwijderen",
  schema: z.strictObject({ actieId: ZId }),
  async run(prisma, actor, { actieId }) {
    const existing = await prisma.regionaleActie.findFirst({ where: { id: actieId, regio: ledRegioWhere(actor) } });
    if (!existing) return refused({ type: "RegionaleActie", id: actieId });
    await prisma.$transaction(async (tx) => {
      await tx.regionaleActie.delete({ where: { id: existing.id } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "regionale-actie.verwijderd",
        targetType: "RegionaleActie",
        targetId: existing.id,
        regioId: existing.regioId,
        details: { title: existing.title },
      });
    });
    return ok();
  },
});
