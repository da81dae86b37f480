import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { openDataJsonSchema } from "@/lib/shared/landelijk/open-data";
import { ONDERDRUKT_TEKST, openData, verdelingCsv, verdelingRows } from "./export-format";
import { landelijkeVerdelingen, type TelbareScan } from "./verdeling";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const scan = (regioId: string, score: number): TelbareScan => ({
  regioId,
  answers: framework.onderdelen.map((onderdeel) => ({ onderdeelId: onderdeel.id, score, weetIkNiet: false })),
});
// Regions "a", "b" and "groot" have 5 gemeenten each (scores 0, 1, 2, 3, 0), "klein" 2 (3, 3): klein is
// suppressed, and with it a and b (otherwise national minus the rest would be klein, or a's leader
// could subtract a); groot and the national figures (17) are shown.
const five = (regioId: string) => Array.from({ length: 5 }, (_, index) => scan(regioId, index % 4));
const scans = [...five("a"), ...five("b"), ...five("groot"), scan("klein", 3), scan("klein", 3)];
const { landelijk, regios } = landelijkeVerdelingen(framework, ["a", "b", "groot", "klein"], scans);
const data = {
  jaar: 2026,
  framework,
  landelijk,
  perRegio: [
    { regio: { name: "Regio =Groot", slug: "groot" }, verdeling: regios.groot! },
    { regio: { name: "Klein", slug: "klein" }, verdeling: regios.klein! },
    { regio: { name: "A", slug: "a" }, verdeling: regios.a! },
    { regio: { name: "B", slug: "b" }, verdeling: regios.b! },
  ],
};

describe("the national exports", () => {
  it("leave suppressed figures empty with the reason, and neutralise formulas", () => {
    const rows = verdelingRows(data);
    expect(rows).toHaveLength(5 * (framework.requirements.length + framework.onderdelen.length));
    const klein = rows.filter((row) => row[1] === "Klein");
    expect(klein.every((row) => row.slice(5, 16).every((cell) => cell === null) && row[16] === ONDERDRUKT_TEKST)).toBe(true);
    const national = rows.find((row) => row[1] === "Landelijk" && row[3] === "3a")!;
    // 3a scores three times 0,1,2,3,0 and twice 3 -> n 17, sorted 0×6, 1×3, 2×3, 3×5:
    // median (rank 8) 1, Q1 (rank 4) 0, Q3 (rank 12) 3
    expect(national.slice(5)).toEqual([17, 1, 0, 3, 0, 3, 6, 3, 3, 5, 0, ""]);
    expect(rows.filter((row) => row[1] === "A" || row[1] === "B").every((row) => row[16] === ONDERDRUKT_TEKST)).toBe(true);
    // A region name is text: quoted, and a formula character after a separator gets an apostrophe.
    expect(verdelingCsv(data)).toContain('"Regio =Groot"');
  });

  it("write open data that names its schema, with null for every suppressed figure", () => {
    const document = openData(data, { origin: "https://zelfscan.example", now: new Date("2026-12-03T12:00:00Z") });
    expect(document.$schema).toBe("https://zelfscan.example/landelijk/verdeling.schema.json");
    expect(document.schemaVersie).toBe("1.0.0");
    expect(document.landelijk.aantalGemeenten).toBe(17);
    const klein = document.regios.find((regio) => regio.slug === "klein")!;
    expect(klein).toMatchObject({ onderdrukt: true, aantalGemeenten: null });
    expect(klein.onderdelen.every((entry) => entry.onderdrukt && entry.mediaan === null && entry.aantallen === null)).toBe(true);
    expect(document.landelijk.onderdelen.find((entry) => entry.onderdeel === "3a")!.aantallen).toEqual({
      score0: 6,
      score1: 3,
      score2: 3,
      score3: 5,
      weetIkNiet: 0,
    });
  });

  it("publish a JSON Schema generated from the zod schema", () => {
    const schema = openDataJsonSchema() as { properties: Record<string, unknown>; required: string[]; version: string };
    expect(schema.version).toBe("1.0.0");
    expect(Object.keys(schema.properties)).toEqual([
      "$schema",
      "schemaVersie",
      "titel",
      "jaar",
      "kaderversie",
      "minimumAantalGemeenten",
      "gegenereerdOp",
      "landelijk",
      "regios",
    ]);
    expect(schema.required).toContain("landelijk");
  });
});
