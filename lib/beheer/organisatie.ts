// Regions and gemeenten: the beheerder creates and renames them. Project leaders see the gemeenten
// of their own region(s) as choices when they invite someone. Nothing here reads scan content.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder, leaderRegioIds } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { usersInScopeWhere, type DbClient } from "./access";
import { isUniqueViolation } from "@/lib/db/errors";
import { ZGemeenteCreateSchema, ZGemeenteRenameSchema, ZRegioCreateSchema, ZRegioRenameSchema } from "@/lib/shared/beheer/schemas";
import { ZId } from "@/lib/shared/forms/id";
import { invalid, notFound, ok } from "@/lib/shared/result";
import { ledGemeenteWhere } from "@/lib/access/rules/leads-region";

const SLUG_TAKEN = "Deze korte naam is al in gebruik. Kies een andere.";
const NAME_SAVED = "De naam is opgeslagen.";

export type BeheerOverview =
  | { kind: "beheerder"; regios: number; gemeenten: number; gebruikers: number; gedeactiveerd: number; openUitnodigingen: number; alsProjectleider: string[] }
  | { kind: "projectleider"; regios: string[]; gebruikers: number };

/** Figures for /beheer, or null (after logging) for someone without beheer. */
export async function getBeheerOverview(prisma: DbClient, actor: Actor): Promise<BeheerOverview | null> {
  const regioIds = leaderRegioIds(actor);
  const ledRegios = regioIds.length
    ? (await prisma.regio.findMany({ where: { id: { in: regioIds } }, orderBy: { name: "asc" }, select: { name: true } })).map((r) => r.name)
    : [];
  if (isBeheerder(actor)) {
    const [regios, gemeenten, gebruikers, gedeactiveerd, openUitnodigingen] = await Promise.all([
      prisma.regio.count(),
      prisma.gemeente.count(),
      prisma.user.count(),
      prisma.user.count({ where: { active: false } }),
      prisma.invitationRequest.count({ where: { status: "OPEN" } }),
    ]);
    return { kind: "beheerder", regios, gemeenten, gebruikers, gedeactiveerd, openUitnodigingen, alsProjectleider: ledRegios };
  }
  if (regioIds.length === 0) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "beheer bekijken");
    return null;
  }
  return { kind: "projectleider", regios: ledRegios, gebruikers: await prisma.user.count({ where: usersInScopeWhere(actor) }) };
}

export type RegioRow = { id: string; name: string; slug: string; gemeenten: number };

export async function listRegios(prisma: DbClient, actor: Actor): Promise<RegioRow[] | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "regio's bekijken");
    return null;
  }
  const regios = await prisma.regio.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, _count: { select: { gemeenten: true } } },
  });
  return regios.map((regio) => ({ id: regio.id, name: regio.name, slug: regio.slug, gemeenten: regio._count.gemeenten }));
}

export type RegioDetail = { id: string; name: string; slug: string; gemeenten: { id: string; name: string; slug: string }[] };

export async function getRegio(prisma: DbClient, actor: Actor, regioId: string): Promise<RegioDetail | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Regio", id: regioId, byRole: true }, "regio bekijken");
    return null;
  }
  return prisma.regio.findUnique({
    where: { id: regioId },
    select: { id: true, name: true, slug: true, gemeenten: { orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } } },
  });
}

export type GemeenteRow = { id: string; name: string; slug: string; regio: { id: string; name: string }; gebruikers: number };

export async function listGemeenten(prisma: DbClient, actor: Actor, options: { regioId?: string } = {}): Promise<GemeenteRow[] | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "gemeenten bekijken");
    return null;
  }
  const gemeenten = await prisma.gemeente.findMany({
    where: options.regioId ? { regioId: options.regioId } : {},
    orderBy: [{ regio: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      regio: { select: { id: true, name: true } },
      _count: { select: { roles: true } },
    },
  });
  return gemeenten.map((gemeente) => ({
    id: gemeente.id,
    name: gemeente.name,
    slug: gemeente.slug,
    regio: gemeente.regio,
    gebruikers: gemeente._count.roles,
  }));
}

export type GemeenteDetail = { id: string; name: string; slug: string; regio: { id: string; name: string } };

export async function getGemeente(prisma: DbClient, actor: Actor, gemeenteId: string): Promise<GemeenteDetail | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Gemeente", id: gemeenteId, byRole: true }, "gemeente bekijken");
    return null;
  }
  return prisma.gemeente.findUnique({
    where: { id: gemeenteId },
    select: { id: true, name: true, slug: true, regio: { select: { id: true, name: true } } },
  });
}

export type Option = { id: string; name: string };

