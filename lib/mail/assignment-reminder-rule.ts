// Which reminder of an assignment's due date is due: the pure rule behind the assignment part of
// runReminders (lib/mail/reminders.ts). Like a round's deadline (reminder-rule.ts), a due date is
// the end of a Dutch calendar day. The "3 days" reminder is due from the start (00:00 in the
// Netherlands) of the third Dutch calendar day before it, so the daily run at 08:00 sends it;
// "verlopen" once the due date has passed. The dedupe key (dedupe-keys.ts) makes each go once.
import { addDays, dayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";

const ASSIGNMENT_REMINDER_DAYS = 3;

export type AssignmentReminder = "termijn-3" | "verlopen";

/** The instant from which the reminder before a due date is due. */
export function assignmentReminderMoment(dueOn: Date): Date {
  return startOfDayInAmsterdam(addDays(dayInAmsterdam(dueOn), -ASSIGNMENT_REMINDER_DAYS));
}

/** The reminder due at `now` for a due date: the one before it, once it has passed "verlopen", or null. */
export function dueAssignmentReminder(dueOn: Date, now: Date): AssignmentReminder | null {
  if (now.getTime() > dueOn.getTime()) return "verlopen";
  return now.getTime() >= assignmentReminderMoment(dueOn).getTime() ? "termijn-3" : null;
}
