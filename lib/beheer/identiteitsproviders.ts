// Identity providers (OIDC, Entra ID): only a beheerder lists, creates, edits, deactivates them.
// The client secret is stored encrypted with the application's key and never leaves the server.
import "server-only";
import { randomBytes } from "node:crypto";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { encryptSecret } from "@/lib/auth/crypto";
import { CLIENT_SECRET_PURPOSE } from "@/lib/auth/oidc";
import { nextAuthProviderId, normaliseIssuer } from "@/lib/auth/oidc-rules";
import type { DbClient } from "./access";
import { ZIdentityProviderCreateSchema, ZIdentityProviderEditSchema, type TIdentityProviderData } from "@/lib/shared/beheer/identity-provider-schema";
import { ZId } from "@/lib/shared/forms/id";
import { invalid, notFound, ok, type Invalid } from "@/lib/shared/result";

/** The address the change came from, logged with it (the server action reads it from the request). */
const ZIp = z.optional(z.nullable(z.string()));

export type IdentityProviderRow = {
  id: string;
  label: string;
  kind: "OIDC" | "ENTRA_ID";
  issuer: string;
  active: boolean;
  gemeenten: number;
  regios: number;
  mayBeheerders: boolean;
  links: number;
};

/** Every provider, or null (after logging) for anyone but a beheerder. */
export async function listIdentityProviders(prisma: DbClient, actor: Actor): Promise<IdentityProviderRow[] | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "IdentityProvider", byRole: true }, "identiteitsproviders bekijken");
    return null;
  }
  const rows = await prisma.identityProvider.findMany({
    orderBy: [{ active: "desc" }, { label: "asc" }],
    select: {
      id: true,
      label: true,
      kind: true,
      issuer: true,
      active: true,
      mayBeheerders: true,
      _count: { select: { gemeenten: true, regios: true, links: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, gemeenten: _count.gemeenten, regios: _count.regios, links: _count.links }));
}

/** A provider as the edit form shows it: everything but the secret. */
export type IdentityProviderDetail = {
  id: string;
  nextAuthId: string;
  label: string;
  kind: "OIDC" | "ENTRA_ID";
  issuer: string;
  tenantId: string | null;
  clientId: string;
  active: boolean;
  mayBeheerders: boolean;
  gemeenteIds: string[];
  regioIds: string[];
  links: number;
};

/** One provider, or null: it does not exist, or the actor is no beheerder (logged). */
export async function getIdentityProvider(prisma: DbClient, actor: Actor, id: string): Promise<IdentityProviderDetail | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "IdentityProvider", id, byRole: true }, "identiteitsprovider bekijken");
    return null;
  }
  const row = await prisma.identityProvider.findUnique({
    where: { id },
    select: {
      id: true,
      label: true,
      kind: true,
      issuer: true,
      tenantId: true,
      clientId: true,
      active: true,
      mayBeheerders: true,
      gemeenten: { select: { gemeenteId: true } },
      regios: { select: { regioId: true } },
      _count: { select: { links: true } },
    },
  });
  if (!row) return null;
  const { gemeenten, regios, _count, ...rest } = row;
  return {
    ...rest,
    nextAuthId: nextAuthProviderId(row.id),
    gemeenteIds: gemeenten.map((g) => g.gemeenteId),
    regioIds: regios.map((r) => r.regioId),
    links: _count.links,
  };
}

async function checkOrganisations(prisma: DbClient, data: TIdentityProviderData): Promise<Invalid | null> {
  const [gemeenten, regios] = await Promise.all([
    prisma.gemeente.count({ where: { id: { in: data.gemeenteIds } } }),
    prisma.regio.count({ where: { id: { in: data.regioIds } } }),
  ]);
  if (gemeenten !== new Set(data.gemeenteIds).size) return invalid({ gemeenteIds: "Kies gemeenten uit de lijst." });
  if (regios !== new Set(data.regioIds).size) return invalid({ regioIds: "Kies regio's uit de lijst." });
  return null;
}

function auditDetails(id: string, data: TIdentityProviderData, secretChanged: boolean) {
  // Never the secret itself.
  return {
    provider: id,
    label: data.label,
    soort: data.kind,
    issuer: normaliseIssuer(data.issuer),
    tenantId: data.tenantId || null,
    clientId: data.clientId,
    gemeenten: [...new Set(data.gemeenteIds)],
    regios: [...new Set(data.regioIds)],
    beheerders: data.mayBeheerders,
    geheimGewijzigd: secretChanged,
  };
}

