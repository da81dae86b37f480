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

/** "2,4 MB", "830 kB", "12 bytes" – the size of a file in Dutch notation (1 kB = 1024 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
}

/** A calendar day (yyyy-mm-dd, such as an ingangsdatum) as "3 december 2026", whatever the time zone. */
export function formatDay(isoDate: string): string {
  return formatDate(`${isoDate}T12:00:00Z`);
}
