// Hand-computed expectations: the numbers below were worked out by hand, not by the code.
import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { scoreScan } from "@/lib/scoring/score";
import { benchmark, landelijkeVerdelingen, MIN_GEMEENTEN, onderdrukking, spreiding, type Spreiding, type TelbareScan, type Verdeling } from "./verdeling";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);

/** A scan with every onderdeel at `base`, except the overrides ("?" = weet ik niet, absent = unanswered). */
function scan(regioId: string, base: number, overrides: Record<string, number | "?" | undefined> = {}): TelbareScan {
  return {
    regioId,
    answers: framework.onderdelen.flatMap((onderdeel) => {
      if (onderdeel.id in overrides && overrides[onderdeel.id] === undefined) return [];
      const value = overrides[onderdeel.id] ?? base;
      return [{ onderdeelId: onderdeel.id, score: value === "?" ? null : value, weetIkNiet: value === "?" }];
    }),
  };
}
const scans = (regioId: string, count: number, base = 2) => Array.from({ length: count }, () => scan(regioId, base));
const shown = (value: Spreiding): value is Extract<Spreiding, { onderdrukt: false }> => !value.onderdrukt;

describe("spreiding", () => {
  it("suppresses fewer than MIN_GEMEENTEN values without telling n", () => {
    expect(MIN_GEMEENTEN).toBe(5);
    expect(spreiding([1, 2, 3, 4])).toEqual({ onderdrukt: true });
    expect(spreiding([])).toEqual({ onderdrukt: true });
  });
  it("takes median and quartiles like QUARTILE.INC", () => {
    // sorted 0,1,2,3,3: ranks (n-1)p = 1, 2, 3
    expect(spreiding([3, 0, 2, 3, 1])).toEqual({ onderdrukt: false, n: 5, mediaan: 2, q1: 1, q3: 3, min: 0, max: 3 });
    // sorted 1,2,4,7,8,10: Q1 rank 1.25 -> 2 + 0.25*2 = 2.5; median rank 2.5 -> 5.5; Q3 rank 3.75 -> 7 + 0.75 = 7.75
    expect(spreiding([10, 1, 8, 2, 7, 4])).toEqual({ onderdrukt: false, n: 6, mediaan: 5.5, q1: 2.5, q3: 7.75, min: 1, max: 10 });
  });
});

describe("onderdrukking (primary and complementary)", () => {
  const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));
  it("suppresses everything when the national set is below MIN_GEMEENTEN", () => {
    expect(onderdrukking(counts({ a: 3, b: 1 }))).toEqual({ landelijk: true, regios: new Set(["a", "b"]) });
  });
  it("shows every region of at least MIN_GEMEENTEN and hides empty ones without more", () => {
    expect(onderdrukking(counts({ a: 5, b: 9, c: 0 }))).toEqual({ landelijk: false, regios: new Set(["c"]) });
  });
  it("suppresses the next smallest regions until the hidden group is safe from outsiders and from the leader of any region in it", () => {
    // c (3) is hidden; national minus a and b would reveal it, so a (6) goes too. Then a's leader
    // could subtract a from the hidden 9 and find c's 3: b goes as well (hidden 17; without c 14, a 11, b 9).
    expect(onderdrukking(counts({ a: 6, b: 8, c: 3, d: 20 }))).toEqual({ landelijk: false, regios: new Set(["c", "a", "b"]) });
    // 1 + 2 = 3 hidden; with d (5) 8, but d's leader would learn a and b (3): e (7) goes too.
    expect(onderdrukking(counts({ a: 1, b: 2, d: 5, e: 7, f: 30 })).regios).toEqual(new Set(["a", "b", "d", "e"]));
  });
  it("also hides two primary regions that together reach 5, since each one's leader would learn the other", () => {
    // a (2) and b (3) hide 5, but b's leader subtracts b and has a's 2 gemeenten: c (6) goes too.
    expect(onderdrukking(counts({ a: 2, b: 3, c: 6, d: 9 })).regios).toEqual(new Set(["a", "b", "c"]));
    const { regios } = onderdrukking(counts({ a: 2, b: 3, c: 6, d: 9 }));
    const hidden = [...regios].map((id) => ({ a: 2, b: 3, c: 6, d: 9 })[id as "a"]);
    const total = hidden.reduce((sum, n) => sum + n, 0);
    for (const n of hidden) expect(total - n).toBeGreaterThanOrEqual(MIN_GEMEENTEN);
  });
  it("suppresses the national figure too when no group of regions can hide a small one", () => {
    // a (3) and b (6) both hidden: national 9 minus b (known to b's leader) is a's 3.
    expect(onderdrukking(counts({ a: 3, b: 6 }))).toEqual({ landelijk: true, regios: new Set(["a", "b"]) });
    // With no small region there is nothing to hide, and a single region of 5 is shown.
    expect(onderdrukking(counts({ a: 5 }))).toEqual({ landelijk: false, regios: new Set() });
  });
});

