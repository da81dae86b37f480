// The statuses and priorities of an improvement action, with their labels. Apart from the schema
// (lib/shared/verbeterplan/schema.ts), so that the form can show them without loading zod first.
export const ACTIE_STATUS = [
  { value: "GEPLAND", label: "Gepland" },
  { value: "IN_UITVOERING", label: "In uitvoering" },
  { value: "AFGEROND", label: "Afgerond" },
  { value: "VERVALLEN", label: "Vervallen" },
] as const;

export const PRIORITEIT = [
  { value: "HOOG", label: "Hoog" },
  { value: "MIDDEN", label: "Midden" },
  { value: "LAAG", label: "Laag" },
] as const;

export type ActieStatusValue = (typeof ACTIE_STATUS)[number]["value"];
export type PrioriteitValue = (typeof PRIORITEIT)[number]["value"];
