// Users and their grants. The beheerder manages everyone; a project leader lists the active
// beleidsmedewerkers of the gemeenten in their region(s) and asks for invitations there
// (lib/beheer/uitnodigingen.ts). Creating accounts, role changes and deactivation are the
// beheerder's. What a leader sees of a user never tells whether the account existed before the
// leader's invitation: no last login, creation date, second factor or open links.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder, leaderRegioIds } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { endCoordinatorship } from "@/lib/gemeente/coordinator";
import type { Prisma } from "@/lib/generated/prisma/client";
import { usersInScopeWhere, visibleGrantsWhere, type DbClient } from "./access";
import { isUniqueViolation } from "@/lib/db/errors";
import { ZGrantSchema, ZUserCreateSchema, ZUserEditSchema, type RoleName, type TUserFilter } from "@/lib/shared/beheer/schemas";
import { ZId } from "@/lib/shared/forms/id";
import { conflict, invalid, notFound, ok, type Invalid } from "@/lib/shared/result";
import { canLeadRegio } from "@/lib/access/rules/leads-region";

type GrantView = {
  id: string;
  role: RoleName;
  gemeente: { id: string; name: string } | null;
  regio: { id: string; name: string } | null;
};

export type UserRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  grants: GrantView[];
};

export type UserDetail = UserRow & {
  /** Null for a project leader (see the top of this file). */
  createdAt: Date | null;
  totpEnabled: boolean;
  /** Unused, unexpired links: when they were made and until when they work (never the token). Empty for a leader. */
  openLinks: { purpose: "UITNODIGING" | "WACHTWOORD_HERSTEL"; createdAt: Date; expiresAt: Date }[];
  may: { edit: boolean; manageGrants: boolean; changeStatus: boolean; makeLink: boolean };
};

const grantSelect = {
  id: true,
  role: true,
  gemeente: { select: { id: true, name: true, regioId: true } },
  regio: { select: { id: true, name: true } },
} satisfies Prisma.RoleGrantSelect;

type GrantRow = Prisma.RoleGrantGetPayload<{ select: typeof grantSelect }>;

function grantView(grant: GrantRow): GrantView {
  return {
    id: grant.id,
    role: grant.role,
    gemeente: grant.gemeente ? { id: grant.gemeente.id, name: grant.gemeente.name } : null,
    regio: grant.regio,
  };
}

const ROLE_ORDER: Record<RoleName, number> = { BEHEERDER: 0, LANDELIJK: 1, PROJECTLEIDER: 2, BELEIDSMEDEWERKER: 3 };

function sortGrants(grants: GrantView[]): GrantView[] {
  const label = (grant: GrantView) => grant.gemeente?.name ?? grant.regio?.name ?? "";
  return [...grants].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || label(a).localeCompare(label(b), "nl"));
}

function filterWhere(filter: TUserFilter): Prisma.UserWhereInput[] {
  const where: Prisma.UserWhereInput[] = [];
  if (filter.zoek) {
    where.push({
      OR: [{ email: { contains: filter.zoek, mode: "insensitive" } }, { name: { contains: filter.zoek, mode: "insensitive" } }],
    });
  }
  if (filter.gemeente) where.push({ roles: { some: { gemeenteId: filter.gemeente } } });
  if (filter.rol) where.push({ roles: { some: { role: filter.rol } } });
  if (filter.status) where.push({ active: filter.status === "actief" });
  return where;
}

/** Users in the actor's scope, filtered; null (after logging) for someone without beheer. */
export async function listUsers(prisma: DbClient, actor: Actor, filter: TUserFilter = {}): Promise<UserRow[] | null> {
  if (!isBeheerder(actor) && leaderRegioIds(actor).length === 0) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "gebruikers bekijken");
    return null;
  }
  const users = await prisma.user.findMany({
    where: { AND: [usersInScopeWhere(actor), ...filterWhere(filter)] },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: 500,
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      passwordHash: true,
      lastLoginAt: true,
      roles: { where: visibleGrantsWhere(actor), select: grantSelect },
    },
  });
  const beheerder = isBeheerder(actor);
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    hasPassword: user.passwordHash !== null,
    lastLoginAt: beheerder ? user.lastLoginAt : null,
    grants: sortGrants(user.roles.map(grantView)),
  }));
}

