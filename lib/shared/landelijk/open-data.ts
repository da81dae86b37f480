// The open-data export of the national aggregate (GET /landelijk/verdeling.json): this zod schema
// is the one source of truth. The JSON Schema published at /landelijk/verdeling.schema.json is
// generated from it (z.toJSONSchema), the export is checked against it before it leaves, and
// docs/open-data-landelijk.md describes every field. A suppressed figure is null with
// "onderdrukt": true, never its value.
import { z } from "zod/mini";

export const OPEN_DATA_SCHEMA_VERSIE = "1.0.0";
export const OPEN_DATA_SCHEMA_PAD = "/landelijk/verdeling.schema.json";

const uitleg = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;
const ZGetal = z.nullable(z.number());
const ZAantal = z.int().check(z.nonnegative());

const ZSpreidingShape = {
  onderdrukt: uitleg(z.boolean(), "true: gebaseerd op minder dan minimumAantalGemeenten gemeenten (of aanvullend onderdrukt); alle cijfers zijn dan null"),
  aantalGemeenten: uitleg(z.nullable(ZAantal), "Aantal gemeenten waarop het cijfer berust"),
  mediaan: ZGetal,
  q1: uitleg(ZGetal, "Eerste kwartiel (zoals KWARTIEL.INC in Excel)"),
  q3: uitleg(ZGetal, "Derde kwartiel (zoals KWARTIEL.INC in Excel)"),
  min: ZGetal,
  max: ZGetal,
};

const ZEisSchema = z.object({
  eis: uitleg(z.int().check(z.positive()), "Nummer van de eis in het kwaliteitskader"),
  titel: z.string(),
  ...ZSpreidingShape,
});

const ZOnderdeelSchema = z.object({
  onderdeel: uitleg(z.string(), 'Code van het onderdeel, bijv. "3a"'),
  eis: z.int().check(z.positive()),
  titel: z.string(),
  ...ZSpreidingShape,
  aantallen: uitleg(
    z.nullable(
      z.object({
        score0: ZAantal,
        score1: ZAantal,
        score2: ZAantal,
        score3: uitleg(ZAantal, "Aantal gemeenten dat dit goed doet (score 3)"),
        weetIkNiet: ZAantal,
      }),
    ),
    "Aantal gemeenten per score; null als het onderdeel is onderdrukt",
  ),
});

const ZSelectieShape = {
  onderdrukt: z.boolean(),
  aantalGemeenten: z.nullable(ZAantal),
  eisen: z.array(ZEisSchema),
  onderdelen: z.array(ZOnderdeelSchema),
};

export const ZOpenDataLandelijkSchema = z
  .object({
    $schema: uitleg(z.string(), "Adres van dit schema"),
    schemaVersie: z.literal(OPEN_DATA_SCHEMA_VERSIE),
    titel: z.string(),
    jaar: uitleg(z.nullable(z.int()), "Jaar van de meetrondes (UTC-jaar van de startdatum)"),
    kaderversie: z.object({ id: z.string(), versie: z.string(), titel: z.string() }),
    minimumAantalGemeenten: uitleg(z.int(), "Cijfers over minder gemeenten zijn onderdrukt"),
    gegenereerdOp: uitleg(z.string(), "Moment van de export (ISO 8601)"),
    landelijk: z.object(ZSelectieShape),
    regios: z.array(z.object({ naam: z.string(), slug: z.string(), ...ZSelectieShape })),
  })
  .check(
    z.meta({
      title: "Landelijke verdeling zelfscan Werken aan Veiligheid",
      description: "Spreiding van de scores per eis en onderdeel, landelijk en per regio; geen gemeentegegevens.",
    }),
  );

export type TOpenDataLandelijk = z.infer<typeof ZOpenDataLandelijkSchema>;

/** The published JSON Schema, generated from the zod schema above. */
export function openDataJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(ZOpenDataLandelijkSchema), $id: OPEN_DATA_SCHEMA_PAD, version: OPEN_DATA_SCHEMA_VERSIE };
}
