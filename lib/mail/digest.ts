// Daily digests (queue QUEUE.digest, scheduled every day at 07:30 in the Netherlands and once at
// start-up: lib/mail/worker.ts). A person who chose DAGELIJKS for a kind has its messages kept as
// GEBUNDELD (lib/mail/outbox.ts); the digest lists them in one SAMENVATTING message and marks them
// VERZONDEN with transport SAMENVATTING and the digest's id, in one transaction per account.
//
// A digest belongs to a Dutch day: the day whose 07:30 has most recently passed. Its dedupe key is
// per account and that day, so a second run on the same day (a restart, a second instance) writes
// nothing, and a run at start-up before 07:30 catches up on yesterday's digest if it was missed.
// Two runs at once: the second one's insert of the same key waits for the first to commit and
// then writes nothing, so the bundled messages are carried once.
import "server-only";
import type { Database } from "@/lib/db/client";
import { errorFields, log } from "@/lib/log";
import { CHOOSABLE_KINDS } from "@/lib/shared/mail/kinds";
import { dayInAmsterdam } from "@/lib/shared/dates";
import { appUrl } from "./links";
import { queueMessage } from "./outbox";
import { digestBody, type DigestItem } from "./templates/digest";

/** The time of day (Europe/Amsterdam) the digest is due: the worker's schedule (SCHEDULE.digest). */
const DIGEST_TIME = { hour: 7, minute: 30 } as const;

const CLOCK = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The Dutch day whose digest is due at `now`: today from 07:30, yesterday before. */
export function digestDay(now: Date): string {
  const today = dayInAmsterdam(now);
  const [hour, minute] = CLOCK.format(now).split(":").map(Number) as [number, number];
  if (hour > DIGEST_TIME.hour || (hour === DIGEST_TIME.hour && minute >= DIGEST_TIME.minute)) return today;
  const yesterday = new Date(`${today}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  return yesterday.toISOString().slice(0, 10);
}

export const digestKey = (userId: string, day: string) => `samenvatting:${userId}:${day}`;

const ACTION_LINE = /^(.+): (https?:\/\/\S+)$/;

/**
 * What a stored message was about and where its link went, read back from its plain text as
 * lib/mail/layout.ts writes it: the context is the first line, the link the last "label: url" line
 * before the closing. Null parts when the text does not have them.
 */
function digestItemOf(message: { subject: string; text: string | null }): DigestItem {
  const lines = (message.text ?? "").split("\n");
  const context = lines[0]?.trim() || null;
  const closing = lines.indexOf("Met vriendelijke groet,");
  let url: string | null = null;
  for (let index = (closing === -1 ? lines.length : closing) - 1; index > 0; index -= 1) {
    const match = ACTION_LINE.exec(lines[index]!);
    if (match) {
      url = match[2]!;
      break;
    }
  }
  return { subject: message.subject, context, url };
}

/** Writes the digests that are due at `now`; answers how many it wrote. */
export async function runDigests(db: Database, now: Date): Promise<number> {
  const prisma = db.prisma;
  const day = digestDay(now);
  const accounts = await prisma.message.findMany({
    where: { status: "GEBUNDELD", userId: { not: null }, createdAt: { lte: now } },
    distinct: ["userId"],
    select: { userId: true },
  });
  let written = 0;
  let failures = 0;
  for (const { userId } of accounts) {
    try {
      if (await writeDigest(db, userId!, day, now)) written += 1;
    } catch (error) {
      failures += 1;
      log.warn("samenvatting.mislukt", { userId, ...errorFields(error) });
    }
  }
  // The others are written; a rerun (the queue's retry) writes only what is still missing.
  if (failures) throw new Error(`${failures} samenvatting(en) konden niet worden geschreven.`);
  return written;
}

async function writeDigest(db: Database, userId: string, day: string, now: Date): Promise<boolean> {
  return db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, active: true } });
    // A deactivated account receives nothing; its bundled messages wait, should it be activated again.
    if (!user?.active) return false;
    const off = await tx.messagePreference.findMany({ where: { userId, delivery: "UIT", kind: { in: CHOOSABLE_KINDS } }, select: { kind: true } });
    const bundled = await tx.message.findMany({
      // A kind switched off since its messages were bundled is not sent after all.
      where: { userId, status: "GEBUNDELD", createdAt: { lte: now }, kind: { notIn: off.map((row) => row.kind) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, subject: true, text: true },
    });
    if (bundled.length === 0) return false;
    const digestId = await queueMessage(tx, {
      kind: "SAMENVATTING",
      dedupeKey: digestKey(userId, day),
      to: { id: user.id, email: user.email },
      body: digestBody({ name: user.name, day, items: bundled.map(digestItemOf), homeUrl: appUrl("/") }),
    });
    // Today's digest exists already (another run): these wait for tomorrow's.
    if (!digestId) return false;
    const carried = await tx.message.updateMany({
      where: { id: { in: bundled.map((message) => message.id) }, status: "GEBUNDELD" },
      data: { status: "VERZONDEN", transport: "SAMENVATTING", digestId, sentAt: new Date() },
    });
    if (carried.count !== bundled.length) throw new Error("Gebundelde berichten veranderden tijdens het schrijven van de samenvatting.");
    return true;
  });
}
