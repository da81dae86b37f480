// What the outbox holds for a test: the messages queued for an account and the one-time link in
// the newest invitation or reset mail, read from the message as its addressee would read it.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MessageKind } from "@/lib/generated/prisma/enums";

/** The messages to an account, oldest first (a cuid breaks ties within one millisecond). */
export function messagesTo(prisma: PrismaClient, userId: string, kind?: MessageKind) {
  return prisma.message.findMany({ where: { userId, ...(kind ? { kind } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The token of the link in the newest invitation or reset mail to an account. */
export async function mailedToken(prisma: PrismaClient, userId: string): Promise<string> {
  const [message] = await prisma.message.findMany({
    where: { userId, kind: { in: ["UITNODIGING", "WACHTWOORD_HERSTEL"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
  });
  const token = message?.text ? /\/account\/link\/([A-Za-z0-9_-]{43})(?:\s|$)/.exec(message.text)?.[1] : undefined;
  if (!token) throw new Error(`Geen link in de laatste uitnodiging of herstelmail van ${userId}: ${message?.text ?? "geen bericht"}`);
  return token;
}