/** One user in the actor's scope with what the actor may do with them, or null (out of scope is logged). */
export async function getUser(prisma: DbClient, actor: Actor, userId: string, now = new Date()): Promise<UserDetail | null> {
  if (!isBeheerder(actor) && leaderRegioIds(actor).length === 0) {
    await auditRefusal(prisma, actor, { type: "User", id: userId, byRole: true }, "gebruiker bekijken");
    return null;
  }
  const user = await prisma.user.findFirst({
    where: { AND: [{ id: userId }, usersInScopeWhere(actor)] },
    select: {
      id: true,
      email: true,
      name: true,
      active: true,
      passwordHash: true,
      totpEnabled: true,
      lastLoginAt: true,
      createdAt: true,
      roles: { select: grantSelect },
      accountLinks: {
        where: { usedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        select: { purpose: true, createdAt: true, expiresAt: true },
      },
    },
  });
  if (!user) {
    await auditRefusal(prisma, actor, { type: "User", id: userId });
    return null;
  }
  const beheerder = isBeheerder(actor);
  const visible = beheerder
    ? user.roles
    : user.roles.filter((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeente && canLeadRegio(actor, grant.gemeente.regioId));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    hasPassword: user.passwordHash !== null,
    totpEnabled: beheerder ? user.totpEnabled : false,
    lastLoginAt: beheerder ? user.lastLoginAt : null,
    createdAt: beheerder ? user.createdAt : null,
    grants: sortGrants(visible.map(grantView)),
    openLinks: beheerder ? user.accountLinks : [],
    may: {
      edit: beheerder,
      manageGrants: beheerder,
      changeStatus: beheerder && user.id !== actor.userId,
      // Leaders never see a token: an invitation link would exist for a new address but not for
      // an account that has a password, and so tell the two apart.
      makeLink: beheerder && user.active,
    },
  };
}

type ScopeCheck = { gemeenteId: string | null; regioId: string | null; regioOfGemeente: string | null; label: string };

/** The scope of a grant the beheerder gives, or the field error when the chosen gemeente or regio does not exist. */
async function checkGrantScope(prisma: DbClient, grant: { role: RoleName; gemeenteId?: string; regioId?: string }): Promise<ScopeCheck | Invalid> {
  if (grant.role === "BELEIDSMEDEWERKER") {
    const gemeente = await prisma.gemeente.findUnique({ where: { id: grant.gemeenteId ?? "" } });
    if (!gemeente) return invalid({ gemeenteId: "Kies een gemeente uit de lijst." });
    return { gemeenteId: gemeente.id, regioId: null, regioOfGemeente: gemeente.regioId, label: gemeente.name };
  }
  if (grant.role === "PROJECTLEIDER") {
    const regio = await prisma.regio.findUnique({ where: { id: grant.regioId ?? "" } });
    if (!regio) return invalid({ regioId: "Kies een regio uit de lijst." });
    return { gemeenteId: null, regioId: regio.id, regioOfGemeente: null, label: regio.name };
  }
  return { gemeenteId: null, regioId: null, regioOfGemeente: null, label: "hele applicatie" };
}

const GRANT_EXISTS = "Deze gebruiker heeft deze rol hier al.";
const EMAIL_TAKEN = "Er bestaat al een account met dit e-mailadres.";
/** Tests pass the time; a server action never does (its input is made on the server). */
const ZNow = z.optional(z.date());

/**
 * The beheerder creates a user with a first grant. When an account with the e-mail address exists,
 * the grant is added to that account instead (the name in the form is then not used). A project
 * leader asks for an invitation instead (requestInvitation), whose answer does not depend on that.
 */
export const createUser = mutation({
  handeling: "gebruiker aanmaken",
  schema: z.strictObject({ values: ZUserCreateSchema }),
  form: "values",
  async run(prisma, actor, { values }) {
    if (!isBeheerder(actor)) return refused({ type: "Beheer", byRole: true });
    const scope = await checkGrantScope(prisma, values);
    if ("status" in scope) return scope;
    try {
      return await prisma.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { email: values.email } });
        const grant = { role: values.role, gemeenteId: scope.gemeenteId, regioId: scope.regioId };
        const auditScope = { gemeenteId: scope.gemeenteId, regioId: scope.regioId ?? scope.regioOfGemeente };
        if (existing) {
          // A unique index does not cover grants whose scope columns are NULL: look it up.
          if (await tx.roleGrant.findFirst({ where: { userId: existing.id, ...grant } })) return invalid({ email: GRANT_EXISTS });
          await tx.roleGrant.create({ data: { userId: existing.id, ...grant } });
          await recordAudit(tx, {
            actorId: actor.userId,
            action: "gebruiker.rol-toegekend",
            targetType: "User",
            targetId: existing.id,
            ...auditScope,
            details: { email: existing.email, rol: values.role, scope: scope.label },
          });
          return ok({ userId: existing.id, created: false });
        }
        const user = await tx.user.create({ data: { email: values.email, name: values.name, roles: { create: grant } } });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "gebruiker.aangemaakt",
          targetType: "User",
          targetId: user.id,
          ...auditScope,
          details: { email: user.email, naam: user.name, rol: values.role, scope: scope.label },
        });
        return ok({ userId: user.id, created: true });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return invalid({ email: EMAIL_TAKEN });
      throw error;
    }
  },
});