export const createIdentityProvider = mutation({
  handeling: "identiteitsprovider aanmaken",
  schema: z.strictObject({ values: ZIdentityProviderCreateSchema, ip: ZIp }),
  form: "values",
  async run(prisma, actor, { values: data, ip = null }) {
    if (!isBeheerder(actor)) return refused({ type: "IdentityProvider", byRole: true });
    const wrong = await checkOrganisations(prisma, data);
    if (wrong) return wrong;
    const id = randomBytes(12).toString("hex");
    await prisma.$transaction(async (tx) => {
      await tx.identityProvider.create({
        data: {
          id,
          label: data.label,
          kind: data.kind,
          issuer: normaliseIssuer(data.issuer),
          tenantId: data.kind === "ENTRA_ID" ? data.tenantId!.toLowerCase() : null,
          clientId: data.clientId,
          clientSecret: encryptSecret(data.clientSecret.trim(), CLIENT_SECRET_PURPOSE, id),
          mayBeheerders: data.mayBeheerders,
          gemeenten: { create: [...new Set(data.gemeenteIds)].map((gemeenteId) => ({ gemeenteId })) },
          regios: { create: [...new Set(data.regioIds)].map((regioId) => ({ regioId })) },
        },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "beheer.identiteitsprovider-aangemaakt",
        targetType: "IdentityProvider",
        targetId: id,
        details: auditDetails(id, data, true),
        ip,
      });
    });
    return ok({ id });
  },
});

export const updateIdentityProvider = mutation({
  handeling: "identiteitsprovider wijzigen",
  schema: z.strictObject({ providerId: ZId, values: ZIdentityProviderEditSchema, ip: ZIp }),
  form: "values",
  async run(prisma, actor, { providerId: id, values: data, ip = null }) {
    if (!isBeheerder(actor)) return refused({ type: "IdentityProvider", id, byRole: true });
    const existing = await prisma.identityProvider.findUnique({ where: { id }, select: { id: true } });
    if (!existing) return notFound();
    const wrong = await checkOrganisations(prisma, data);
    if (wrong) return wrong;
    const secret = data.clientSecret.trim();
    await prisma.$transaction(async (tx) => {
      await tx.identityProviderGemeente.deleteMany({ where: { providerId: id } });
      await tx.identityProviderRegio.deleteMany({ where: { providerId: id } });
      await tx.identityProvider.update({
        where: { id },
        data: {
          label: data.label,
          kind: data.kind,
          issuer: normaliseIssuer(data.issuer),
          tenantId: data.kind === "ENTRA_ID" ? data.tenantId!.toLowerCase() : null,
          clientId: data.clientId,
          ...(secret ? { clientSecret: encryptSecret(secret, CLIENT_SECRET_PURPOSE, id) } : {}),
          mayBeheerders: data.mayBeheerders,
          gemeenten: { create: [...new Set(data.gemeenteIds)].map((gemeenteId) => ({ gemeenteId })) },
          regios: { create: [...new Set(data.regioIds)].map((regioId) => ({ regioId })) },
        },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "beheer.identiteitsprovider-gewijzigd",
        targetType: "IdentityProvider",
        targetId: id,
        details: auditDetails(id, data, Boolean(secret)),
        ip,
      });
    });
    return ok({ id });
  },
});

/** Deactivating stops every login and link through the provider at once; links are kept for when it is activated again. */
export const setIdentityProviderActive = mutation({
  handeling: "identiteitsprovider (de)activeren",
  schema: z.strictObject({ providerId: ZId, active: z.boolean(), ip: ZIp }),
  form: false,
  async run(prisma, actor, { providerId: id, active, ip = null }) {
    if (!isBeheerder(actor)) {
      return refused(
        { type: "IdentityProvider", id, byRole: true },
        { handeling: active ? "identiteitsprovider activeren" : "identiteitsprovider deactiveren" },
      );
    }
    const updated = await prisma.identityProvider.updateMany({ where: { id }, data: { active } });
    if (updated.count !== 1) return notFound();
    await recordAudit(prisma, {
      actorId: actor.userId,
      action: active ? "beheer.identiteitsprovider-geactiveerd" : "beheer.identiteitsprovider-gedeactiveerd",
      targetType: "IdentityProvider",
      targetId: id,
      ip,
    });
    return ok();
  },
});
