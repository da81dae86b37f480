import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";

export type RefusalTarget = {
  type:
    | "Gemeente"
    | "Regio"
    | "Zelfscan"
    | "Meetronde"
    | "User"
    | "Verbeteractie"
    | "Document"
    | "DocumentVersie"
    | "RegionaleActie"
    | "FrameworkVersion"
    | "IdentityProvider"
    | "IdentityLink"
    | "InvitationRequest"
    | "Beheer"
    | "Landelijk";
  id?: string | null;
  slug?: string | null;
  /**
   * Refused for the actor's role, not by a scoped lookup (beheer is the beheerder's whatever the
   * target): every attempt counts, also one at a target that does not exist.
   */
  byRole?: boolean;
};

type Located = { id: string | null; gemeenteId: string | null; regioId: string | null };

/**
 * The target as it is stored, with the gemeente and regio it belongs to, so that the refusal can
 * be found under that scope in the audit log (and by the municipality's own review). Null when
 * the target does not exist.
 */
async function locate(prisma: PrismaClient, target: RefusalTarget): Promise<Located | null> {
  const id = target.id ?? "";
  switch (target.type) {
    case "Gemeente": {
      const row = await prisma.gemeente.findFirst({ where: target.slug ? { slug: target.slug } : { id }, select: { id: true, regioId: true } });
      return row && { id: row.id, gemeenteId: row.id, regioId: row.regioId };
    }
    case "Regio": {
      const row = await prisma.regio.findFirst({ where: target.slug ? { slug: target.slug } : { id }, select: { id: true } });
      return row && { id: row.id, gemeenteId: null, regioId: row.id };
    }
    case "Zelfscan": {
      const row = await prisma.zelfscan.findUnique({ where: { id }, select: { id: true, gemeenteId: true, gemeente: { select: { regioId: true } } } });
      return row && { id: row.id, gemeenteId: row.gemeenteId, regioId: row.gemeente.regioId };
    }
    case "Meetronde": {
      const row = await prisma.meetronde.findUnique({ where: { id }, select: { id: true, regioId: true } });
      return row && { id: row.id, gemeenteId: null, regioId: row.regioId };
    }
    case "Verbeteractie": {
      const row = await prisma.verbeteractie.findUnique({
        where: { id },
        select: { id: true, zelfscan: { select: { gemeenteId: true, gemeente: { select: { regioId: true } } } } },
      });
      return row && { id: row.id, gemeenteId: row.zelfscan.gemeenteId, regioId: row.zelfscan.gemeente.regioId };
    }
    case "Document": {
      const row = await prisma.document.findUnique({ where: { id }, select: { id: true, gemeenteId: true, gemeente: { select: { regioId: true } } } });
      return row && { id: row.id, gemeenteId: row.gemeenteId, regioId: row.gemeente.regioId };
    }
    case "DocumentVersie": {
      const row = await prisma.documentVersie.findUnique({
        where: { id },
        select: { id: true, document: { select: { gemeenteId: true, gemeente: { select: { regioId: true } } } } },
      });
      return row && { id: row.id, gemeenteId: row.document.gemeenteId, regioId: row.document.gemeente.regioId };
    }
    case "RegionaleActie": {
      const row = await prisma.regionaleActie.findUnique({ where: { id }, select: { id: true, regioId: true } });
      return row && { id: row.id, gemeenteId: null, regioId: row.regioId };
    }
    case "FrameworkVersion":
      // Framework versions belong to no gemeente or regio. Loading one is reserved to the
      // beheerder whatever the version, so every attempt counts, also for a version that is not shipped.
      return { id: id || "kaderversies", gemeenteId: null, regioId: null };
    case "User": {
      const row = await prisma.user.findUnique({ where: { id }, select: { id: true } });
      return row && { id: row.id, gemeenteId: null, regioId: null };
    }
    // Someone's own identity link: another person's is refused (their scope is not logged).
    case "IdentityLink": {
      const row = await prisma.identityLink.findUnique({ where: { id }, select: { id: true } });
      return row && { id: row.id, gemeenteId: null, regioId: null };
    }
    // Identity providers, invitation requests and beheer as a whole are the beheerder's (refused by role).
    case "IdentityProvider": {
      const row = await prisma.identityProvider.findUnique({ where: { id }, select: { id: true } });
      return row && { id: row.id, gemeenteId: null, regioId: null };
    }
    case "InvitationRequest": {
      const row = await prisma.invitationRequest.findUnique({ where: { id }, select: { id: true } });
      return row && { id: row.id, gemeenteId: null, regioId: null };
    }
    case "Beheer":
      return null;
    // The national aggregate belongs to no gemeente or regio; refused by role.
    case "Landelijk":
      return null;
  }
}

/**
 * Called when a scoped lookup or change found nothing: if the resource exists, the actor asked for
 * something outside their scope (a refusal by role counts whether or not it exists). The caller still answers "not found"; the attempt is logged with
 * the actor, the target and the target's gemeente and regio, and what was attempted.
 */
export async function auditRefusal(
  prisma: PrismaClient,
  actor: Actor,
  target: RefusalTarget,
  handeling?: string,
  context: { ip?: string | null } = {},
): Promise<void> {
  const found = (await locate(prisma, target)) ?? (target.byRole ? { id: target.id ?? null, gemeenteId: null, regioId: null } : null);
  if (!found) return;
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: "toegang.geweigerd",
    targetType: target.type,
    targetId: found.id,
    gemeenteId: found.gemeenteId,
    regioId: found.regioId,
    details: {
      ...(target.slug ? { slug: target.slug } : {}),
      ...(handeling ? { handeling } : {}),
    },
    ...(context.ip ? { ip: context.ip } : {}),
  });
}
