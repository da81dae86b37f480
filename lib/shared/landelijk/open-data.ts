// The open-data export of the national aggregate (GET /landelijk/verdeling.json): this zod schema
// is the one source of truth. The JSON Schema published at /landelijk/verdeling.schema.json is
// generated from it (z.toJSONSchema), the export is checked against it before it leaves, and
// docs/open-data-landelijk.md describes every field. A suppressed figure is null with
// "onderdrukt": true, never its value.
import { z } from "zod";

export const OPEN_DATA_SCHEMA_VERSIE = "1.0.0";
export const OPEN_DATA_SCHEMA_PAD = "/landelijk/verdeling.schema.json";

const ZGetal = z.number().nullable();

const ZSpreidingSchema = z.object({
  onderdrukt: z.boolean().describe("true: gebaseerd op minder dan minimumAantalGemeenten gemeenten; alle cijfers zijn dan null"),
  aantalGemeenten: z.number().int().nullable().describe("Aantal gemeenten waarop het cijfer berust"),
  mediaan: ZGetal,
  q1: ZGetal.describe("Eerste kwartiel (zoals KWARTIEL.INC in Excel)"),
  q3: ZGetal.describe("Derde kwartiel (zoals KWARTIEL.INC in Excel)"),
  min: ZGetal,
  max: ZGetal,
});

const ZEisSchema = ZSpreidingSchema.extend({
  eis: z.number().int().positive().describe("Nummer van de eis in het kwaliteitskader"),
  titel: z.string(),
});

const ZOnderdeelSchema = ZSpreidingSchema.extend({
  onderdeel: z.string().describe('Code van het onderdeel, bijv. "3a"'),
  eis: z.number().int().positive(),
  titel: z.string(),
  aantallen: z
    .object({
      score0: z.number().int(),
      score1: z.number().int(),
      score2: z.number().int(),
      score3: z.number().int().describe("Aantal gemeenten dat dit goed doet (score 3)"),
      weetIkNiet: z.number().int(),
    })
    .nullable()
    .describe("Aantal gemeenten per score; null als het onderdeel is onderdrukt"),
});

const ZSelectieSchema = z.object({
  onderdrukt: z.boolean(),
  aantalGemeenten: z.number().int().nullable(),
  eisen: z.array(ZEisSchema),
  onderdelen: z.array(ZOnderdeelSchema),
});

export const ZOpenDataLandelijkSchema = z
  .object({
    $schema: z.string().describe("Adres van dit schema"),
    schemaVersie: z.literal(OPEN_DATA_SCHEMA_VERSIE),
    titel: z.string(),
    jaar: z.number().int().nullable().describe("Jaar van de meetrondes (UTC-jaar van de startdatum)"),
    kaderversie: z.object({ id: z.string(), versie: z.string(), titel: z.string() }),
    minimumAantalGemeenten: z.number().int().describe("Cijfers over minder gemeenten zijn onderdrukt"),
    gegenereerdOp: z.string().describe("Moment van de export (ISO 8601)"),
    landelijk: ZSelectieSchema,
    regios: z.array(ZSelectieSchema.extend({ naam: z.string(), slug: z.string() })),
  })
  .meta({
    title: "Landelijke verdeling zelfscan Werken aan Veiligheid",
    description: "Spreiding van de scores per eis en onderdeel, landelijk en per regio; geen gemeentegegevens.",
  });

export type TOpenDataLandelijk = z.infer<typeof ZOpenDataLandelijkSchema>;

/** The published JSON Schema, generated from the zod schema above. */
export function openDataJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(ZOpenDataLandelijkSchema), $id: OPEN_DATA_SCHEMA_PAD, version: OPEN_DATA_SCHEMA_VERSIE };
}
