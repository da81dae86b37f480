// Hand-computed fixtures: the expected numbers below were worked out by hand, not by the code.
import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework, type Framework } from "@/lib/framework";
import { columnStats, commonGaps, compareMeetrondes, heatMap, sortRows, type RegioScan } from "./aggregate";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

function scan(slug: string, overrides: Record<string, number | "?">, base = 3): RegioScan {
  return {
    gemeente: { id: `id-${slug}`, name: slug[0]!.toUpperCase() + slug.slice(1), slug },
    scan: {
      id: `scan-${slug}`,
      status: "INGEDIEND",
      answers: framework.onderdelen.map((onderdeel) => {
        const value = overrides[onderdeel.id] ?? base;
        return {
          onderdeelId: onderdeel.id,
          score: value === "?" ? null : value,
          weetIkNiet: value === "?",
          doelniveau: 3,
          toelichting: `${slug} over ${onderdeel.id}`,
        };
      }),
    },
  };
}

// Three municipalities; everything at 3 except:
//   a: 3a=1, 3b=2, 10g=0        b: 3a=2, 10g=?, 5=1        c: 3a=0, 5=2, 9=2
const A = scan("a", { "3a": 1, "3b": 2, "10g": 0 });
const B = scan("b", { "3a": 2, "10g": "?", "5": 1 });
const C = scan("c", { "3a": 0, "5": 2, "9": 2 });
const EMPTY: RegioScan = { gemeente: { id: "id-d", name: "D", slug: "d" }, scan: null };

describe("common gaps of a region", () => {
  it("lists items where at least N municipalities fall short, most municipalities first", () => {
    const gaps = commonGaps(framework, [A, B, C, EMPTY], 2);
    // 3a: a (gap 2), b (gap 1), c (gap 3): 3 municipalities, mean gap 2.
    // 5: b (gap 2), c (gap 1): 2, mean 1.5.   10g: a (gap 3), b (unknown → 0, gap 3): 2, mean 3.
    expect(gaps.map((gap) => [gap.onderdeel.id, gap.gemeenten.length, gap.meanGap])).toEqual([
      ["3a", 3, 2],
      ["10g", 2, 3],
      ["5", 2, 1.5],
    ]);
    expect(gaps[0]!.gemeenten.map((entry) => [entry.gemeente.slug, entry.gap])).toEqual([
      ["c", 3],
      ["a", 2],
      ["b", 1],
    ]);
    expect(gaps[1]!.gemeenten.find((entry) => entry.gemeente.slug === "b")).toMatchObject({ weetIkNiet: true, value: 0, toelichting: "b over 10g" });
  });

  it("with a threshold of 1 also lists the gaps of single municipalities", () => {
    expect(commonGaps(framework, [A, B, C], 1).map((gap) => gap.onderdeel.id)).toEqual(["3a", "10g", "5", "3b", "9"]);
    expect(commonGaps(framework, [A, B, C], 4)).toEqual([]);
  });
});

describe("the heat map", () => {
  it("has a row per municipality with requirement means and a mean and spread per column", () => {
    const map = heatMap(framework, [A, B, C, EMPTY]);
    expect(map.rows.map((row) => row.gemeente.slug)).toEqual(["a", "b", "c", "d"]);
    // Requirement 3 = mean of 3a..3e. a: (1+2+3+3+3)/5 = 2.4; b: (2+3+3+3+3)/5 = 2.8; c: (0+3+3+3+3)/5 = 2.4.
    expect([A, B, C].map((_, index) => map.rows[index]!.requirements[3])).toEqual([2.4, 2.8, 2.4]);
    expect(map.rows[3]!.requirements[3]).toBeNull();
    // Column 3: mean (2.4+2.8+2.4)/3 = 2.53; population sd = sqrt(((−0.133)²·2 + 0.267²)/3) = 0.19.
    expect(map.requirementStats[3]).toEqual({ mean: 2.53, spread: 0.19, min: 2.4, max: 2.8, n: 3 });
    expect(map.onderdeelStats["3a"]).toMatchObject({ mean: 1, min: 0, max: 2, n: 3 });
    // Requirement 10 for b: 10g unknown counts as 0 → (6×3 + 0)/7 = 2.57.
    expect(map.rows[1]!.requirements[10]).toBe(2.57);
  });

  it("sorts by a column with empty rows last", () => {
    const rows = heatMap(framework, [A, B, C, EMPTY]).rows;
    expect(sortRows(rows, { by: "requirement", number: 3 }, "desc").map((row) => row.gemeente.slug)).toEqual(["b", "a", "c", "d"]);
    expect(sortRows(rows, { by: "item", id: "3a" }, "asc").map((row) => row.gemeente.slug)).toEqual(["c", "a", "b", "d"]);
    expect(sortRows(rows, { by: "gemeente" }, "desc").map((row) => row.gemeente.slug)).toEqual(["d", "c", "b", "a"]);
  });

  it("column statistics of nothing are empty", () => {
    expect(columnStats([null, null])).toEqual({ mean: null, spread: null, min: null, max: null, n: 0 });
  });
});

describe("comparing two rounds", () => {
  it("says per municipality and for the region what got better, stayed the same or got worse", () => {
    const later = [scan("a", { "3a": 3, "3b": 2, "10g": 1 }), scan("b", { "3a": 1, "10g": "?", "5": 1 }), scan("c", {})];
    const comparison = compareMeetrondes({ framework, scans: [A, B, C] }, { framework, scans: later });
    const a = comparison.gemeenten[0]!;
    expect(a.onderdelen["3a"]).toEqual({ from: 1, to: 3, delta: 2, direction: "beter" });
    expect(a.onderdelen["3b"]).toMatchObject({ direction: "gelijk" });
    expect(comparison.gemeenten[1]!.onderdelen["3a"]).toMatchObject({ from: 2, to: 1, direction: "slechter" });
    // Requirement 3 for a: 2.4 → (3+2+3+3+3)/5 = 2.8.
    expect(a.requirements[3]).toEqual({ from: 2.4, to: 2.8, delta: 0.4, direction: "beter" });
    // Region, item 3a: mean(1, 2, 0) = 1 → mean(3, 1, 3) = 2.33.
    expect(comparison.regio.onderdelen["3a"]).toEqual({ from: 1, to: 2.33, delta: 1.33, direction: "beter" });
    expect(comparison.notComparable).toEqual({ onlyInFrom: [], onlyInTo: [] });
  });

  it("maps items by id across framework versions and says which could not be compared", () => {
    // A hypothetical later version: item 3e dropped, a new item 3f added.
    const next: Framework = {
      ...framework,
      version: "2027",
      onderdelen: [
        ...framework.onderdelen.filter((onderdeel) => onderdeel.id !== "3e"),
        { ...framework.onderdelen.find((onderdeel) => onderdeel.id === "3e")!, id: "3f", letter: "f" },
      ],
    };
    const comparison = compareMeetrondes({ framework, scans: [A] }, { framework: next, scans: [scan("a", {})] });
    expect(comparison.notComparable).toEqual({ onlyInFrom: ["3e"], onlyInTo: ["3f"] });
    expect(comparison.comparableOnderdelen).not.toContain("3e");
    expect(comparison.comparableOnderdelen).toHaveLength(37);
  });
});
