const DATE = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" });
const DATE_TIME = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

export function formatDate(value: Date | string): string {
  return DATE.format(new Date(value));
}

export function formatDateTime(value: Date | string): string {
  return DATE_TIME.format(new Date(value));
}

/** "2,33" – scores in Dutch notation with at most two decimals. */
export function formatScore(value: number | null): string {
  if (value === null) return "–";
  return value.toLocaleString("nl-NL", { maximumFractionDigits: 2, minimumFractionDigits: 0 });
}
