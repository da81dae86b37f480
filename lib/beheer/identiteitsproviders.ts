// Identity providers (OIDC, Entra ID): only a beheerder lists, creates, edits, deactivates them.
// The client secret is stored encrypted with the application's key and never leaves the server.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/access/actor";
import { recordAudit } from "@/lib/audit/record";
import { encryptSecret } from "@/lib/auth/crypto";
import { CLIENT_SECRET_PURPOSE } from "@/lib/auth/oidc";
import { nextAuthProviderId, normaliseIssuer } from "@/lib/auth/oidc-rules";
import { requireBeheerder, type DbClient } from "./access";
import { invalid, notFound, parseForm } from "./errors";
import { ZIdentityProviderCreateSchema, ZIdentityProviderEditSchema, type TIdentityProviderData } from "@/lib/shared/beheer/identity-provider-schema";

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

export async function listIdentityProviders(prisma: DbClient, actor: Actor): Promise<IdentityProviderRow[]> {
  await requireBeheerder(prisma, actor, "identiteitsproviders bekijken", { type: "IdentityProvider" });
  const rows = await prisma.identityProvider.findMany({
    orderBy: [{ active: "desc" }, { label: "asc" }],
    select: { id: true, label: true, kind: true, issuer: true, active: true, mayBeheerders: true, _count: { select: { gemeenten: true, regios: true, links: true } } },
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

export async function getIdentityProvider(prisma: DbClient, actor: Actor, id: string): Promise<IdentityProviderDetail> {
  await requireBeheerder(prisma, actor, "identiteitsprovider bekijken", { type: "IdentityProvider", id });
  const row = await prisma.identityProvider.findUnique({
    where: { id },
    select: {
      id: true, label: true, kind: true, issuer: true, tenantId: true, clientId: true, active: true, mayBeheerders: true,
      gemeenten: { select: { gemeenteId: true } }, regios: { select: { regioId: true } }, _count: { select: { links: true } },
    },
  });
  if (!row) throw notFound();
  const { gemeenten, regios, _count, ...rest } = row;
  return { ...rest, nextAuthId: nextAuthProviderId(row.id), gemeenteIds: gemeenten.map((g) => g.gemeenteId), regioIds: regios.map((r) => r.regioId), links: _count.links };
}

async function checkOrganisations(prisma: DbClient, data: TIdentityProviderData) {
  const [gemeenten, regios] = await Promise.all([
    prisma.gemeente.count({ where: { id: { in: data.gemeenteIds } } }),
    prisma.regio.count({ where: { id: { in: data.regioIds } } }),
  ]);
  if (gemeenten !== new Set(data.gemeenteIds).size) throw invalid({ gemeenteIds: "Kies gemeenten uit de lijst." });
  if (regios !== new Set(data.regioIds).size) throw invalid({ regioIds: "Kies regio's uit de lijst." });
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

export async function createIdentityProvider(prisma: DbClient, actor: Actor, input: unknown, ip: string | null = null): Promise<{ id: string }> {
  await requireBeheerder(prisma, actor, "identiteitsprovider aanmaken", { type: "IdentityProvider" });
  const data = parseForm(ZIdentityProviderCreateSchema, input);
  await checkOrganisations(prisma, data);
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
    await recordAudit(tx, { actorId: actor.userId, action: "beheer.identiteitsprovider-aangemaakt", targetType: "IdentityProvider", targetId: id, details: auditDetails(id, data, true), ip });
  });
  return { id };
}

export async function updateIdentityProvider(prisma: DbClient, actor: Actor, id: string, input: unknown, ip: string | null = null): Promise<void> {
  await requireBeheerder(prisma, actor, "identiteitsprovider wijzigen", { type: "IdentityProvider", id });
  const data = parseForm(ZIdentityProviderEditSchema, input);
  const existing = await prisma.identityProvider.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound();
  await checkOrganisations(prisma, data);
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
    await recordAudit(tx, { actorId: actor.userId, action: "beheer.identiteitsprovider-gewijzigd", targetType: "IdentityProvider", targetId: id, details: auditDetails(id, data, Boolean(secret)), ip });
  });
}

/** Deactivating stops every login and link through the provider at once; links are kept for when it is activated again. */
export async function setIdentityProviderActive(prisma: DbClient, actor: Actor, id: string, active: boolean, ip: string | null = null): Promise<void> {
  await requireBeheerder(prisma, actor, active ? "identiteitsprovider activeren" : "identiteitsprovider deactiveren", { type: "IdentityProvider", id });
  const updated = await prisma.identityProvider.updateMany({ where: { id }, data: { active } });
  if (updated.count !== 1) throw notFound();
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: active ? "beheer.identiteitsprovider-geactiveerd" : "beheer.identiteitsprovider-gedeactiveerd",
    targetType: "IdentityProvider",
    targetId: id,
    ip,
  });
}
