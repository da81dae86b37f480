import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { gemeenteOntwikkeling, kiesMetingen, type MetingScan } from "./ontwikkeling";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const GEMEENTE = { id: "g", name: "Delft", slug: "delft" };

function scan(id: string, startsOn: string, status: string, overrides: Record<string, number | null> = {}, base: number | null = 1): MetingScan {
  return {
    id,
    status,
    framework,
    meetronde: { id: `ronde-${id}`, name: `Ronde ${id}`, startsOn: new Date(`${startsOn}T00:00:00Z`) },
    answers: framework.onderdelen.map((onderdeel) => {
      const score = onderdeel.id in overrides ? overrides[onderdeel.id]! : base;
      return { onderdeelId: onderdeel.id, score, weetIkNiet: false, doelniveau: 3 };
    }),
  };
}

describe("choosing the nulmeting and the herhaalmeting", () => {
  const s2019 = scan("a", "2019-03-01", "CONCEPT");
  const s2021 = scan("b", "2021-01-11", "INGEDIEND");
  const s2024 = scan("c", "2024-02-01", "INGEDIEND");
  const s2026 = scan("d", "2026-10-01", "CONCEPT");

  it("takes the earliest submitted scan and the latest scan of a later round, also a draft", () => {
    const { nulmeting, herhaalmeting } = kiesMetingen([s2026, s2019, s2024, s2021]);
    expect([nulmeting?.id, herhaalmeting?.id]).toEqual(["b", "d"]);
  });

  it("has no herhaalmeting while the nulmeting is the latest scan, and no nulmeting without a submitted scan", () => {
    expect(kiesMetingen([s2019, s2021])).toEqual({ nulmeting: s2021, herhaalmeting: null });
    expect(kiesMetingen([s2019, s2026])).toEqual({ nulmeting: null, herhaalmeting: null });
    expect(kiesMetingen([])).toEqual({ nulmeting: null, herhaalmeting: null });
  });

  it("up to a given scan (its PDF): that scan is the herhaalmeting and later rounds are left out", () => {
    expect(kiesMetingen([s2021, s2024, s2026], "c")).toEqual({ nulmeting: s2021, herhaalmeting: s2024 });
    expect(kiesMetingen([s2021, s2024, s2026], "b")).toEqual({ nulmeting: s2021, herhaalmeting: null });
    expect(kiesMetingen([s2021, s2024], "onbekend")).toEqual({ nulmeting: null, herhaalmeting: null });
  });
});

describe("one gemeente over time", () => {
  it("compares per eis and per onderdeel with the region's rules, and marks a draft provisional", () => {
    // Nulmeting: everything 1 except 3a = 0. Herhaalmeting (draft): 3a = 3, 3b = 2, eis 5 unanswered, the rest 1.
    const nul = scan("n", "2021-01-11", "INGEDIEND", { "3a": 0 });
    const eis5 = Object.fromEntries(framework.onderdelen.filter((o) => o.requirementNumber === 5).map((o) => [o.id, null]));
    const herhaal = scan("h", "2026-10-01", "CONCEPT", { "3a": 3, "3b": 2, ...eis5 });
    const result = gemeenteOntwikkeling(GEMEENTE, [herhaal, nul]);
    expect(result.nulmeting).toMatchObject({ scanId: "n", voorlopig: false, kaderversie: framework.version });
    expect(result.herhaalmeting).toMatchObject({ scanId: "h", voorlopig: true, status: "CONCEPT" });
    const v = result.vergelijking!;
    expect(v.onderdelen["3a"]).toEqual({ from: 0, to: 3, delta: 3, direction: "beter" });
    expect(v.onderdelen["3c"]).toEqual({ from: 1, to: 1, delta: 0, direction: "gelijk" });
    // Eis 3 has five items: (0+1+1+1+1)/5 = 0.8 → (3+2+1+1+1)/5 = 1.6.
    expect(framework.onderdelen.filter((o) => o.requirementNumber === 3)).toHaveLength(5);
    expect(v.requirements[3]).toEqual({ from: 0.8, to: 1.6, delta: 0.8, direction: "beter" });
    // Unanswered in the herhaalmeting: no comparison, said as such.
    expect(v.requirements[5]).toEqual({ from: 1, to: null, delta: null, direction: null });
    expect(v.comparableOnderdelen).toHaveLength(framework.onderdelen.length);
  });

  it("says there is nothing to compare yet with only a nulmeting", () => {
    const result = gemeenteOntwikkeling(GEMEENTE, [scan("n", "2021-01-11", "INGEDIEND")]);
    expect(result).toMatchObject({ nulmeting: { scanId: "n" }, herhaalmeting: null, vergelijking: null });
  });
});
