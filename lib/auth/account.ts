// The signed-in user's own account, for the account page ("Mijn account").
import "server-only";
import type { Actor } from "@/lib/access/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type OwnAccount = { name: string; email: string; hasPassword: boolean; totpEnabled: boolean };

/** Only ever the actor's own account: there is no id to ask for another one. */
export async function getOwnAccount(prisma: PrismaClient, actor: Actor): Promise<OwnAccount | null> {
  const user = await prisma.user.findUnique({
    where: { id: actor.userId },
    select: { name: true, email: true, passwordHash: true, totpEnabled: true },
  });
  return user && { name: user.name, email: user.email, hasPassword: user.passwordHash !== null, totpEnabled: user.totpEnabled };
}
