// The delivery job of one message (queue QUEUE.deliver). pg-boss hands each job to one worker of
// one instance at a time; the row's status says whether it still has to go, so a job that runs
// again after it was delivered does nothing. A failed send throws, and pg-boss tries again with
// back-off (DELIVERY_RETRY); after the last try the message is MISLUKT, for a beheerder to see and
// try again (retryMessage). A crash after the SMTP server accepted the mail but before the row
// says so can send it twice: with the same Message-ID, which mail clients recognise.
import "server-only";
import type { Database } from "@/lib/db/client";
import { errorFields, log } from "@/lib/log";
import { transport, type Transport } from "./transport";

const MAX_ERROR_LENGTH = 500;

export type DeliveryOutcome = "verzonden" | "al-afgehandeld" | "mislukt";

/** `lastTry`: no retry follows; a failure marks the message MISLUKT. */
export async function deliverMessage(db: Database, messageId: string, { lastTry, via }: { lastTry: boolean; via?: Transport }): Promise<DeliveryOutcome> {
  const prisma = db.prisma;
  const message = await prisma.message.findFirst({
    where: { id: messageId, status: "WACHTEND" },
    select: { id: true, kind: true, userId: true, to: true, subject: true, text: true, html: true, secret: true },
  });
  if (!message) return "al-afgehandeld";
  via ??= transport();
  try {
    await via.send(message);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    await prisma.message.update({
      where: { id: message.id },
      data: { attempts: { increment: 1 }, lastError: reason, ...(lastTry ? { status: "MISLUKT" } : {}) },
    });
    log.warn("bericht.niet-verzonden", { messageId: message.id, soort: message.kind, laatstePoging: lastTry, ...errorFields(error) });
    if (lastTry) return "mislukt";
    throw error;
  }
  // A one-time link does not stay readable in the database once it is on its way over SMTP.
  const scrub = message.secret && via.kind === "SMTP" ? { text: null, html: null } : {};
  await prisma.message.updateMany({
    where: { id: message.id, status: "WACHTEND" },
    data: { status: "VERZONDEN", transport: via.kind, sentAt: new Date(), attempts: { increment: 1 }, lastError: null, ...scrub },
  });
  return "verzonden";
}
