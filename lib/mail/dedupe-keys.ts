// The dedupe keys of the zelfscan's events (lib/mail/outbox.ts): one message per event and
// recipient. The live events (zelfscan-events.ts, reminders.ts) and the demo's mailbox
// (lib/demo/messages.ts) build them here, so that a live run never writes a demo message again.
import type { AssignmentReminder } from "./assignment-reminder-rule";
import type { ActieTermijn, ReminderDays } from "./reminder-rule";

export const dedupeKey = {
  meetrondeGeopend: (meetrondeId: string, openedAt: Date, gemeenteId: string, userId: string) =>
    `meetronde-geopend:${meetrondeId}:${openedAt.getTime()}:${gemeenteId}:${userId}`,
  zelfscanIngediend: (zelfscanId: string, submittedAt: Date, userId: string) => `zelfscan-ingediend:${zelfscanId}:${submittedAt.getTime()}:${userId}`,
  zelfscanHeropend: (zelfscanId: string, reopenedAt: Date, userId: string) => `zelfscan-heropend:${zelfscanId}:${reopenedAt.getTime()}:${userId}`,
  reactie: (commentId: string, userId: string) => `reactie:${commentId}:${userId}`,
  /** The deadline's Dutch day is part of it: a round whose deadline moves gets its reminders again. */
  herinnering: (days: ReminderDays, meetrondeId: string, deadlineDay: string, gemeenteId: string, userId: string) =>
    `herinnering-${days}:${meetrondeId}:${deadlineDay}:${gemeenteId}:${userId}`,
  /** One assign (or reassign) action, at `at`, for one person. */
  toewijzing: (zelfscanId: string, at: Date, userId: string) => `toewijzing:${zelfscanId}:${at.getTime()}:${userId}`,
  /** Someone's onderdelen moved to another person at `at`: the notice to the one they were taken from. */
  toewijzingOvergedragen: (zelfscanId: string, at: Date, userId: string) => `toewijzing-overgedragen:${zelfscanId}:${at.getTime()}:${userId}`,
  /** The due day is part of it: a due date that moves gets its reminder again. */
  toewijzingTermijn: (reminder: AssignmentReminder, zelfscanId: string, dueDay: string, userId: string) =>
    `toewijzing-${reminder}:${zelfscanId}:${dueDay}:${userId}`,
  /** The deadline's Dutch day is part of it: an action whose deadline moves gets its reminders again. */
  actieTermijn: (termijn: ActieTermijn, actieId: string, deadlineDay: string, userId: string) => `actie-termijn-${termijn}:${actieId}:${deadlineDay}:${userId}`,
};
