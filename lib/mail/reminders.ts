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
import { dueActieTermijn, dueReminder } from "./reminder-rule";
import { appUrl } from "./links";
import { actieTermijnMessage } from "./templates/verbeterplan";
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
  return written + (await runActieTermijnen(db, now));
}

/**
 * The deadline reminders of verbeteracties (ACTIE_TERMIJN): to the account that owns an action
 * still GEPLAND or IN_UITVOERING, 14 days before its deadline and once it has passed, each once
 * (the dedupe key names the action, the deadline's day and the owner). Never to an external party
 * (no account), nor to a deactivated account or one that is no longer an officer of the gemeente.
 */
export async function runActieTermijnen(db: Database, now: Date): Promise<number> {
  const acties = await db.prisma.verbeteractie.findMany({
    where: {
      status: { in: ["GEPLAND", "IN_UITVOERING"] },
      deadline: { not: null, lte: new Date(now.getTime() + 15 * 24 * 60 * 60 * 1000) },
      owner: { active: true },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let written = 0;
  for (const { id } of acties) {
    // One transaction per action: the status, deadline and owner it reads are what it writes for.
    written += await db.prisma.$transaction(async (tx) => {
      const actie = await tx.verbeteractie.findUnique({
        where: { id },
        select: {
          id: true,
          title: true,
          status: true,
          deadline: true,
          zelfscan: { select: { id: true, gemeenteId: true, gemeente: { select: { name: true, regio: { select: { id: true, name: true } } } } } },
          owner: { select: { id: true, email: true, name: true, active: true, roles: { select: { role: true, gemeenteId: true } } } },
        },
      });
      if (!actie?.deadline || !actie.owner || !["GEPLAND", "IN_UITVOERING"].includes(actie.status)) return 0;
      const { owner, zelfscan } = actie;
      if (!owner.active || !owner.roles.some((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId === zelfscan.gemeenteId)) return 0;
      const termijn = dueActieTermijn(actie.deadline, now);
      if (!termijn) return 0;
      const queued = await queueMessage(tx, {
        kind: "ACTIE_TERMIJN",
        dedupeKey: dedupeKey.actieTermijn(termijn, actie.id, dayInAmsterdam(actie.deadline), owner.id),
        to: owner,
        gemeenteId: zelfscan.gemeenteId,
        regioId: zelfscan.gemeente.regio.id,
        body: actieTermijnMessage({
          recipient: owner,
          termijn,
          actie: { title: actie.title, deadline: actie.deadline },
          gemeente: zelfscan.gemeente,
          regio: zelfscan.gemeente.regio,
          url: appUrl(`/zelfscans/${zelfscan.id}/verbeterplan`),
        }),
      });
      return queued ? 1 : 0;
    });
  }
  return written;
}
