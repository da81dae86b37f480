// The forms of the regional pages (a meetronde, an action of the regional plan): one schema for
// react-hook-form and the server. In zod/mini, like every schema the browser runs (see
// lib/shared/forms/zod.ts).
import * as z from "zod/mini";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";
import { ACTIE_FIELDS } from "@/lib/shared/verbeterplan/schema";

const plainText = z.refine<string>(isPlainText, PLAIN_TEXT_MESSAGE);

const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in."),
  z.refine((value) => !Number.isNaN(new Date(`${value}T12:00:00Z`).getTime()), "Vul een bestaande datum in."),
);

export const ZMeetrondeSchema = z
  .strictObject({
    name: z
      .string()
      .check(
        z.trim(),
        z.minLength(3, "Geef de meetronde een naam van ten minste 3 tekens."),
        z.maxLength(100, "De naam is te lang (maximaal 100 tekens)."),
        plainText,
      ),
    startsOn: isoDate,
    deadline: isoDate,
    frameworkVersion: z.string().check(z.minLength(1, "Kies een versie van het kwaliteitskader.")),
  })
  .check(z.refine((meetronde) => meetronde.deadline >= meetronde.startsOn, { path: ["deadline"], message: "De deadline ligt vóór de startdatum." }));

export type TMeetronde = z.infer<typeof ZMeetrondeSchema>;

export const ZRegionaleActieSchema = z.strictObject({
  ...ACTIE_FIELDS,
  deadline: z.nullable(isoDate),
  /** The municipalities it concerns, each with its local accent. */
  gemeenten: z
    .array(
      z.strictObject({
        gemeenteId: z.string().check(z.minLength(1)),
        accent: z.string().check(z.trim(), z.maxLength(1000, "Het lokale accent is te lang (maximaal 1000 tekens)."), plainText),
      }),
    )
    .check(
      z.minLength(1, "Kies ten minste één gemeente."),
      z.refine((list) => new Set(list.map((entry) => entry.gemeenteId)).size === list.length, "Elke gemeente mag één keer voorkomen."),
    ),
});

export type TRegionaleActie = z.infer<typeof ZRegionaleActieSchema>;