describe("landelijkeVerdelingen", () => {
  it("counts per score, weet ik niet apart and as 0 in the spread", () => {
    const year = [scan("r", 3, { "3a": 0 }), scan("r", 3, { "3a": 1 }), scan("r", 3, { "3a": "?" }), scan("r", 3), scan("r", 3, { "3a": 2 })];
    const { landelijk, regios } = landelijkeVerdelingen(framework, ["r"], year);
    expect(landelijk.n).toBe(5);
    // values 0,1,0(?),3,2 -> sorted 0,0,1,2,3
    expect(landelijk.onderdelen["3a"]).toEqual({
      onderdrukt: false,
      n: 5,
      mediaan: 1,
      q1: 0,
      q3: 2,
      min: 0,
      max: 3,
      aantallen: { 0: 1, 1: 1, 2: 1, 3: 1, weetIkNiet: 1 },
    });
    expect(regios.r).toEqual(landelijk);
  });

  it("takes an eis' value per gemeente as the mean of its answered onderdelen", () => {
    const eis3 = framework.requirements.find((requirement) => requirement.number === 3)!;
    const k = eis3.onderdelen.length;
    // One gemeente with 3a = 0 and the rest at 3: mean (k-1)*3/k (rounded to 2 decimals as scoreScan does).
    const year = [scan("r", 3, { "3a": 0 }), ...scans("r", 4, 3)];
    const verdeling = landelijkeVerdelingen(framework, ["r"], year).landelijk.eisen[3]!;
    const low = Math.round((((k - 1) * 3) / k) * 100) / 100;
    expect(verdeling).toEqual({ onderdrukt: false, n: 5, mediaan: 3, q1: 3, q3: 3, min: low, max: 3 });
  });

  it("suppresses an onderdeel that fewer than 5 answered, though the eis shows", () => {
    const year = [...scans("r", 3, 2), scan("r", 2, { "3a": undefined }), scan("r", 2, { "3a": undefined })];
    const { landelijk } = landelijkeVerdelingen(framework, ["r"], year);
    expect(landelijk.onderdelen["3a"]).toEqual({ onderdrukt: true });
    expect(shown(landelijk.eisen[3]!) && landelijk.eisen[3].n).toBe(5);
  });

  it("never lets national minus the shown regions equal a group of fewer than 5", () => {
    // Region sizes 12, 7, 6, 3, 1, 0: primary hides 3, 1 and 0 (4 gemeenten); complementary hides 6
    // (10 hidden, but 6's leader would learn the other 4) and then 7 (17 hidden, at least 10 without any one).
    const sizes: Record<string, number> = { a: 12, b: 7, c: 6, d: 3, e: 1, f: 0 };
    const year = Object.entries(sizes).flatMap(([id, count]) => scans(id, count, id === "d" ? 0 : 2));
    const { landelijk, regios } = landelijkeVerdelingen(framework, Object.keys(sizes), year);
    const getoond = Object.entries(regios).filter(([, verdeling]) => verdeling.n !== null);
    expect(getoond.map(([id]) => id).sort()).toEqual(["a"]);
    const verschil = landelijk.n! - getoond.reduce((sum, [, verdeling]) => sum + verdeling.n!, 0);
    expect(verschil === 0 || verschil >= MIN_GEMEENTEN).toBe(true);
    // Every figure (eis and onderdeel) obeys the same: the subtraction reveals 0 or >= 5 gemeenten.
    const cells = (verdeling: Verdeling) => [
      ...Object.entries(verdeling.eisen).map(([k, v]) => [`eis${k}`, v] as const),
      ...Object.entries(verdeling.onderdelen),
    ];
    for (const [key, national] of cells(landelijk)) {
      if (!shown(national)) continue;
      const regional = Object.values(regios).map((verdeling) => cells(verdeling).find(([candidate]) => candidate === key)![1]);
      const rest = national.n - regional.reduce((sum, value) => sum + (shown(value) ? value.n : 0), 0);
      expect(rest === 0 || rest >= MIN_GEMEENTEN, key).toBe(true);
    }
    // The suppressed figures carry no number at all.
    expect(regios.d).toEqual({ n: null, eisen: expect.any(Object), onderdelen: expect.any(Object) });
    expect(JSON.stringify(regios.d)).not.toMatch(/\d+[,}]/);
  });

  it("hides everything when the year has fewer than 5 gemeenten", () => {
    const { landelijk, regios } = landelijkeVerdelingen(framework, ["a"], scans("a", 4));
    expect(landelijk.n).toBeNull();
    expect(Object.values(landelijk.eisen).every((value) => value.onderdrukt)).toBe(true);
    expect(Object.values(regios.a!.onderdelen).every((value) => value.onderdrukt)).toBe(true);
  });
});

