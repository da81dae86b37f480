import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { commonGaps, heatMap, type RegioScan } from "@/lib/regio/aggregate";
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
  const anoniem = anonimiseringVoor(scans);
  const result = anonimiseerPresentatie(presentatie(), anoniem);

  it("names no gemeente anywhere, not even in its slug, toelichtingen, titles, file names or the plan", () => {
    const text = JSON.stringify(result);
    for (const name of NAMES) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
    expect(text).not.toContain("den-haag");
    expect(text).not.toContain("Anouk");
  });

  it("gives the letters by scan id, and shows rows and lists in the order of the letters", () => {
    expect(result.rows.map((row) => [row.gemeente.name, row.gemeente.id])).toEqual([
      ["Gemeente A", "g2"],
      ["Gemeente B", "g1"],
      ["Gemeente C", "g0"],
      ["Gemeente D", "g3"],
    ]);
    expect(result.acties[0]!.gemeenten.map((entry) => entry.name)).toEqual(["Gemeente B", "Gemeente C"]);
    expect(result.acties[0]!.description).toBe("Gemeente C en Gemeente A sluiten aan.");
    expect(result.gaps[0]!.gemeenten[0]!.toelichting).toMatch(/hier is in Gemeente [BCD] nog niets/);
  });

  it("keeps the figures and the examples' count: only names change", () => {
    const plain = presentatie();
    expect(result.rows.map((row) => row.overall).sort()).toEqual(plain.rows.map((row) => row.overall).sort());
    expect(result.voorbeelden.map((list) => [list.voorbeelden.length, list.nietGedeeld])).toEqual(
      plain.voorbeelden.map((list) => [list.voorbeelden.length, list.nietGedeeld]),
    );
    expect(result.voorbeelden[0]!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).toContain("Gemeente A");
  });
});
