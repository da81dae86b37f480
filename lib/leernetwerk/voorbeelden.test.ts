import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { gatenVanScan, goedeVoorbeelden, isGoedVoorbeeld, type VoorbeeldScan } from "./voorbeelden";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const [A, B] = [framework.onderdelen[0]!.id, framework.onderdelen[1]!.id];

const answer = (onderdeelId: string, score: number | null, weetIkNiet = false) => ({
  onderdeelId,
  score,
  weetIkNiet,
  doelniveau: 3,
  toelichting: `toelichting ${onderdeelId} ${score}`,
});
const entry = (id: string, name: string, deelt: boolean, status: string, answers: ReturnType<typeof answer>[]): VoorbeeldScan => ({
  gemeente: { id, name, deeltVoorbeelden: deelt },
  scan: { id: `scan-${id}`, status, answers },
});

describe("isGoedVoorbeeld", () => {
  it("is the top of the scale in a submitted scan, never 'weet ik niet' or a draft", () => {
    expect(isGoedVoorbeeld(framework, { status: "INGEDIEND" }, { score: 3, weetIkNiet: false })).toBe(true);
    expect(isGoedVoorbeeld(framework, { status: "INGEDIEND" }, { score: 2, weetIkNiet: false })).toBe(false);
    expect(isGoedVoorbeeld(framework, { status: "INGEDIEND" }, { score: null, weetIkNiet: true })).toBe(false);
    expect(isGoedVoorbeeld(framework, { status: "CONCEPT" }, { score: 3, weetIkNiet: false })).toBe(false);
    expect(isGoedVoorbeeld(framework, { status: "INGEDIEND" }, undefined)).toBe(false);
  });
});

describe("goedeVoorbeelden", () => {
  const scans: VoorbeeldScan[] = [
    entry("zoe", "Zoetermeer", true, "INGEDIEND", [answer(A, 3), answer(B, 3)]),
    entry("dh", "Den Haag", true, "INGEDIEND", [answer(A, 3), answer(B, 2)]),
    entry("ri", "Rijswijk", false, "INGEDIEND", [answer(A, 3), answer(B, 3)]),
    entry("we", "Westland", true, "CONCEPT", [answer(A, 3)]),
    entry("de", "Delft", true, "INGEDIEND", [answer(A, 1), answer(B, 3)]),
    { gemeente: { id: "md", name: "Midden-Delfland", deeltVoorbeelden: true }, scan: null },
  ];

  it("names the sharing gemeenten with score 3 (by name), and only counts those that do not share", () => {
    const [onA, onB] = goedeVoorbeelden(framework, scans, [A, B]);
    expect(onA!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).toEqual(["Den Haag", "Zoetermeer"]);
    expect(onA!.nietGedeeld).toBe(1);
    expect(onA!.voorbeelden[0]).toEqual({ gemeente: { id: "dh", name: "Den Haag" }, scanId: "scan-dh", onderdeelId: A, toelichting: `toelichting ${A} 3` });
    expect(onB!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).toEqual(["Delft", "Zoetermeer"]);
    expect(onB!.nietGedeeld).toBe(1);
  });

  it("leaves a draft out entirely: not named, not counted", () => {
    const [onA] = goedeVoorbeelden(framework, scans, [A]);
    expect(JSON.stringify(onA)).not.toContain("Westland");
    expect(onA!.voorbeelden.length + onA!.nietGedeeld).toBe(3);
  });

  it("leaves out the gemeente that is looking (zonder)", () => {
    const [onB] = goedeVoorbeelden(framework, scans, [B], { zonder: "de" });
    expect(onB!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).toEqual(["Zoetermeer"]);
  });

  it("turning sharing off turns a named example into a count", () => {
    const off = scans.map((scan) => (scan.gemeente.id === "zoe" ? { ...scan, gemeente: { ...scan.gemeente, deeltVoorbeelden: false } } : scan));
    const [onA] = goedeVoorbeelden(framework, off, [A]);
    expect(onA!.voorbeelden.map((voorbeeld) => voorbeeld.gemeente.name)).toEqual(["Den Haag"]);
    expect(onA!.nietGedeeld).toBe(2);
  });
});

describe("gatenVanScan", () => {
  it("lists the answered onderdelen below their target, in the framework's order", () => {
    expect(gatenVanScan(framework, [answer(B, 1), answer(A, 3)])).toEqual([B]);
    expect(gatenVanScan(framework, [answer(A, null, true), answer(B, 2)])).toEqual([A, B]);
    expect(gatenVanScan(framework, [])).toEqual([]);
  });
});
