// The outbox: every message is a row of Message, written in the transaction of the event that
// causes it, together with the queue job that delivers it (lib/mail/queue.ts). If the event rolls
// back, so do the message and its job; once it commits, the message is delivered or, after its
// retries, shown as failed to a beheerder. Nothing is sent outside this path.
//
//   await prisma.$transaction(async (tx) => {
//     ...the change...
//     await queueMessage(tx, { kind: "ZELFSCAN_INGEDIEND", dedupeKey: `ingediend:${scan.id}:${leader.id}`,
//       to: leader, gemeenteId, regioId, body: { subject, context, greeting, paragraphs, action } });
//   });
//
// The recipient's preference decides: DIRECT (the default) queues the delivery, DAGELIJKS keeps
// the message for the daily digest (lib/mail/digest.ts), UIT writes nothing. Security kinds
// (lib/shared/mail/kinds.ts) always go at once. The dedupe key makes an event that is seen twice
// (a reminder run on two instances, a retried job) write its message once.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageDelivery, MessageKind } from "@/lib/generated/prisma/enums";
import { isSecurityKind } from "@/lib/shared/mail/kinds";
import { renderMessage, type MessageBody } from "./layout";
import { appUrl, unsubscribeLinks } from "./links";
import { QUEUE, sendJob } from "./queue";

type Recipient = { id: string; email: string };

export type QueuedMessage = {
  kind: MessageKind;
  /** Unique per event and recipient, e.g. `ingediend:<zelfscanId>:<userId>`. */
  dedupeKey: string;
  /** An account; or, for an address without one, only the address (no preferences, no unsubscribe). */
  to: Recipient | { id?: undefined; email: string };
  body: MessageBody;
  gemeenteId?: string | null;
  regioId?: string | null;
  /** The body holds a one-time link: emptied once delivered over SMTP, never shown on a server with SMTP. */
  secret?: boolean;
};

/** The delivery a user chose for a kind; security kinds and addresses without an account: DIRECT. */
async function deliveryFor(tx: Prisma.TransactionClient, userId: string | undefined, kind: MessageKind): Promise<MessageDelivery> {
  if (!userId || isSecurityKind(kind)) return "DIRECT";
  const preference = await tx.messagePreference.findUnique({ where: { userId_kind: { userId, kind } }, select: { delivery: true } });
  return preference?.delivery ?? "DIRECT";
}

/**
 * Writes the message (and, when it goes at once, its delivery job) inside `tx`. Answers its id,
 * or null when nothing was written: the recipient switched this kind off, or this event's message
 * to this recipient exists already.
 */
export async function queueMessage(tx: Prisma.TransactionClient, message: QueuedMessage): Promise<string | null> {
  const delivery = await deliveryFor(tx, message.to.id, message.kind);
  if (delivery === "UIT") return null;
  const links = message.to.id && !isSecurityKind(message.kind) ? unsubscribeLinks(message.to.id, message.kind) : null;
  const rendered = renderMessage(message.body, links ? { unsubscribeUrl: links.page, preferencesUrl: appUrl("/account/berichten") } : {});
  const status = delivery === "DAGELIJKS" ? "GEBUNDELD" : "WACHTEND";
  // skipDuplicates (ON CONFLICT DO NOTHING): the same event for the same recipient, seen again, writes nothing.
  const [row] = await tx.message.createManyAndReturn({
    data: [
      {
        kind: message.kind,
        dedupeKey: message.dedupeKey,
        userId: message.to.id ?? null,
        to: message.to.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        secret: message.secret ?? false,
        gemeenteId: message.gemeenteId ?? null,
        regioId: message.regioId ?? null,
        status,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const id = row?.id;
  if (!id) return null;
  if (status === "WACHTEND") await queueDelivery(tx, id);
  return id;
}

/** The delivery job of a message (a new one, or one a beheerder tries again). */
export async function queueDelivery(tx: Prisma.TransactionClient, messageId: string): Promise<void> {
  // Retries and back-off are the queue's (prepareQueue): every delivery job takes them from there.
  const job = await sendJob(tx, QUEUE.deliver, { messageId });
  if (!job) throw new Error(`De bezorging van bericht ${messageId} kon niet in de wachtrij worden gezet.`);
}
