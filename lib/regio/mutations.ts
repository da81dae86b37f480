// Project leaders manage their region's rounds and regional plan; administrators load framework
// versions. Access is checked inside every query; changes and their audit entries commit together.
import "server-only";
import { canReadGemeente, isBeheerder, type Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { ledRegioWhere } from "@/lib/access/scope";
import { recordAudit } from "@/lib/audit/record";
import { endOfDayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";
import { getFramework, getItem, listFrameworkVersions } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/shared/forms/zod";
import { ZMeetrondeSchema, ZRegionaleActieSchema, ZUpdateRegionaleActieSchema, type TRegionaleActie } from "@/lib/shared/regio/schema";

export type RegioResult<T = object> =
  | ({ status: "ok" } & T)
  | { status: "invalid"; errors: Record<string, string>; message: string }
  | { status: "conflict"; message: string }
  | { status: "not-found" };

function invalid(errors: Record<string, string>): RegioResult<never> {
  return { status: "invalid", errors, message: Object.values(errors)[0] ?? "De invoer is niet geldig." };
}

async function ledRegioBySlug(prisma: PrismaClient, actor: Actor, slug: string, handeling: string) {
  const regio = await prisma.regio.findFirst({ where: { AND: [{ slug }, ledRegioWhere(actor)] }, include: { gemeenten: true } });
  if (!regio) await auditRefusal(prisma, actor, { type: "Regio", slug }, handeling);
  return regio;
}

// ---- Meetrondes -------------------------------------------------------------------------------

export async function createMeetronde(prisma: PrismaClient, actor: Actor, input: { regioSlug: string; ronde: unknown }): Promise<RegioResult<{ id: string }>> {
  const regio = await ledRegioBySlug(prisma, actor, input.regioSlug, "meetronde aanmaken");
  if (!regio) return { status: "not-found" };
  const parsed = ZMeetrondeSchema.safeParse(input.ronde);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { name, startsOn, deadline, frameworkVersion } = parsed.data;
  const framework = listFrameworkVersions().includes(frameworkVersion) ? getFramework(frameworkVersion) : null;
  const loaded = framework && (await prisma.frameworkVersion.findUnique({ where: { id: `${framework.id}@${framework.version}` } }));
  if (!framework || !loaded) return invalid({ frameworkVersion: "Deze versie van het kwaliteitskader is niet geladen door de beheerder." });
  if (await prisma.meetronde.findUnique({ where: { regioId_name: { regioId: regio.id, name } } })) {
    return invalid({ name: "Deze regio heeft al een meetronde met deze naam." });
  }
  const ronde = await prisma.$transaction(async (tx) => {
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
  return { status: "ok", id: ronde.id };
}

const TRANSITIONS = { open: { from: ["GEPLAND", "GESLOTEN"], to: "OPEN" }, sluit: { from: ["OPEN"], to: "GESLOTEN" } } as const;

/** Opens a planned (or reopens a closed) round, or closes an open one. */
export async function changeMeetrondeStatus(prisma: PrismaClient, actor: Actor, input: { meetrondeId: string; change: "open" | "sluit" }): Promise<RegioResult> {
  const ronde = await prisma.meetronde.findFirst({ where: { id: input.meetrondeId, regio: ledRegioWhere(actor) } });
  if (!ronde) {
    await auditRefusal(prisma, actor, { type: "Meetronde", id: input.meetrondeId }, input.change === "open" ? "meetronde openen" : "meetronde sluiten");
    return { status: "not-found" };
  }
  const transition = TRANSITIONS[input.change];
  if (!(transition.from as readonly string[]).includes(ronde.status)) {
    return invalid({ status: input.change === "open" ? "Deze meetronde is al open." : "Alleen een open meetronde kan worden gesloten." });
  }
  await prisma.$transaction(async (tx) => {
    await tx.meetronde.update({ where: { id: ronde.id }, data: { status: transition.to } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: input.change === "open" ? "meetronde.geopend" : "meetronde.gesloten",
      targetType: "Meetronde",
      targetId: ronde.id,
      regioId: ronde.regioId,
    });
  });
  return { status: "ok" };
}

// ---- Regional implementation plan --------------------------------------------------------------

function checkActie(regio: { gemeenten: { id: string }[] }, actie: TRegionaleActie, frameworkVersion: string): Record<string, string> | null {
  const ids = new Set(regio.gemeenten.map((gemeente) => gemeente.id));
  if (actie.gemeenten.some((entry) => !ids.has(entry.gemeenteId))) return { gemeenten: "Kies alleen gemeenten uit uw regio." };
  const framework = getFramework(frameworkVersion);
  if (actie.itemIds.some((id) => !getItem(framework, id))) return { itemIds: "Kies onderdelen uit het kwaliteitskader." };
  return null;
}

function actieData(actie: TRegionaleActie) {
  return {
    itemIds: [...new Set(actie.itemIds)],
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

export async function createRegionaleActie(prisma: PrismaClient, actor: Actor, input: { regioSlug: string; actie: unknown }): Promise<RegioResult<{ id: string }>> {
  const regio = await ledRegioBySlug(prisma, actor, input.regioSlug, "regionale actie aanmaken");
  if (!regio) return { status: "not-found" };
  const parsed = ZRegionaleActieSchema.safeParse(input.actie);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const problem = checkActie(regio, parsed.data, await currentFrameworkVersionOf(prisma, regio.id));
  if (problem) return invalid(problem);
  const created = await prisma.$transaction(async (tx) => {
    const last = await tx.regionaleActie.aggregate({ where: { regioId: regio.id }, _max: { position: true } });
    const actie = await tx.regionaleActie.create({
      data: {
        regioId: regio.id,
        ...actieData(parsed.data),
        position: (last._max.position ?? -1) + 1,
        gemeenten: { create: parsed.data.gemeenten.map((entry) => ({ gemeenteId: entry.gemeenteId, accent: entry.accent })) },
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "regionale-actie.aangemaakt",
      targetType: "RegionaleActie",
      targetId: actie.id,
      regioId: regio.id,
      details: { title: actie.title, gemeenten: parsed.data.gemeenten.map((entry) => entry.gemeenteId) },
    });
    return actie;
  });
  return { status: "ok", id: created.id };
}

export async function updateRegionaleActie(prisma: PrismaClient, actor: Actor, input: { actieId: string; request: unknown }): Promise<RegioResult> {
  const existing = await prisma.regionaleActie.findFirst({ where: { id: input.actieId, regio: ledRegioWhere(actor) }, include: { regio: { include: { gemeenten: true } } } });
  if (!existing) {
    await auditRefusal(prisma, actor, { type: "RegionaleActie", id: input.actieId }, "regionale actie wijzigen");
    return { status: "not-found" };
  }
  const parsed = ZUpdateRegionaleActieSchema.safeParse(input.request);
  if (!parsed.success) {
    return invalid(Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([key, message]) => [key.replace(/^actie\./, ""), message])));
  }
  const problem = checkActie(existing.regio, parsed.data.actie, await currentFrameworkVersionOf(prisma, existing.regioId));
  if (problem) return invalid(problem);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.regionaleActie.updateMany({
      where: { id: existing.id, version: parsed.data.version },
      data: { ...actieData(parsed.data.actie), version: { increment: 1 } },
    });
    if (count === 0) return { status: "conflict" as const, message: "Iemand anders heeft deze actie intussen gewijzigd. Laad de pagina opnieuw." };
    await tx.regionaleActieGemeente.deleteMany({ where: { regionaleActieId: existing.id } });
    await tx.regionaleActieGemeente.createMany({
      data: parsed.data.actie.gemeenten.map((entry) => ({ regionaleActieId: existing.id, gemeenteId: entry.gemeenteId, accent: entry.accent })),
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "regionale-actie.gewijzigd",
      targetType: "RegionaleActie",
      targetId: existing.id,
      regioId: existing.regioId,
      details: { title: parsed.data.actie.title, status: parsed.data.actie.status },
    });
    return { status: "ok" as const };
  });
}

export async function deleteRegionaleActie(prisma: PrismaClient, actor: Actor, actieId: string): Promise<RegioResult> {
  const existing = await prisma.regionaleActie.findFirst({ where: { id: actieId, regio: ledRegioWhere(actor) } });
  if (!existing) {
    await auditRefusal(prisma, actor, { type: "RegionaleActie", id: actieId }, "regionale actie verwijderen");
    return { status: "not-found" };
  }
  await prisma.$transaction(async (tx) => {
    await tx.regionaleActie.delete({ where: { id: existing.id } });
    await recordAudit(tx, { actorId: actor.userId, action: "regionale-actie.verwijderd", targetType: "RegionaleActie", targetId: existing.id, regioId: existing.regioId, details: { title: existing.title } });
  });
  return { status: "ok" };
}

/** The regional plan of a region (its leaders), with the municipalities and accents of each action. */
export async function listRegionaleActies(prisma: PrismaClient, actor: Actor, regioSlug: string) {
  const regio = await ledRegioBySlug(prisma, actor, regioSlug, "regionaal plan bekijken");
  if (!regio) return null;
  return prisma.regionaleActie.findMany({
    where: { regioId: regio.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { gemeenten: { include: { gemeente: { select: { name: true, slug: true } } } } },
  });
}

/** The regional actions that concern one gemeente, for its local verbeterplan (officers and leaders). */
export async function regionaleActiesVoorGemeente(prisma: PrismaClient, actor: Actor, gemeenteId: string) {
  const gemeente = await prisma.gemeente.findUnique({ where: { id: gemeenteId } });
  if (!gemeente) return [];
  if (!canReadGemeente(actor, gemeente)) {
    await auditRefusal(prisma, actor, { type: "Gemeente", id: gemeenteId }, "regionale acties van gemeente bekijken");
    return [];
  }
  const acties = await prisma.regionaleActie.findMany({
    where: { gemeenten: { some: { gemeenteId } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { gemeenten: { where: { gemeenteId } } },
  });
  return acties.map(({ gemeenten, ...actie }) => ({ ...actie, accent: gemeenten[0]?.accent ?? "" }));
}

// ---- Framework versions -----------------------------------------------------------------------

/** Versions shipped in content/ and whether an administrator has loaded them. */
export async function listFrameworkVersionsForBeheer(prisma: PrismaClient, actor: Actor) {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "FrameworkVersion" }, "kaderversies bekijken");
    return null;
  }
  const loaded = await prisma.frameworkVersion.findMany();
  return listFrameworkVersions().map((version) => {
    const framework = getFramework(version);
    const row = loaded.find((entry) => entry.id === `${framework.id}@${framework.version}`);
    return { version, title: framework.title, items: framework.items.length, adoptedOn: framework.adoptedOn, loadedAt: row?.loadedAt ?? null };
  });
}

export async function loadFrameworkVersion(prisma: PrismaClient, actor: Actor, version: string): Promise<RegioResult> {
  if (!isBeheerder(actor)) {
    const framework = listFrameworkVersions().includes(version) ? getFramework(version) : null;
    await auditRefusal(prisma, actor, { type: "FrameworkVersion", id: framework ? `${framework.id}@${framework.version}` : version }, "kaderversie laden");
    return { status: "not-found" };
  }
  if (!listFrameworkVersions().includes(version)) return invalid({ version: "Deze versie staat niet in content/frameworks." });
  const framework = getFramework(version);
  const id = `${framework.id}@${framework.version}`;
  await prisma.$transaction(async (tx) => {
    await tx.frameworkVersion.upsert({ where: { id }, create: { id, frameworkId: framework.id, version: framework.version, loadedById: actor.userId }, update: {} });
    await recordAudit(tx, { actorId: actor.userId, action: "kaderversie.geladen", targetType: "FrameworkVersion", targetId: id });
  });
  return { status: "ok" };
}
