// The form of one improvement action: one schema for react-hook-form and the server.
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasNoControlCharacters } from "@/lib/forms/text";

const text = (schema: z.ZodString) => schema.refine(hasNoControlCharacters, CONTROL_CHARACTER_MESSAGE);

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

export const ZVerbeteractieSchema = z.strictObject({
  itemIds: z.array(z.string().min(1).max(8)).min(1, "Koppel de actie aan ten minste één onderdeel.").max(38),
  title: text(z.string().trim().min(3, "Geef de actie een titel van ten minste 3 tekens.").max(200, "De titel is te lang (maximaal 200 tekens).")),
  description: text(z.string().trim().max(4000, "De beschrijving is te lang (maximaal 4000 tekens).")),
  ownerName: text(z.string().trim().max(200, "De naam is te lang.")),
  ownerRole: text(z.string().trim().max(200, "De rol is te lang.")),
  partners: z.array(text(z.string().trim().min(1).max(200))).max(20, "Maximaal 20 partners."),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in (dd-mm-jjjj).")
    .refine((value) => !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()), "Vul een bestaande datum in.")
    .nullable(),
  status: z.enum(["GEPLAND", "IN_UITVOERING", "AFGEROND", "VERVALLEN"], { message: "Kies een status." }),
  priority: z.enum(["HOOG", "MIDDEN", "LAAG"], { message: "Kies een prioriteit." }),
  borging: text(z.string().trim().max(2000, "Deze tekst is te lang (maximaal 2000 tekens).")),
});

export type TVerbeteractie = z.infer<typeof ZVerbeteractieSchema>;

export const ZUpdateVerbeteractieSchema = z.strictObject({ version: z.number().int().min(0), actie: ZVerbeteractieSchema });
