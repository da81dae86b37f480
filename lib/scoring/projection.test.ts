import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { countsInProjection, projectScan, type ProjectedActie } from "./projection";
import { scoreScan, type ScoredAnswer } from "./score";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
// The first requirement with at least two items, and another one after it.
const index1 = framework.requirements.findIndex((requirement) => requirement.onderdelen.length >= 2);
const eis1 = framework.requirements[index1]!;
const index2 = index1 + 1;
const eis2 = framework.requirements[index2]!;
const [a, b] = eis1.onderdelen.map((onderdeel) => onderdeel.id) as [string, string, ...string[]];
const all = (make: (onderdeelId: string) => Partial<ScoredAnswer>): ScoredAnswer[] =>
  framework.onderdelen.map((onderdeel) => ({ onderdeelId: onderdeel.id, score: 1, weetIkNiet: false, doelniveau: 3, ...make(onderdeel.id) }));
const actie = (id: string, onderdeelIds: string[], doelscore: number | null, status = "GEPLAND"): ProjectedActie => ({ id, status, doelscore, onderdeelIds });
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const round2 = (value: number) => Math.round(value * 100) / 100;

describe("the projected score", () => {
  it("without actions the projection is the current score", () => {
    const score = scoreScan(
      framework,
      all(() => ({})),
    );
    const projection = projectScan(score, []);
    expect(projection.overall).toEqual({ current: 1, projected: 1 });
    for (const requirement of projection.requirements) {
      expect(requirement.projected).toBe(requirement.current);
      expect(requirement.counted).toEqual([]);
      expect(requirement.target).toBe(3);
    }
  });

  it("an action raises its items to its doelscore, and the eis' mean follows scoreScan's rule", () => {
    const score = scoreScan(
      framework,
      all(() => ({})),
    );
    const projection = projectScan(score, [actie("x", [a], 3)]);
    const first = projection.requirements[index1]!;
    const values = eis1.onderdelen.map((onderdeel) => (onderdeel.id === a ? 3 : 1));
    expect(first.current).toBe(1);
    expect(first.projected).toBe(round2(mean(values)));
    expect(first.onderdelen.find((item) => item.onderdeelId === a)).toMatchObject({ current: 1, projected: 3, raisedBy: ["x"] });
    expect(first.counted).toEqual(["x"]);
    expect(first.raisedBy).toEqual(["x"]);
    // Other requirements are untouched.
    expect(projection.requirements[index2]!.projected).toBe(1);
    expect(projection.requirements[index2]!.counted).toEqual([]);
    // Overall: the mean of the requirements, each weighing the same.
    const overall = mean([mean(values), ...Array.from({ length: framework.requirements.length - 1 }, () => 1)]);
    expect(projection.overall.projected).toBe(round2(overall));
  });

  it("an action never lowers a score: the highest of the current value and every doelscore counts", () => {
    const score = scoreScan(
      framework,
      all((id) => (id === a ? { score: 2 } : {})),
    );
    const projection = projectScan(score, [actie("lager", [a], 1), actie("gelijk", [a], 2), actie("hoger", [b], 2), actie("hoogst", [b], 3)]);
    const items = projection.requirements[index1]!.onderdelen;
    expect(items.find((item) => item.onderdeelId === a)).toMatchObject({ current: 2, projected: 2, raisedBy: [] });
    expect(items.find((item) => item.onderdeelId === b)).toMatchObject({ current: 1, projected: 3, raisedBy: ["hoger", "hoogst"] });
    // All four count (they name a level), only the two on b raise something.
    expect(projection.requirements[index1]!.counted).toEqual(["lager", "gelijk", "hoger", "hoogst"]);
    expect(projection.requirements[index1]!.raisedBy).toEqual(["hoger", "hoogst"]);
  });

  it("vervallen actions and actions without a doelscore are not counted; done and draft actions are", () => {
    expect(countsInProjection({ status: "VERVALLEN", doelscore: 3 })).toBe(false);
    expect(countsInProjection({ status: "GEPLAND", doelscore: null })).toBe(false);
    for (const status of ["GEPLAND", "IN_UITVOERING", "AFGEROND"]) expect(countsInProjection({ status, doelscore: 0 })).toBe(true);
    const score = scoreScan(
      framework,
      all(() => ({})),
    );
    const projection = projectScan(score, [actie("weg", [a], 3, "VERVALLEN"), actie("leeg", [a], null), actie("klaar", [b], 2, "AFGEROND")]);
    expect(projection.counted).toEqual(["klaar"]);
    const items = projection.requirements[index1]!.onderdelen;
    expect(items.find((item) => item.onderdeelId === a)!.projected).toBe(1);
    expect(items.find((item) => item.onderdeelId === b)!.projected).toBe(2);
  });

  it("one action on items of two requirements raises both", () => {
    const c = eis2.onderdelen[0]!.id;
    const projection = projectScan(
      scoreScan(
        framework,
        all(() => ({ score: 0 })),
      ),
      [actie("beide", [a, c], 2)],
    );
    expect(projection.requirements[index1]!.raisedBy).toEqual(["beide"]);
    expect(projection.requirements[index2]!.raisedBy).toEqual(["beide"]);
    expect(projection.requirements[index1]!.projected).toBe(round2(2 / eis1.onderdelen.length));
  });

  it("'Weet ik niet' counts as 0 now and rises with an action", () => {
    const score = scoreScan(
      framework,
      all((id) => (id === a ? { weetIkNiet: true, score: null } : {})),
    );
    const item = projectScan(score, [actie("uitzoeken", [a], 2)]).requirements[index1]!.onderdelen.find((entry) => entry.onderdeelId === a)!;
    expect(item).toMatchObject({ current: 0, projected: 2 });
  });

  it("an unanswered item stays unanswered without an action and projects to the level of one", () => {
    const answers = all(() => ({})).filter((answer) => answer.onderdeelId !== a && answer.onderdeelId !== b);
    const score = scoreScan(framework, answers);
    const projection = projectScan(score, [actie("nieuw", [a], 3)]);
    const items = projection.requirements[index1]!.onderdelen;
    expect(items.find((item) => item.onderdeelId === a)).toMatchObject({ current: null, projected: 3, raisedBy: ["nieuw"] });
    expect(items.find((item) => item.onderdeelId === b)).toMatchObject({ current: null, projected: null, raisedBy: [] });
    const answered = eis1.onderdelen.filter((onderdeel) => onderdeel.id !== b).map((onderdeel) => (onderdeel.id === a ? 3 : 1));
    expect(projection.requirements[index1]!.projected).toBe(round2(mean(answered)));
    // An empty scan with no actions projects nothing.
    expect(projectScan(scoreScan(framework, []), []).overall).toEqual({ current: null, projected: null });
  });

  it("a doelscore above the scale is capped at its maximum", () => {
    const projection = projectScan(
      scoreScan(
        framework,
        all(() => ({})),
      ),
      [actie("te-hoog", [a], 9)],
    );
    expect(projection.requirements[index1]!.onderdelen.find((item) => item.onderdeelId === a)!.projected).toBe(framework.scale.max);
  });

  it("the target per eis is the mean doelniveau of its items", () => {
    const score = scoreScan(
      framework,
      all((id) => (id === a ? { doelniveau: 2 } : {})),
    );
    const expected = round2(mean(eis1.onderdelen.map((onderdeel) => (onderdeel.id === a ? 2 : 3))));
    expect(projectScan(score, []).requirements[index1]!.target).toBe(expected);
  });
});
