// Regions and gemeenten: the beheerder creates and renames them. Project leaders see the gemeenten
// of their own region(s) as choices when they invite someone. Nothing here reads scan content.
import "server-only";
import { isBeheerder, leaderRegioIds, type Actor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/record";
import { refuse, requireBeheerder, usersInScopeWhere, type DbClient } from "./access";
import { isUniqueViolation } from "@/lib/db/errors";
import { invalid, notFound, parseForm } from "./errors";
import { ZGemeenteCreateSchema, ZGemeenteRenameSchema, ZRegioCreateSchema, ZRegioRenameSchema } from "@/lib/shared/beheer/schemas";

const SLUG_TAKEN = "Deze korte naam is al in gebruik. Kies een andere.";

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
    await refuse(prisma, actor, "beheer bekijken");
    return null;
  }
  return { kind: "projectleider", regios: ledRegios, gebruikers: await prisma.user.count({ where: usersInScopeWhere(actor) }) };
}

export type RegioRow = { id: string; name: string; slug: string; gemeenten: number };

export async function listRegios(prisma: DbClient, actor: Actor): Promise<RegioRow[] | null> {
  if (!isBeheerder(actor)) {
    await refuse(prisma, actor, "regio's bekijken");
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
    await refuse(prisma, actor, "regio bekijken", { type: "Regio", id: regioId });
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
    await refuse(prisma, actor, "gemeenten bekijken");
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
    await refuse(prisma, actor, "gemeente bekijken", { type: "Gemeente", id: gemeenteId });
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
  const where = isBeheerder(actor) ? {} : { regioId: { in: leaderRegioIds(actor) } };
  const gemeenten = await prisma.gemeente.findMany({
    where,
    orderBy: [{ regio: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, regio: { select: { name: true } } },
  });
  return gemeenten.map((gemeente) => ({ id: gemeente.id, name: gemeente.name, regio: gemeente.regio.name }));
}

export async function createRegio(prisma: DbClient, actor: Actor, input: unknown): Promise<{ id: string }> {
  await requireBeheerder(prisma, actor, "regio aanmaken");
  const data = parseForm(ZRegioCreateSchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.regio.findUnique({ where: { slug: data.slug } })) throw invalid({ slug: SLUG_TAKEN });
      const regio = await tx.regio.create({ data: { name: data.name, slug: data.slug } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "regio.aangemaakt",
        targetType: "Regio",
        targetId: regio.id,
        regioId: regio.id,
        details: { naam: regio.name, slug: regio.slug },
      });
      return { id: regio.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ slug: SLUG_TAKEN });
    throw error;
  }
}

export async function renameRegio(prisma: DbClient, actor: Actor, regioId: string, input: unknown): Promise<void> {
  await requireBeheerder(prisma, actor, "regio hernoemen", { type: "Regio", id: regioId });
  const data = parseForm(ZRegioRenameSchema, input);
  await prisma.$transaction(async (tx) => {
    const regio = await tx.regio.findUnique({ where: { id: regioId } });
    if (!regio) throw notFound();
    if (regio.name === data.name) return;
    await tx.regio.update({ where: { id: regioId }, data: { name: data.name } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "regio.hernoemd",
      targetType: "Regio",
      targetId: regioId,
      regioId,
      details: { oudeNaam: regio.name, nieuweNaam: data.name },
    });
  });
}

export async function createGemeente(prisma: DbClient, actor: Actor, input: unknown): Promise<{ id: string }> {
  await requireBeheerder(prisma, actor, "gemeente aanmaken");
  const data = parseForm(ZGemeenteCreateSchema, input);
  try {
    return await prisma.$transaction(async (tx) => {
      const regio = await tx.regio.findUnique({ where: { id: data.regioId } });
      if (!regio) throw invalid({ regioId: "Kies een regio uit de lijst." });
      if (await tx.gemeente.findUnique({ where: { slug: data.slug } })) throw invalid({ slug: SLUG_TAKEN });
      const gemeente = await tx.gemeente.create({ data: { name: data.name, slug: data.slug, regioId: regio.id } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gemeente.aangemaakt",
        targetType: "Gemeente",
        targetId: gemeente.id,
        gemeenteId: gemeente.id,
        regioId: regio.id,
        details: { naam: gemeente.name, slug: gemeente.slug, regio: regio.name },
      });
      return { id: gemeente.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ slug: SLUG_TAKEN });
    throw error;
  }
}

export async function renameGemeente(prisma: DbClient, actor: Actor, gemeenteId: string, input: unknown): Promise<void> {
  await requireBeheerder(prisma, actor, "gemeente hernoemen", { type: "Gemeente", id: gemeenteId });
  const data = parseForm(ZGemeenteRenameSchema, input);
  await prisma.$transaction(async (tx) => {
    const gemeente = await tx.gemeente.findUnique({ where: { id: gemeenteId } });
    if (!gemeente) throw notFound();
    if (gemeente.name === data.name) return;
    await tx.gemeente.update({ where: { id: gemeenteId }, data: { name: data.name } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "gemeente.hernoemd",
      targetType: "Gemeente",
      targetId: gemeenteId,
      gemeenteId,
      regioId: gemeente.regioId,
      details: { oudeNaam: gemeente.name, nieuweNaam: data.name },
    });
  });
}