describe("benchmark", () => {
  it("shows a gemeente its region only when the national view would show it", () => {
    // c (2) is hidden, so b (6) is too, and then a (9), so that neither b's nor a's leader can
    // subtract their own region from the hidden group and find c. d (20) is shown.
    const ids = ["a", "b", "c", "d"];
    const year = [...scans("a", 9), ...scans("b", 6), ...scans("c", 2), ...scans("d", 20)];
    const national = landelijkeVerdelingen(framework, ids, year);
    expect(benchmark(framework, ids, year, "b")).toEqual({ regio: national.regios.b, landelijk: national.landelijk });
    expect(benchmark(framework, ids, year, "b").regio.n).toBeNull();
    expect(benchmark(framework, ids, year, "a").regio.n).toBeNull();
    expect(benchmark(framework, ids, year, "d").regio.n).toBe(20);
    expect(benchmark(framework, ids, year, "d").landelijk.n).toBe(37);
  });
});

describe("an eis' value per gemeente", () => {
  it("is scoreScan's mean of the answered onderdelen", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const year = Array.from({ length: 5 }, () => {
      const overrides = Object.fromEntries(
        framework.onderdelen.map((onderdeel) => [onderdeel.id, random() < 0.1 ? undefined : random() < 0.1 ? ("?" as const) : Math.floor(random() * 4)]),
      );
      return scan("r", 0, overrides);
    });
    const { landelijk } = landelijkeVerdelingen(framework, ["r"], year);
    for (const requirement of framework.requirements) {
      const means = year
        .map(
          (entry) =>
            scoreScan(
              framework,
              entry.answers.map((answer) => ({ ...answer, doelniveau: 3 })),
            ).requirements.find((r) => r.requirement.number === requirement.number)!.mean,
        )
        .filter((value): value is number => value !== null);
      const expected = spreiding(means);
      expect(landelijk.eisen[requirement.number], `eis ${requirement.number}`).toEqual(expected.onderdrukt ? { onderdrukt: true } : expected);
    }
  });
});
