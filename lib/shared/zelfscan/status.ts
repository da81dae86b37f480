import type { ZelfscanStatus } from "@/lib/generated/prisma/enums";

export type { ZelfscanStatus };

export const ZELFSCAN_STATUS_LABEL: Record<ZelfscanStatus, string> = {
  CONCEPT: "In bewerking",
  INGEDIEND: "Ingediend",
  HEROPEND: "Heropend",
};

export const MEETRONDE_STATUS_LABEL = { GEPLAND: "Gepland", OPEN: "Open", GESLOTEN: "Gesloten" } as const;
