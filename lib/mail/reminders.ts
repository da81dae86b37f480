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
import { dueAssignmentReminder, type AssignmentReminder } from "./assignment-reminder-rule";
import { appUrl } from "./links";
import { dueActieTermijn, dueReminder } from "./reminder-rule";
import { itemsInOrder, toewijzingTermijnMessage } from "./templates/toewijzing";
import { actieTermijnMessage } from "./templates/verbeterplan";
import { herinneringMessage } from "./templates/zelfscan";
import { getFramework, getOnderdeel } from "@/lib/framework";
import { isAnswered } from "@/lib/shared/zelfscan/progress";
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

/**
 * Due-date reminders of assignments (issue 15), in the same daily run: for every assignment with a
 * due date whose onderdeel is not answered yet (or still carried over and not confirmed), in a scan
 * that is not submitted of a round that is open, its assignee (still an active officer of the
 * gemeente) gets 3 Dutch calendar days before the due date one message per scan and due day
 * listing those onderdelen, and once more when it has passed (assignment-reminder-rule.ts). The
 * dedupe key names the reminder, the scan, the due day and the person: exactly once.
 */
export async function runAssignmentReminders(db: Database, now: Date): Promise<number> {
  const scans = await db.prisma.zelfscan.findMany({
    where: { status: { not: "INGEDIEND" }, meetronde: { status: "OPEN" }, assignments: { some: { dueOn: { not: null } } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let written = 0;
  for (const { id } of scans) {
    // One transaction per scan: what it reads (still open, the answers, the officers) is what it writes for.
    written += await db.prisma.$transaction(async (tx) => {
      const scan = await tx.zelfscan.findUnique({
        where: { id },
        select: {
          id: true,
          status: true,
          frameworkVersion: true,
          meetronde: { select: { name: true, status: true } },
          gemeente: { select: { id: true, name: true, slug: true, regio: { select: { id: true, name: true } } } },
          answers: { select: { onderdeelId: true, score: true, weetIkNiet: true, carriedOver: true } },
          assignments: { where: { dueOn: { not: null } }, select: { onderdeelId: true, userId: true, dueOn: true }, orderBy: { id: "asc" } },
        },
      });
      if (!scan || scan.status === "INGEDIEND" || scan.meetronde.status !== "OPEN") return 0;
      const framework = getFramework(scan.frameworkVersion);
      const done = new Set(scan.answers.filter((answer) => isAnswered(answer) && !answer.carriedOver).map((answer) => answer.onderdeelId));
      const officers = new Map((await officersOf(tx, scan.gemeente.id)).map((officer) => [officer.id, officer]));
      // Per person, reminder and due day: the open onderdelen.
      const groups = new Map<string, { userId: string; reminder: AssignmentReminder; dueOn: Date; onderdeelIds: string[] }>();
      for (const assignment of scan.assignments) {
        const dueOn = assignment.dueOn!;
        const reminder = dueAssignmentReminder(dueOn, now);
        if (!reminder || done.has(assignment.onderdeelId) || !officers.has(assignment.userId) || !getOnderdeel(framework, assignment.onderdeelId)) continue;
        const key = `${assignment.userId}:${reminder}:${dayInAmsterdam(dueOn)}`;
        const group = groups.get(key) ?? { userId: assignment.userId, reminder, dueOn, onderdeelIds: [] };
        group.onderdeelIds.push(assignment.onderdeelId);
        groups.set(key, group);
      }
      let count = 0;
      for (const group of groups.values()) {
        const recipient = officers.get(group.userId)!;
        const messageId = await queueMessage(tx, {
          kind: "TOEWIJZING_TERMIJN",
          dedupeKey: dedupeKey.toewijzingTermijn(group.reminder, scan.id, dayInAmsterdam(group.dueOn), recipient.id),
          to: recipient,
          gemeenteId: scan.gemeente.id,
          regioId: scan.gemeente.regio.id,
          body: toewijzingTermijnMessage({
            recipient,
            overdue: group.reminder === "verlopen",
            items: itemsInOrder(framework, group.onderdeelIds, () => group.dueOn),
            meetronde: scan.meetronde,
            gemeente: scan.gemeente,
            regio: scan.gemeente.regio,
            url: scanUrl(scan.gemeente, scan),
          }),
        });
        if (messageId) count += 1;
      }
      return count;
    });
  }
  return written;
}
