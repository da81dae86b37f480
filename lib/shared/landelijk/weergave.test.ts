import { describe, expect, it } from "vitest";
import { formatBereik, jaarQuery, onderdruktTekst, parseLandelijkFilter } from "./weergave";

describe("the national page's wording", () => {
  it("says a suppressed figure is suppressed and why, without its n", () => {
    expect(onderdruktTekst(5)).toBe("onderdrukt (minder dan 5 gemeenten)");
  });

  it("writes a range in Dutch notation", () => {
    expect(formatBereik(1.5, 2.25)).toBe("1,5–2,25");
    expect(formatBereik(0, 3)).toBe("0–3");
  });

  it("links an export to the year shown", () => {
    expect(jaarQuery(2026)).toBe("?jaar=2026");
    expect(jaarQuery(null)).toBe("");
  });
});

describe("parseLandelijkFilter", () => {
  it("reads a year and a region slug; empty values mean all", () => {
    expect(parseLandelijkFilter({})).toEqual({});
    expect(parseLandelijkFilter({ jaar: "2026", regio: "zuid-holland-zuid" })).toEqual({ jaar: 2026, regio: "zuid-holland-zuid" });
    expect(parseLandelijkFilter({ jaar: "", regio: "" })).toEqual({});
    expect(parseLandelijkFilter({ jaar: ["2021", "2026"] })).toEqual({ jaar: 2021 });
  });

  it("refuses what cannot be a year or a slug", () => {
    expect(parseLandelijkFilter({ jaar: "twintig" })).toBe(false);
    expect(parseLandelijkFilter({ jaar: "2026.5" })).toBe(false);
    expect(parseLandelijkFilter({ jaar: "-2026" })).toBe(false);
    expect(parseLandelijkFilter({ regio: "../delft" })).toBe(false);
    expect(parseLandelijkFilter({ regio: "Haaglanden" })).toBe(false);
    expect(parseLandelijkFilter({ regio: "a".repeat(101) })).toBe(false);
  });
});
