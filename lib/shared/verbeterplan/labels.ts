// The statuses and priorities of an improvement action (of a gemeente's verbeterplan and of the
// regional plan alike), with their labels: the one source for forms, pages, exports and PDFs.
// Apart from the schemas, so that a form can show them without loading zod first.
import type { ActieStatus, Prioriteit } from "@/lib/generated/prisma/enums";

export const ACTIE_STATUS_VALUES = ["GEPLAND", "IN_UITVOERING", "AFGEROND", "VERVALLEN"] as const satisfies readonly ActieStatus[];
export const PRIORITEIT_VALUES = ["HOOG", "MIDDEN", "LAAG"] as const satisfies readonly Prioriteit[];

export const ACTIE_STATUS_LABEL: Record<ActieStatus, string> = {
  GEPLAND: "Gepland",
  IN_UITVOERING: "In uitvoering",
  AFGEROND: "Afgerond",
  VERVALLEN: "Vervallen",
};

const PRIORITEIT_LABEL: Record<Prioriteit, string> = {
  HOOG: "Hoog",
  MIDDEN: "Midden",
  LAAG: "Laag",
};

/** The options of a select, in this order. */
export const ACTIE_STATUS = ACTIE_STATUS_VALUES.map((value) => ({ value, label: ACTIE_STATUS_LABEL[value] }));
export const PRIORITEIT = PRIORITEIT_VALUES.map((value) => ({ value, label: PRIORITEIT_LABEL[value] }));

/** The label of a status as stored; an unknown value is shown as it is. */
export function actieStatusLabel(status: string): string {
  return ACTIE_STATUS_LABEL[status as ActieStatus] ?? status;
}

export function prioriteitLabel(priority: string): string {
  return PRIORITEIT_LABEL[priority as Prioriteit] ?? priority;
}