export const updateUser = mutation({
  handeling: "gebruiker wijzigen",
  schema: z.strictObject({ userId: ZId, values: ZUserEditSchema }),
  form: "values",
  async run(prisma, actor, { userId, values }) {
    if (!isBeheerder(actor)) return refused({ type: "User", id: userId, byRole: true });
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) return notFound();
      if (user.name === values.name) return ok(null, "De naam is opgeslagen.");
      await tx.user.update({ where: { id: userId }, data: { name: values.name } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gebruiker.gewijzigd",
        targetType: "User",
        targetId: userId,
        details: { email: user.email, oudeNaam: user.name, nieuweNaam: values.name },
      });
      return ok(null, "De naam is opgeslagen.");
    });
  },
});

export const addGrant = mutation({
  handeling: "rol toekennen",
  schema: z.strictObject({ userId: ZId, values: ZGrantSchema }),
  form: "values",
  async run(prisma, actor, { userId, values }) {
    if (!isBeheerder(actor)) return refused({ type: "User", id: userId, byRole: true });
    const scope = await checkGrantScope(prisma, values);
    if ("status" in scope) return scope;
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) return notFound();
      const grant = { role: values.role, gemeenteId: scope.gemeenteId, regioId: scope.regioId };
      if (await tx.roleGrant.findFirst({ where: { userId, ...grant } })) return invalid({ role: GRANT_EXISTS });
      await tx.roleGrant.create({ data: { userId, ...grant } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gebruiker.rol-toegekend",
        targetType: "User",
        targetId: userId,
        gemeenteId: scope.gemeenteId,
        regioId: scope.regioId ?? scope.regioOfGemeente,
        details: { email: user.email, rol: values.role, scope: scope.label },
      });
      return ok(null, "De rol is toegekend.");
    });
  },
});

export const removeGrant = mutation({
  handeling: "rol intrekken",
  schema: z.strictObject({ userId: ZId, grantId: ZId }),
  form: false,
  async run(prisma, actor, { userId, grantId }) {
    if (!isBeheerder(actor)) return refused({ type: "User", id: userId, byRole: true });
    return prisma.$transaction(async (tx) => {
      const grant = await tx.roleGrant.findFirst({
        where: { id: grantId, userId },
        include: { user: true, gemeente: true, regio: true },
      });
      if (!grant) return notFound();
      if (grant.role === "BEHEERDER" && userId === actor.userId) {
        return invalid({}, "U kunt uw eigen rol als beheerder niet intrekken. Vraag een andere beheerder.");
      }
      await tx.roleGrant.delete({ where: { id: grant.id } });
      if (grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId) {
        await endCoordinatorship(tx, { userId, gemeenteId: grant.gemeenteId, actorId: actor.userId, reden: "rol ingetrokken" });
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gebruiker.rol-ingetrokken",
        targetType: "User",
        targetId: userId,
        gemeenteId: grant.gemeenteId,
        regioId: grant.regioId ?? grant.gemeente?.regioId ?? null,
        details: { email: grant.user.email, rol: grant.role, scope: grant.gemeente?.name ?? grant.regio?.name ?? "hele applicatie" },
      });
      return ok(null, "De rol is ingetrokken.");
    });
  },
});

/** Deactivates an account: it can no longer log in, its sessions end and its open links stop working. */
export const deactivateUser = mutation({
  handeling: "gebruiker deactiveren",
  schema: z.strictObject({ userId: ZId, now: ZNow }),
  form: false,
  async run(prisma, actor, { userId, now = new Date() }) {
    if (!isBeheerder(actor)) return refused({ type: "User", id: userId, byRole: true });
    if (userId === actor.userId) return invalid({}, "U kunt uw eigen account niet deactiveren.");
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) return notFound();
      if (!user.active) return conflict("Dit account is al gedeactiveerd.");
      const sessions = await tx.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
      await tx.user.update({ where: { id: userId }, data: { active: false } });
      await revokeAllSessions(tx, userId);
      await endCoordinatorship(tx, { userId, actorId: actor.userId, reden: "account gedeactiveerd" });
      const links = await tx.accountLink.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gebruiker.gedeactiveerd",
        targetType: "User",
        targetId: userId,
        details: { email: user.email, sessiesBeeindigd: sessions, linksIngetrokken: links.count },
      });
      return ok(null, "Het account is gedeactiveerd.");
    });
  },
});

export const reactivateUser = mutation({
  handeling: "gebruiker activeren",
  schema: z.strictObject({ userId: ZId }),
  form: false,
  async run(prisma, actor, { userId }) {
    if (!isBeheerder(actor)) return refused({ type: "User", id: userId, byRole: true });
    return prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId } });
      if (!user) return notFound();
      if (user.active) return conflict("Dit account is al actief.");
      await tx.user.update({ where: { id: userId }, data: { active: true } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "gebruiker.geactiveerd",
        targetType: "User",
        targetId: userId,
        details: { email: user.email },
      });
      return ok(null, "Het account is weer actief.");
    });
  },
});
