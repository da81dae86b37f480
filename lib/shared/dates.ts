// Dates of the domain (deadlines, round periods) are Dutch calendar dates. A deadline of
// "2027-01-29" means until the end of that day in Europe/Amsterdam, whatever the server's zone.
const OFFSET = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Amsterdam", timeZoneName: "longOffset" });

function amsterdamOffsetMinutes(at: Date): number {
  const name = OFFSET.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The instant a Dutch calendar day ends: 23:59:59.999 in Europe/Amsterdam. */
export function endOfDayInAmsterdam(isoDate: string): Date {
  const naive = new Date(`${isoDate}T23:59:59.999Z`);
  return new Date(naive.getTime() - amsterdamOffsetMinutes(naive) * 60_000);
}

/** The instant a Dutch calendar day starts: 00:00 in Europe/Amsterdam. */
export function startOfDayInAmsterdam(isoDate: string): Date {
  const naive = new Date(`${isoDate}T00:00:00.000Z`);
  return new Date(naive.getTime() - amsterdamOffsetMinutes(naive) * 60_000);
}

const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** The calendar day in the Netherlands, as yyyy-mm-dd (a deadline is the end of that day). */
export function dayInAmsterdam(date: Date): string {
  return DAY.format(date);
}

/** The Dutch calendar day `days` after (or, negative, before) a yyyy-mm-dd day. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole Dutch calendar days from the day of `from` to the day of `to` (0: the same day). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const start = Date.parse(`${dayInAmsterdam(from)}T00:00:00Z`);
  const end = Date.parse(`${dayInAmsterdam(to)}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000);
}
