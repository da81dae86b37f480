// Which deadline reminder is due: the pure rule behind runReminders (lib/mail/reminders.ts).
//
// A round's deadline is the end of a Dutch calendar day (lib/shared/dates.ts). The reminders go
// 14 and 3 Dutch calendar days before that day: each is due from the start (00:00 in the
// Netherlands) of its day, so the daily run at 08:00 sends it, and so does the catch-up run when
// the application comes back after being down that morning or later. Only the most recent
// reminder that applies is due (after a week down, no 14-day reminder on day 2), and none once the
// deadline has passed.
import { addDays, dayInAmsterdam, startOfDayInAmsterdam } from "@/lib/shared/dates";

export const REMINDER_DAYS = [14, 3] as const;

export type ReminderDays = (typeof REMINDER_DAYS)[number];

/** The instant from which the reminder `days` before the deadline is due. */
export function reminderMoment(deadline: Date, days: ReminderDays): Date {
  return startOfDayInAmsterdam(addDays(dayInAmsterdam(deadline), -days));
}

/** The reminder due at `now` for a deadline (the most recent whose moment has come), or null. */
export function dueReminder(deadline: Date, now: Date): ReminderDays | null {
  if (now.getTime() > deadline.getTime()) return null;
  const due = REMINDER_DAYS.filter((days) => now.getTime() >= reminderMoment(deadline, days).getTime());
  return due.length ? (Math.min(...due) as ReminderDays) : null;
}

/** The reminders of a verbeteractie's deadline: 14 Dutch calendar days before it, and once it has passed. */
export type ActieTermijn = "14-dagen" | "verstreken";

const ACTIE_TERMIJN_DAYS = 14;

/**
 * The deadline reminder of an action due at `now`, or null: "verstreken" once the deadline (the end
 * of its Dutch day) has passed; "14-dagen" from the start of the Dutch day 14 days before it until
 * then. Like the round's reminders, only the most recent one applies.
 */
export function dueActieTermijn(deadline: Date, now: Date): ActieTermijn | null {
  if (now.getTime() > deadline.getTime()) return "verstreken";
  const from = startOfDayInAmsterdam(addDays(dayInAmsterdam(deadline), -ACTIE_TERMIJN_DAYS));
  return now.getTime() >= from.getTime() ? "14-dagen" : null;
}
