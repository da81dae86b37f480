// Pure: the groups of "Mijn taken" (issue 15). An assigned onderdeel is te laat once its due date
// has passed, binnenkort when it is due within 7 calendar days, and open otherwise (later, or no
// due date). Each group is ordered by due date (none last), then by scan and onderdeel.
import { calendarDaysBetween } from "@/lib/shared/dates";

const BINNENKORT_DAYS = 7;

export type Urgency = "te-laat" | "binnenkort" | "open";

export function urgencyOf(dueOn: Date | null, now: Date): Urgency {
  if (!dueOn) return "open";
  if (dueOn.getTime() < now.getTime()) return "te-laat";
  return calendarDaysBetween(now, dueOn) <= BINNENKORT_DAYS ? "binnenkort" : "open";
}

type Dated = { dueOn: Date | null; order: number; scanLabel: string };

function byDue(a: Dated, b: Dated): number {
  const due = (a.dueOn?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueOn?.getTime() ?? Number.POSITIVE_INFINITY);
  if (due !== 0 && !Number.isNaN(due)) return due;
  return a.scanLabel.localeCompare(b.scanLabel, "nl") || a.order - b.order;
}

export function groupByUrgency<T extends Dated>(items: readonly T[], now: Date): Record<Urgency, T[]> {
  const groups: Record<Urgency, T[]> = { "te-laat": [], binnenkort: [], open: [] };
  for (const item of items) groups[urgencyOf(item.dueOn, now)].push(item);
  for (const group of Object.values(groups)) group.sort(byDue);
  return groups;
}

/** The header's accessible name: "Mijn taken, 5 openstaand". */
export function takenLinkLabel(count: number): string {
  return `Mijn taken, ${count} openstaand`;
}
