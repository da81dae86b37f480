// Beheer › Berichten: the outbox for the beheerder, and no one else. Newest first, paged,
// filtered by status and kind, with the number of waiting and failed messages. A failed message
// can be tried again (one, or all failed ones): it becomes WACHTEND and its delivery job is
// queued in the same transaction, audited.
//
// What the beheerder may read of a message's body:
// - never the body of a message delivered over SMTP (it went to its recipient, and a one-time
//   link in it is emptied: lib/mail/deliver.ts);
// - a `secret` message (a one-time link) only in a demo without SMTP, where the in-app mailbox
//   (POSTVAK) is the only way the link reaches anyone, and every reading is audited;
// - only the plain text: the stored HTML is never rendered inside the application's origin.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { isBeheerder } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageKind, MessageStatus, MessageTransport } from "@/lib/generated/prisma/enums";
import { queueDelivery } from "@/lib/mail/outbox";
import { ZId } from "@/lib/shared/forms/id";
import type { TMessageFilter } from "@/lib/shared/mail/schemas";
import { conflict, notFound, ok } from "@/lib/shared/result";
import type { DbClient } from "./access";

export const MESSAGE_PAGE_SIZE = 50;
/** Most failed messages one "alle opnieuw" takes; the rest on the next press. */
const RETRY_ALL_LIMIT = 500;

type MessageRow = {
  id: string;
  kind: MessageKind;
  to: string;
  subject: string;
  status: MessageStatus;
  transport: MessageTransport | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  secret: boolean;
};

export type MessagePage = {
  messages: MessageRow[];
  total: number;
  page: number;
  pageCount: number;
  counts: { waiting: number; bundled: number; failed: number };
  /** The demo without SMTP: messages stay in the in-app mailbox, readable here. */
  mailbox: boolean;
};

const ROW_SELECT = {
  id: true,
  kind: true,
  to: true,
  subject: true,
  status: true,
  transport: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  secret: true,
} as const satisfies Prisma.MessageSelect;

/** Whether this server keeps its messages in the in-app mailbox (no SMTP_URL: a demo). */
const usesMailbox = (): boolean => !env().SMTP_URL;

/** A page of the outbox, or null (after logging) for anyone but the beheerder. */
export async function listMessages(prisma: DbClient, actor: Actor, filter: TMessageFilter): Promise<MessagePage | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Beheer", byRole: true }, "berichten bekijken");
    return null;
  }
  const where: Prisma.MessageWhereInput = { ...(filter.status ? { status: filter.status } : {}), ...(filter.soort ? { kind: filter.soort } : {}) };
  const [total, waiting, bundled, failed] = await Promise.all([
    prisma.message.count({ where }),
    prisma.message.count({ where: { status: "WACHTEND" } }),
    prisma.message.count({ where: { status: "GEBUNDELD" } }),
    prisma.message.count({ where: { status: "MISLUKT" } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / MESSAGE_PAGE_SIZE));
  const page = Math.min(filter.pagina ?? 1, pageCount);
  const messages = await prisma.message.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * MESSAGE_PAGE_SIZE,
    take: MESSAGE_PAGE_SIZE,
    select: ROW_SELECT,
  });
  return { messages, total, page, pageCount, counts: { waiting, bundled, failed }, mailbox: usesMailbox() };
}

export type MessageDetail = MessageRow & {
  /** The plain text, when the beheerder may read it (see the top of this file); otherwise why not. */
  body: { text: string } | { withheld: string };
  digest: { id: string; subject: string } | null;
};

/**
 * One message for the beheerder, or null (after logging) for anyone else and for an id that does
 * not exist. Reading a secret message's body (only possible in the mailbox) is audited.
 */
