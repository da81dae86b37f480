import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { projectScan } from "@/lib/scoring/projection";
import { scoreScan, type ScoredAnswer } from "@/lib/scoring/score";
import { regioPrognose, type PrognoseScan } from "./prognose";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const answers = (score: number): ScoredAnswer[] =>
  framework.onderdelen.map((onderdeel) => ({ onderdeelId: onderdeel.id, score, weetIkNiet: false, doelniveau: 3 }));
const gemeente = (name: string) => ({ id: name, name, slug: name.toLowerCase() });
const first = framework.requirements[0]!;

describe("the regional prognose", () => {
  const scans: PrognoseScan[] = [
    {
      gemeente: gemeente("Delft"),
      scan: {
        id: "s1",
        status: "INGEDIEND",
        answers: answers(1),
        acties: [
          { id: "a1", status: "GEPLAND", doelscore: 3, onderdeelIds: first.onderdelen.map((onderdeel) => onderdeel.id) },
          { id: "a2", status: "VERVALLEN", doelscore: 3, onderdeelIds: framework.requirements[1]!.onderdelen.map((onderdeel) => onderdeel.id) },
        ],
      },
    },
    { gemeente: gemeente("Rijswijk"), scan: { id: "s2", status: "CONCEPT", answers: answers(2), acties: [] } },
    { gemeente: gemeente("Westland"), scan: null },
  ];

  it("gives per gemeente and eis the current, projected and target score, as the scan's own report does", () => {
    const { rows } = regioPrognose(framework, scans);
    const delft = rows[0]!;
    const own = projectScan(scoreScan(framework, answers(1)), scans[0]!.scan!.acties);
    expect(delft.requirements[first.number]).toEqual({ current: 1, projected: 3, target: 3 });
    // The vervallen action does not count.
    expect(delft.requirements[framework.requirements[1]!.number]).toEqual({ current: 1, projected: 1, target: 3 });
    expect(delft.overall).toEqual({ current: own.overall.current, projected: own.overall.projected, target: 3 });
    expect(delft.acties).toBe(1);
    expect(rows[1]!.requirements[first.number]).toEqual({ current: 2, projected: 2, target: 3 });
  });

  it("a gemeente without a scan has no figures, and the region's mean counts only those with one", () => {
    const { rows, gemiddeld } = regioPrognose(framework, scans);
    expect(rows[2]).toMatchObject({ scanId: null, acties: 0, overall: { current: null, projected: null, target: null } });
    expect(gemiddeld[first.number]).toEqual({ current: 1.5, projected: 2.5, n: 2 });
  });
});
