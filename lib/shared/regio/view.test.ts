import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { formatChange, heatMapColumns, parseDirection, parseSort, parseThreshold, SCORE_BANDS, scoreBackground, sortParam } from "./view";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

// WCAG relative luminance and contrast ratio, to check black text on every band.
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}
const contrastWithBlack = (hex: string) => (luminance(hex) + 0.05) / 0.05;

describe("heat map presentation", () => {
  it("has a readable (AA) background for every score band, and bands by value", () => {
    for (const band of SCORE_BANDS) expect(contrastWithBlack(band.background)).toBeGreaterThan(4.5);
    expect(scoreBackground(0)).toBe("#fecaca");
    expect(scoreBackground(0.74)).toBe("#fecaca");
    expect(scoreBackground(0.75)).toBe("#fed7aa");
    expect(scoreBackground(1.5)).toBe("#fef08a");
    expect(scoreBackground(2.25)).toBe("#bbf7d0");
    expect(scoreBackground(3)).toBe("#bbf7d0");
    expect(scoreBackground(null)).toBe("#ffffff");
  });

  it("reads sort keys from the URL and writes them back, falling back to the name", () => {
    for (const value of ["totaal", "eis-5", "onderdeel-3a", "gemeente"]) expect(sortParam(parseSort(framework, value))).toBe(value);
    expect(parseSort(framework, "eis-11")).toEqual({ by: "gemeente" });
    expect(parseSort(framework, "onderdeel-99z")).toEqual({ by: "gemeente" });
    expect(parseSort(framework, undefined)).toEqual({ by: "gemeente" });
    expect(parseDirection("af")).toBe("desc");
    expect(parseDirection("xyz")).toBe("asc");
  });

  it("shows the ten requirements or the 38 items as columns", () => {
    expect(heatMapColumns(framework, "eisen")).toHaveLength(10);
    expect(heatMapColumns(framework, "onderdelen")).toHaveLength(38);
    expect(heatMapColumns(framework, "onderdelen")[0]).toMatchObject({ label: "1", anchor: "onderdeel-1" });
  });

  it("keeps the threshold of common gaps between 1 and the number of gemeenten, default 3", () => {
    expect(parseThreshold(undefined, 9)).toBe(3);
    expect(parseThreshold("7", 9)).toBe(7);
    expect(parseThreshold("0", 9)).toBe(1);
    expect(parseThreshold("40", 9)).toBe(9);
    expect(parseThreshold("drie", 2)).toBe(2);
  });

  it("says a change in words, with its sign", () => {
    expect(formatChange({ from: 1.2, to: 1.8, delta: 0.6, direction: "beter" })).toBe("1,2 → 1,8: beter (+0,6)");
    expect(formatChange({ from: 2, to: 1.5, delta: -0.5, direction: "slechter" })).toBe("2 → 1,5: slechter (-0,5)");
    expect(formatChange({ from: 2, to: 2, delta: 0, direction: "gelijk" })).toBe("2 → 2: gelijk (0)");
    expect(formatChange({ from: null, to: 2, delta: null, direction: null })).toBe("– → 2: geen vergelijking (score ontbreekt)");
  });
});