/** Regions the actor may assign a role in: every region for the beheerder, none for others. */
export async function listRegioOptions(prisma: DbClient, actor: Actor): Promise<Option[]> {
  if (!isBeheerder(actor)) return [];
  return prisma.regio.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Gemeenten the actor may assign a beleidsmedewerker to: all for the beheerder, the region's for a leader. */
export async function listGemeenteOptions(prisma: DbClient, actor: Actor): Promise<(Option & { regio: string })[]> {
  const where = isBeheerder(actor) ? {} : ledGemeenteWhere(actor);
  const gemeenten = await prisma.gemeente.findMany({
    where,
    orderBy: [{ regio: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, regio: { select: { name: true } } },
  });
  return gemeenten.map((gemeente) => ({ id: gemeente.id, name: gemeente.name, regio: gemeente.regio.name }));
}

export const createRegio = mutation({
  handeling: "regio aanmaken",
  schema: z.strictObject({ values: ZRegioCreateSchema }),
  form: "values",
  async run(prisma, actor, { values }) {
    if (!isBeheerder(actor)) return refused({ type: "Beheer", byRole: true });
    try {
      return await prisma.$transaction(async (tx) => {
        if (await tx.regio.findUnique({ where: { slug: values.slug } })) return invalid({ slug: SLUG_TAKEN });
        const regio = await tx.regio.create({ data: { name: values.name, slug: values.slug } });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "regio.aangemaakt",
          targetType: "Regio",
          targetId: regio.id,
          regioId: regio.id,
          details: { naam: regio.name, slug: regio.slug },
        });
        return ok({ id: regio.id });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return invalid({ slug: SLUG_TAKEN });
      throw error;
    }
  },
});

export const renameRegio = mutation({
  handeling: "regio hernoemen",
  schema: z.strictObject({ regioId: ZId, values: ZRegioRenameSchema }),
  form: "values",
  async run(prisma, actor, { regioId, values }) {
    if (!isBeheerder(actor)) return refused({ type: "Regio", id: regioId, byRole: true });
    return prisma.$transaction(async (tx) => {
      const regio = await tx.regio.findUnique({ where: { id: regioId } });
      if (!regio) return notFound();
      if (regio.name === values.name) return ok(null, NAME_SAVED);
      await tx.regio.update({ where: { id: regioId }, data: { name: values.name } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "regio.hernoemd",
        targetType: "Regio",
        targetId: regioId,
        regioId,
        details: { oudeNaam: regio.name, nieuweNaam: values.name },
      });
      return ok(null, NAME_SAVED);
    });
  },
});

export const createGemeente = mutation({
  handeling: "gemeente aanmaken",
  schema: z.strictObject({ values: ZGemeenteCreateSchema }),
  form: "values",
  async run(prisma, actor, { values }) {
    if (!isBeheerder(actor)) return refused({ type: "Beheer", byRole: true });
    try {
      return await prisma.$transaction(async (tx) => {
        const regio = await tx.regio.findUnique({ where: { id: values.regioId } });
        if (!regio) return invalid({ regioId: "Kies een regio uit de lijst." });
        if (await tx.gemeente.findUnique({ where: { slug: values.slug } })) return invalid({ slug: SLUG_TAKEN });
        const gemeente = await tx.gemeente.create({ data: { name: values.name, slug: values.slug, regioId: regio.id } });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "gemeente.aangemaakt",
          targetType: "Gemeente",
          targetId: gemeente.id,
          gemeenteId: gemeente.id,
          regioId: regio.id,
          details: { naam: gemeente.name, slug: gemeente.slug, regio: regio.name },
        });
        return ok({ id: gemeente.id });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return invalid({ slug: SLUG_TAKEN });
      throw error;
    }
  },
});

export const renameGemeente = mutation({
  handeling: "gemeente hernoemen",
  schema: z.strictObject({ gemeenteId: ZId, values: ZGemeenteRenameSchema }),
  form: "values",
  async run(prisma, actor, { gemeenteId, values }) {
    if (!isBeheerder(actor)) return refused({ type: "Gemeente", id: gemeenteId, byRole: true });
    return prisma.$transaction(async (tx) => {
      const gemeente = await tx.gemeente.findUnique({ where: { id: gemeenteId } });
      if (!gemeente) return notFound();
      if (gemeente.name === values.name) return ok(null, NAME_SAVED);
      await tx.gemeente.update({ where: { id: gemeenteId }, data: { name: values.name } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gemeente.hernoemd",
        targetType: "Gemeente",
        targetId: gemeenteId,
        gemeenteId,
        regioId: gemeente.regioId,
        details: { oudeNaam: gemeente.name, nieuweNaam: values.name },
      });
      return ok(null, NAME_SAVED);
    });
  },
});