export async function getMessage(prisma: DbClient, actor: Actor, messageId: string, options: { mailbox?: boolean } = {}): Promise<MessageDetail | null> {
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma, actor, { type: "Beheer", id: messageId, byRole: true }, "bericht bekijken");
    return null;
  }
  const mailbox = options.mailbox ?? usesMailbox();
  const message = await prisma.message.findUnique({
    where: { id: messageId },
    select: { ...ROW_SELECT, text: true, gemeenteId: true, regioId: true, digestId: true },
  });
  if (!message) return null;
  const digest = message.digestId ? await prisma.message.findUnique({ where: { id: message.digestId }, select: { id: true, subject: true } }) : null;
  const { text, gemeenteId, regioId, digestId, ...row } = message;
  void digestId;
  let body: MessageDetail["body"];
  if (message.transport === "SMTP") body = { withheld: "Dit bericht is per e-mail verzonden; de inhoud wordt hier niet getoond." };
  else if (message.secret && !mailbox)
    body = { withheld: "Dit bericht bevat een eenmalige link. Die is alleen voor de ontvanger en wordt op een server met e-mail niet getoond." };
  else if (text === null) body = { withheld: "De inhoud van dit bericht is niet bewaard." };
  else body = { text };
  if (message.secret && "text" in body) {
    await recordAudit(prisma, {
      actorId: actor.userId,
      action: "bericht.geheim-gelezen",
      targetType: "Message",
      targetId: message.id,
      gemeenteId,
      regioId,
      details: { soort: message.kind, aan: message.to },
    });
  }
  return { ...row, body, digest };
}

/** A failed message is offered for delivery again: WACHTEND, with a new delivery job, in one transaction. */
export const retryMessage = mutation({
  handeling: "bericht opnieuw versturen",
  schema: z.strictObject({ messageId: ZId }),
  form: false,
  async run(prisma, actor, { messageId }) {
    if (!isBeheerder(actor)) return refused({ type: "Beheer", id: messageId, byRole: true });
    return prisma.$transaction(async (tx) => {
      const message = await tx.message.findUnique({ where: { id: messageId }, select: { id: true, kind: true, to: true, gemeenteId: true, regioId: true } });
      if (!message) return notFound();
      const { count } = await tx.message.updateMany({ where: { id: messageId, status: "MISLUKT" }, data: { status: "WACHTEND" } });
      if (count === 0) return conflict("Dit bericht is niet (meer) mislukt: het wordt al verzonden of is verzonden. Er is niets gewijzigd.");
      await queueDelivery(tx, message.id);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "bericht.opnieuw-aangeboden",
        targetType: "Message",
        targetId: message.id,
        gemeenteId: message.gemeenteId,
        regioId: message.regioId,
        details: { soort: message.kind, aan: message.to },
      });
      return ok({ retried: 1 }, "Het bericht wordt opnieuw verzonden.");
    });
  },
});

/** Every failed message (at most RETRY_ALL_LIMIT at once) is offered for delivery again, in one transaction. */
export const retryFailedMessages = mutation({
  handeling: "mislukte berichten opnieuw versturen",
  schema: z.strictObject({}),
  form: false,
  async run(prisma, actor) {
    if (!isBeheerder(actor)) return refused({ type: "Beheer", byRole: true });
    const retried = await prisma.$transaction(async (tx) => {
      const failed = await tx.message.findMany({ where: { status: "MISLUKT" }, orderBy: { createdAt: "asc" }, take: RETRY_ALL_LIMIT, select: { id: true } });
      if (failed.length === 0) return 0;
      // Only those still failed when they are changed (a second beheerder may be pressing too).
      const changed = await tx.message.updateManyAndReturn({
        where: { id: { in: failed.map((message) => message.id) }, status: "MISLUKT" },
        data: { status: "WACHTEND" },
        select: { id: true },
      });
      const ids = changed.map((message) => message.id);
      if (ids.length === 0) return 0;
      for (const id of ids) await queueDelivery(tx, id);
      await recordAudit(tx, { actorId: actor.userId, action: "bericht.opnieuw-aangeboden", targetType: "Message", details: { aantal: ids.length } });
      return ids.length;
    });
    if (retried === 0) return ok({ retried }, "Er zijn geen mislukte berichten.");
    return ok({ retried }, retried === 1 ? "1 mislukt bericht wordt opnieuw verzonden." : `${retried} mislukte berichten worden opnieuw verzonden.`);
  },
});
