import type { ZelfscanStatus } from "@/lib/generated/prisma/enums";

export type { ZelfscanStatus };

export const ZELFSCAN_STATUS_LABEL: Record<ZelfscanStatus, string> = {
  CONCEPT: "In bewerking",
  INGEDIEND: "Ingediend",
  HEROPEND: "Heropend",
};

export const MEETRONDE_STATUS_LABEL = { GEPLAND: "Gepland", OPEN: "Open", GESLOTEN: "Gesloten" } as const;

/** The status of a gemeente's scan in a round as shown and exported; a gemeente without a scan has not started. */
export function zelfscanStatusLabel(status: string | null): string {
  return status === null ? "Niet gestart" : (ZELFSCAN_STATUS_LABEL[status as ZelfscanStatus] ?? status);
}
