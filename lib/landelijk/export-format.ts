// Pure: the national aggregate as rows (CSV, xlsx) and as open data (JSON). Suppressed figures are
// empty (rows) or null with "onderdrukt": true (JSON), never their value.
import { toCsv } from "@/lib/export/csv";
import type { Framework } from "@/lib/framework";
import { OPEN_DATA_SCHEMA_PAD, OPEN_DATA_SCHEMA_VERSIE, ZOpenDataLandelijkSchema, type TOpenDataLandelijk } from "@/lib/shared/landelijk/open-data";
import { MIN_GEMEENTEN, type ItemVerdeling, type Spreiding, type Verdeling } from "./verdeling";

export const ONDERDRUKT_TEKST = `onderdrukt: minder dan ${MIN_GEMEENTEN} gemeenten`;

/** What the exports need of getLandelijkeVerdeling's answer. */
export type LandelijkeExportData = {
  jaar: number | null;
  framework: Framework;
  landelijk: Verdeling;
  perRegio: readonly { regio: { name: string; slug: string }; verdeling: Verdeling }[];
};

export const TABEL_KOPPEN = [
  "Jaar",
  "Selectie",
  "Niveau",
  "Code",
  "Titel",
  "Aantal gemeenten",
  "Mediaan",
  "Q1",
  "Q3",
  "Minimum",
  "Maximum",
  "Score 0",
  "Score 1",
  "Score 2",
  "Score 3 (doet dit goed)",
  "Weet ik niet",
  "Onderdrukt",
] as const;

type Cel = string | number | null;

function spreidingCellen(value: Spreiding | ItemVerdeling): Cel[] {
  if (value.onderdrukt) return [null, null, null, null, null, null];
  return [value.n, value.mediaan, value.q1, value.q3, value.min, value.max];
}

/** One row per selection (national, each region) and eis or onderdeel. */
export function verdelingRows(data: LandelijkeExportData): Cel[][] {
  const selecties = [
    { naam: "Landelijk", verdeling: data.landelijk },
    ...data.perRegio.map((entry) => ({ naam: entry.regio.name, verdeling: entry.verdeling })),
  ];
  return selecties.flatMap(({ naam, verdeling }) => [
    ...data.framework.requirements.map((requirement): Cel[] => {
      const value = verdeling.eisen[requirement.number] ?? { onderdrukt: true };
      return [
        data.jaar,
        naam,
        "eis",
        String(requirement.number),
        requirement.shortTitle,
        ...spreidingCellen(value),
        null,
        null,
        null,
        null,
        null,
        value.onderdrukt ? ONDERDRUKT_TEKST : "",
      ];
    }),
    ...data.framework.onderdelen.map((onderdeel): Cel[] => {
      const value: ItemVerdeling = verdeling.onderdelen[onderdeel.id] ?? { onderdrukt: true };
      const aantallen = value.onderdrukt
        ? [null, null, null, null, null]
        : [value.aantallen[0], value.aantallen[1], value.aantallen[2], value.aantallen[3], value.aantallen.weetIkNiet];
      return [
        data.jaar,
        naam,
        "onderdeel",
        onderdeel.id,
        onderdeel.shortTitle,
        ...spreidingCellen(value),
        ...aantallen,
        value.onderdrukt ? ONDERDRUKT_TEKST : "",
      ];
    }),
  ]);
}

export function verdelingCsv(data: LandelijkeExportData): string {
  return toCsv([[...TABEL_KOPPEN], ...verdelingRows(data)]);
}

function spreidingJson(value: Spreiding) {
  return value.onderdrukt
    ? { onderdrukt: true, aantalGemeenten: null, mediaan: null, q1: null, q3: null, min: null, max: null }
    : { onderdrukt: false, aantalGemeenten: value.n, mediaan: value.mediaan, q1: value.q1, q3: value.q3, min: value.min, max: value.max };
}

function selectieJson(framework: Framework, verdeling: Verdeling) {
  return {
    onderdrukt: verdeling.n === null,
    aantalGemeenten: verdeling.n,
    eisen: framework.requirements.map((requirement) => ({
      eis: requirement.number,
      titel: requirement.shortTitle,
      ...spreidingJson(verdeling.eisen[requirement.number] ?? { onderdrukt: true }),
    })),
    onderdelen: framework.onderdelen.map((onderdeel) => {
      const value: ItemVerdeling = verdeling.onderdelen[onderdeel.id] ?? { onderdrukt: true };
      return {
        onderdeel: onderdeel.id,
        eis: onderdeel.requirementNumber,
        titel: onderdeel.shortTitle,
        ...spreidingJson(value),
        aantallen: value.onderdrukt
          ? null
          : {
              score0: value.aantallen[0],
              score1: value.aantallen[1],
              score2: value.aantallen[2],
              score3: value.aantallen[3],
              weetIkNiet: value.aantallen.weetIkNiet,
            },
      };
    }),
  };
}

/** The open-data document, checked against its schema (a mismatch is a bug, not user input). */
export function openData(data: LandelijkeExportData, context: { origin: string; now: Date }): TOpenDataLandelijk {
  return ZOpenDataLandelijkSchema.parse({
    $schema: `${context.origin}${OPEN_DATA_SCHEMA_PAD}`,
    schemaVersie: OPEN_DATA_SCHEMA_VERSIE,
    titel: `Landelijke verdeling zelfscan Werken aan Veiligheid${data.jaar === null ? "" : ` ${data.jaar}`}`,
    jaar: data.jaar,
    kaderversie: { id: data.framework.id, versie: data.framework.version, titel: data.framework.title },
    minimumAantalGemeenten: MIN_GEMEENTEN,
    gegenereerdOp: context.now.toISOString(),
    landelijk: selectieJson(data.framework, data.landelijk),
    regios: data.perRegio.map((entry) => ({ naam: entry.regio.name, slug: entry.regio.slug, ...selectieJson(data.framework, entry.verdeling) })),
  });
}
