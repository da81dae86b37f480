// Deadline reminders (queue QUEUE.reminders, daily at 08:00 in the Netherlands and once at every
// start-up: lib/mail/worker.ts). For every open round whose reminder is due (lib/mail/reminder-rule.ts),
// every active officer of every gemeente of the region whose scan is not submitted (also one that
// has not started it) gets one message. Its dedupe key names the round, the deadline's day, the
// reminder and the gemeente and officer, so that runs on two instances, a retried job or a restart
// write it once; an officer who joins the gemeente later gets it at the next run.
import "server-only";
import type { Database } from "@/lib/db/client";
import { calendarDaysBetween, dayInAmsterdam } from "@/lib/shared/dates";
import { dedupeKey } from "./dedupe-keys";
import { queueMessage } from "./outbox";
import { officersOf } from "./recipients";
import { dueReminder } from "./reminder-rule";
import { herinneringMessage } from "./templates/zelfscan";
import { scanUrl } from "./zelfscan-events";

/** Queues the reminders that are due at `now`; answers how many messages it wrote. */
export async function runReminders(db: Database, now: Date): Promise<number> {
  const meetrondes = await db.prisma.meetronde.findMany({
    where: { status: "OPEN", deadline: { gte: now } },
    select: { id: true, name: true, deadline: true, regio: { select: { id: true, name: true, gemeenten: { select: { id: true }, orderBy: { id: "asc" } } } } },
    orderBy: { id: "asc" },
  });
  let written = 0;
  for (const meetronde of meetrondes) {
    const days = dueReminder(meetronde.deadline, now);
    if (days === null) continue;
    const deadlineDay = dayInAmsterdam(meetronde.deadline);
    for (const { id: gemeenteId } of meetronde.regio.gemeenten) {
      // One transaction per gemeente: what it reads (the round still open, the scan not submitted,
      // who the officers are) is what it writes for.
      written += await db.prisma.$transaction(async (tx) => {
        const current = await tx.meetronde.findUnique({ where: { id: meetronde.id }, select: { status: true } });
        if (current?.status !== "OPEN") return 0;
        const gemeente = await tx.gemeente.findUniqueOrThrow({ where: { id: gemeenteId }, select: { id: true, name: true, slug: true } });
        const scan = await tx.zelfscan.findUnique({
          where: { gemeenteId_meetrondeId: { gemeenteId, meetrondeId: meetronde.id } },
          select: { id: true, status: true },
        });
        if (scan?.status === "INGEDIEND") return 0;
        let count = 0;
        for (const officer of await officersOf(tx, gemeenteId)) {
          const id = await queueMessage(tx, {
            kind: "HERINNERING",
            dedupeKey: dedupeKey.herinnering(days, meetronde.id, deadlineDay, gemeenteId, officer.id),
            to: officer,
            gemeenteId,
            regioId: meetronde.regio.id,
            body: herinneringMessage({
              recipient: officer,
              meetronde,
              gemeente,
              regio: meetronde.regio,
              daysLeft: calendarDaysBetween(now, meetronde.deadline),
              started: scan !== null,
              url: scanUrl(gemeente, scan),
            }),
          });
          if (id) count += 1;
        }
        return count;
      });
    }
  }
  return written;
}
