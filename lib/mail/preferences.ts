// What a person chose to receive: per kind of message (CHOOSABLE_KINDS) at once, in the daily
// digest or not at all. Security messages are not a choice (lib/shared/mail/kinds.ts). Two ways in:
// - the preferences page (Mijn account › Berichten): always the acting user's own account, there is
//   no user id in the input to ask for another;
// - the unsubscribe link of a mail (/afmelden, and the RFC 8058 one-click POST of its
//   List-Unsubscribe header), which works without logging in: the signed token names the account
//   and the kind (lib/mail/links.ts), and confirming switches that one kind off. Opening the link
//   changes nothing (link scanners follow links); only the POST does.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { mutation } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { MessageDelivery, MessageKind } from "@/lib/generated/prisma/enums";
import { CHOOSABLE_KINDS, MESSAGE_KIND } from "@/lib/shared/mail/kinds";
import { ZMessagePreferencesSchema, type TMessagePreferences } from "@/lib/shared/mail/schemas";
import { notFound, ok, type Result } from "@/lib/shared/result";
import * as z from "zod/mini";
import { readUnsubscribeToken } from "./links";

type Reader = Pick<PrismaClient, "messagePreference"> | Prisma.TransactionClient;

async function preferencesOf(prisma: Reader, userId: string): Promise<TMessagePreferences> {
  const rows = await prisma.messagePreference.findMany({ where: { userId }, select: { kind: true, delivery: true } });
  const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
  return Object.fromEntries(CHOOSABLE_KINDS.map((kind) => [kind, chosen.get(kind) ?? "DIRECT"])) as TMessagePreferences;
}

/** The acting user's own choices; a kind without a choice is DIRECT (the default of the outbox). */
export async function getOwnPreferences(prisma: PrismaClient, actor: Actor): Promise<TMessagePreferences> {
  return preferencesOf(prisma, actor.userId);
}

/** Saves the acting user's own choices (every choosable kind at once), audited with what changed. */
export const updateOwnPreferences = mutation({
  handeling: "berichtvoorkeuren wijzigen",
  schema: z.strictObject({ values: ZMessagePreferencesSchema }),
  form: "values",
  async run(prisma, actor, { values }) {
    const changed = await prisma.$transaction(async (tx) => {
      const before = await preferencesOf(tx, actor.userId);
      const changes = CHOOSABLE_KINDS.filter((kind) => before[kind] !== values[kind]);
      for (const kind of changes) {
        await tx.messagePreference.upsert({
          where: { userId_kind: { userId: actor.userId, kind } },
          create: { userId: actor.userId, kind, delivery: values[kind] },
          update: { delivery: values[kind] },
        });
      }
      if (changes.length) {
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "bericht.voorkeuren-gewijzigd",
          targetType: "User",
          targetId: actor.userId,
          details: Object.fromEntries(changes.map((kind) => [kind, values[kind]])),
        });
      }
      return changes.length;
    });
    return ok({ changed }, changed ? "Uw voorkeuren zijn opgeslagen." : "Uw voorkeuren waren al zo ingesteld; er is niets gewijzigd.");
  },
});

export const UNSUBSCRIBE_INVALID_MESSAGE =
  "Deze afmeldlink is niet geldig. Gebruik de link uit de e-mail zoals die is, of kies uw voorkeuren na het inloggen bij Mijn account › Berichten.";

/**
 * What an unsubscribe link is about, for the confirmation page: the kind, and whether it is off
 * already. For the digest (SAMENVATTING) the kinds it carries. Reads only; null for a bad token or
 * an account that no longer exists.
 */
export type UnsubscribeView = { kind: MessageKind; label: string; off: boolean; bundledKinds: MessageKind[] };

export async function readUnsubscribe(prisma: PrismaClient, token: string): Promise<UnsubscribeView | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  const user = await prisma.user.findUnique({ where: { id: target.userId }, select: { id: true } });
  if (!user) return null;
  const preferences = await preferencesOf(prisma, user.id);
  const bundledKinds = CHOOSABLE_KINDS.filter((kind) => preferences[kind] === "DAGELIJKS");
  const off = target.kind === "SAMENVATTING" ? bundledKinds.length === 0 : preferences[target.kind as keyof TMessagePreferences] === "UIT";
  return { kind: target.kind, label: MESSAGE_KIND[target.kind].label, off, bundledKinds };
}

/**
 * Switches the token's kind off for its account (the page's button, or the one-click POST).
 * Unsubscribing from the daily digest switches off every kind the person received in it: the
 * digest carries nothing else. Audited when it changed something; doing it again changes nothing.
 */
export async function confirmUnsubscribe(
  prisma: PrismaClient,
  token: string,
  context: { via: "pagina" | "een-klik"; ip?: string | null },
): Promise<Result<{ kind: MessageKind; kinds: MessageKind[] }>> {
  const target = readUnsubscribeToken(token);
  if (!target) return notFound(UNSUBSCRIBE_INVALID_MESSAGE);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: target.userId }, select: { id: true } });
    if (!user) return notFound(UNSUBSCRIBE_INVALID_MESSAGE);
    const preferences = await preferencesOf(tx, user.id);
    const kinds: MessageKind[] = target.kind === "SAMENVATTING" ? CHOOSABLE_KINDS.filter((kind) => preferences[kind] === "DAGELIJKS") : [target.kind];
    const changes = kinds.filter((kind) => preferences[kind as keyof TMessagePreferences] !== "UIT");
    const off: MessageDelivery = "UIT";
    for (const kind of changes) {
      await tx.messagePreference.upsert({
        where: { userId_kind: { userId: user.id, kind } },
        create: { userId: user.id, kind, delivery: off },
        update: { delivery: off },
      });
    }
    if (changes.length) {
      await recordAudit(tx, {
        // Nobody is signed in: the signed token stands for the account's owner.
        actorId: null,
        action: "bericht.afgemeld",
        targetType: "User",
        targetId: user.id,
        details: { soort: target.kind, uitgezet: changes.join(", "), via: context.via },
        ip: context.ip ?? null,
      });
    }
    return ok({ kind: target.kind, kinds }, `U bent afgemeld voor: ${MESSAGE_KIND[target.kind].label}.`);
  });
}
