import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";

/**
 * Called when a scoped lookup found nothing: if the resource exists, the actor asked for something
 * outside their scope. The caller still answers "not found"; the attempt is logged.
 */
export async function auditRefusal(
  prisma: PrismaClient,
  actor: Actor,
  target: { type: "Gemeente" | "Regio" | "Zelfscan" | "Meetronde" | "User"; id?: string | null; slug?: string | null },
): Promise<void> {
  const exists =
    target.type === "Gemeente"
      ? await prisma.gemeente.count({ where: target.slug ? { slug: target.slug } : { id: target.id ?? "" } })
      : target.type === "Regio"
        ? await prisma.regio.count({ where: target.slug ? { slug: target.slug } : { id: target.id ?? "" } })
        : target.type === "Zelfscan"
          ? await prisma.zelfscan.count({ where: { id: target.id ?? "" } })
          : target.type === "Meetronde"
            ? await prisma.meetronde.count({ where: { id: target.id ?? "" } })
            : await prisma.user.count({ where: { id: target.id ?? "" } });
  if (!exists) return;
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: "toegang.geweigerd",
    targetType: target.type,
    targetId: target.id ?? null,
    details: target.slug ? { slug: target.slug } : {},
  });
}
