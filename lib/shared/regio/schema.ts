import { z } from "zod";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

const text = (schema: z.ZodString) => schema.refine(isPlainText, PLAIN_TEXT_MESSAGE);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in.")
  .refine((value) => !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()), "Vul een bestaande datum in.");

export const ZMeetrondeSchema = z
  .strictObject({
    name: text(z.string().trim().min(3, "Geef de meetronde een naam van ten minste 3 tekens.").max(100, "De naam is te lang (maximaal 100 tekens).")),
    startsOn: isoDate,
    deadline: isoDate,
    frameworkVersion: z.string().min(1, "Kies een versie van het kwaliteitskader."),
  })
  .refine((ronde) => ronde.deadline >= ronde.startsOn, { path: ["deadline"], message: "De deadline ligt vóór de startdatum." });

export type TMeetronde = z.infer<typeof ZMeetrondeSchema>;

export const ZRegionaleActieSchema = z.strictObject({
  itemIds: z.array(z.string().min(1).max(8)).min(1, "Koppel de actie aan ten minste één onderdeel.").max(38),
  title: text(z.string().trim().min(3, "Geef de actie een titel van ten minste 3 tekens.").max(200, "De titel is te lang (maximaal 200 tekens).")),
  description: text(z.string().trim().max(4000, "De beschrijving is te lang (maximaal 4000 tekens).")),
  ownerName: text(z.string().trim().max(200, "De naam is te lang.")),
  ownerRole: text(z.string().trim().max(200, "De rol is te lang.")),
  deadline: isoDate.nullable(),
  status: z.enum(["GEPLAND", "IN_UITVOERING", "AFGEROND", "VERVALLEN"], { message: "Kies een status." }),
  /** The municipalities it concerns, each with its local accent. */
  gemeenten: z
    .array(z.strictObject({ gemeenteId: z.string().min(1), accent: text(z.string().trim().max(1000, "Het lokale accent is te lang (maximaal 1000 tekens).")) }))
    .min(1, "Kies ten minste één gemeente.")
    .refine((list) => new Set(list.map((entry) => entry.gemeenteId)).size === list.length, "Elke gemeente mag één keer voorkomen."),
});

export type TRegionaleActie = z.infer<typeof ZRegionaleActieSchema>;

export const ZUpdateRegionaleActieSchema = z.strictObject({ version: z.number().int().min(0), actie: ZRegionaleActieSchema });
