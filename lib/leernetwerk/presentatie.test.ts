import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { commonGaps, heatMap, type RegioScan } from "@/lib/regio/aggregate";
import { presentatieSleutel } from "./anoniem";
import { anonimiseerPresentatie, anonimiseringVoor, type Presentatie } from "./presentatie";
import { goedeVoorbeelden } from "./voorbeelden";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const NAMES = ["Delft", "Den Haag", "Zoetermeer", "Rijswijk"];

const scans: RegioScan[] = NAMES.map((name, index) => ({
  gemeente: { id: `g${index}`, name, slug: name.toLowerCase().replace(" ", "-") },
  // Scan ids in another order than the names: Zoetermeer's is first.
  scan: {
    id: `scan-${["c", "b", "a", "d"][index]}`,
    status: "INGEDIEND",
    answers: framework.onderdelen.map((onderdeel, position) => ({
      onderdeelId: onderdeel.id,
      score: index === 2 ? 3 : position % 3,
      weetIkNiet: false,
      doelniveau: 3,
      toelichting: `${onderdeel.id}: hier is in ${name} nog niets voor geregeld.`,
    })),
  },
}));

function presentatie(): Presentatie {
  const gaps = commonGaps(framework, scans, 2);
  const sharing = scans.map((entry) => ({ gemeente: { ...entry.gemeente, deeltVoorbeelden: entry.gemeente.name !== "Rijswijk" }, scan: entry.scan }));
  return {
    rows: heatMap(framework, scans).rows,
    gaps,
    voorbeelden: goedeVoorbeelden(
      framework,
      sharing,
      gaps.map((gap) => gap.onderdeel.id),
    ).map((list) => ({
      ...list,
      voorbeelden: list.voorbeelden.map((voorbeeld) => ({
        ...voorbeeld,
        documents: [
          {
            id: "d",
            title: `Regiovisie ${voorbeeld.gemeente.name}`,
            ingangsdatum: "2024-01-01",
            versies: [
              {
                id: "v",
                nummer: 1,
                fileName: `regiovisie-${voorbeeld.gemeente.name}.pdf`,
                mediaType: "application/pdf",
                size: 1,
                uploadedAt: "",
                uploadedBy: "Anouk",
              },
            ],
          },
        ],
      })),
    })),
    acties: [
      {
        id: "a",
        title: "Samen met Den Haag inkopen",
        description: "Delft en Zoetermeer sluiten aan.",
        onderdeelIds: ["1"],
        status: "GEPLAND",
        ownerName: "Jeroen Smit",
        ownerRole: "Beleidsadviseur gemeente Rijswijk",
        deadline: null,
        gemeenten: [
          { id: "g0", name: "Delft", accent: "Delft begint in de wijk." },
          { id: "g1", name: "Den Haag", accent: "" },
        ],
      },
    ],
  };
}

describe("anonimiseerPresentatie", () => {
  const anoniem = anonimiseringVoor(scans, presentatieSleutel("geheim", "meetronde-1"));
  const label = (name: string) => anoniem.naam(scans.find((entry) => entry.gemeente.name === name)!.gemeente.id);
  const result = anonimiseerPresentatie(presentatie(), anoniem);

  it("names no gemeente anywhere, not even in its slug, toelichtingen, titles, file names or the plan", () => {
    const text = JSON.stringify(result);
    for (const name of NAMES) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
    expect(text).not.toContain("den-haag");
    expect(text).not.toContain("Anouk");
  });

  it("shows rows and lists in the order of the letters, with the label as id and no scan id", () => {
    expect(result.rows.map((row) => row.gemeente.name)).toEqual(["Gemeente A", "Gemeente B", "Gemeente C", "Gemeente D"]);
    for (const row of result.rows) expect([row.gemeente.id, row.scanId]).toEqual([row.gemeente.name, null]);
    expect(result.acties[0]!.gemeenten.map((entry) => entry.name)).toEqual([label("Delft"), label("Den Haag")].sort());
    expect(result.acties[0]!.description).toBe(`${label("Delft")} en ${label("Zoetermeer")} sluiten aan.`);
    expect(result.gaps[0]!.gemeenten[0]!.toelichting).toMatch(/hier is in Gemeente [A-D] nog niets/);
    for (const list of result.voorbeelden) for (const voorbeeld of list.voorbeelden) expect(voorbeeld.scanId).toBe("");
  });

  it("orders a gap's gemeenten by their gap, then by letter: never by the alphabet of the names", () => {
    for (const gap of result.gaps) {
      const order = gap.gemeenten.map((entry) => [entry.gap, entry.gemeente.name] as const);
      expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || a[1].localeCompare(b[1], "nl")));
    }
    // The fixture has ties (three gemeenten with the same gap), so the letters decide there.
    expect(result.gaps.some((gap) => new Set(gap.gemeenten.map((entry) => entry.gap)).size < gap.gemeenten.length)).toBe(true);
  });

  it("keeps the figures and the examples' count: only names change", () => {
    const plain = presentatie();
    expect(result.rows.map((row) => row.overall).sort()).toEqual(plain.rows.map((row) => row.overall).sort());
    expect(result.voorbeelden.map((list) => [list.voorbeelden.length, list.nietGedeeld])).toEqual(
      plain.voorbeelden.map((list) => [list.voorbeelden.length, list.nietGedeeld]),
    );
    expect(result.voorbeelden[0]!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).toContain(label("Zoetermeer"));
  });
});
