import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { formatScore } from "@/lib/shared/format";
import { scoreScan, type ScoredAnswer } from "./score";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const all = (make: (onderdeelId: string, index: number) => Partial<ScoredAnswer>): ScoredAnswer[] =>
  framework.onderdelen.map((onderdeel, index) => ({ onderdeelId: onderdeel.id, score: null, weetIkNiet: false, doelniveau: 3, ...make(onderdeel.id, index) }));

describe("scoring a zelfscan", () => {
  it("an empty scan has no scores, is provisional and has no gaps yet", () => {
    const score = scoreScan(framework, []);
    expect(score.overall).toEqual({ mean: null, percentage: null });
    expect(score.provisional).toBe(true);
    expect(score.complete).toBe(false);
    expect(score.counts).toEqual({ onderdelen: 38, answered: 0, opDoelniveau: 0, gaps: 0, weetIkNiet: 0, unanswered: 38 });
    expect(score.requirements.every((requirement) => requirement.mean === null)).toBe(true);
  });

  it("an all-perfect scan scores 3 (100%) everywhere with no gaps", () => {
    const score = scoreScan(
      framework,
      all(() => ({ score: 3 })),
    );
    expect(score.overall).toEqual({ mean: 3, percentage: 100 });
    expect(score.provisional).toBe(false);
    expect(score.counts).toMatchObject({ answered: 38, opDoelniveau: 38, gaps: 0, weetIkNiet: 0 });
  });

  it("an all-unknown scan counts every item as 0 and lists all 38 as unknown and as gaps", () => {
    const score = scoreScan(
      framework,
      all(() => ({ weetIkNiet: true })),
    );
    expect(score.overall).toEqual({ mean: 0, percentage: 0 });
    expect(score.weetIkNietOnderdelen).toHaveLength(38);
    expect(score.gaps).toHaveLength(38);
    expect(score.gaps.every((gap) => gap.gap === 3)).toBe(true);
    expect(score.provisional).toBe(false);
  });

  it("weighs every requirement the same, whatever its number of items", () => {
    // Requirement 8 has ten items at 0; the nine others have everything at 3.
    const score = scoreScan(
      framework,
      all((onderdeelId) => ({ score: onderdeelId.startsWith("8") ? 0 : 3 })),
    );
    expect(score.requirements.find((r) => r.requirement.number === 8)!.mean).toBe(0);
    // (9 × 3 + 0) / 10 = 2.7, not the item mean (28 × 3) / 38 = 2.21.
    expect(score.overall).toEqual({ mean: 2.7, percentage: 90 });
  });

  it("uses the requirement's mean of its items as 0-3 and as a percentage", () => {
    const scores: Record<string, number> = { "3a": 3, "3b": 2, "3c": 2, "3d": 1, "3e": 0 };
    const score = scoreScan(
      framework,
      all((onderdeelId) => ({ score: scores[onderdeelId] ?? 3 })),
    );
    const three = score.requirements.find((r) => r.requirement.number === 3)!;
    expect(three.mean).toBe(1.6);
    expect(three.percentage).toBe(53);
  });

  it("a partial scan is provisional and scores only answered items", () => {
    const score = scoreScan(
      framework,
      all((onderdeelId, index) => ({ score: index < 10 ? 2 : null })),
    );
    expect(score.provisional).toBe(true);
    expect(score.counts).toMatchObject({ answered: 10, unanswered: 28, gaps: 10 });
    // Answered: requirements 1, 2 (whole), 3a-e, 4, 5, 6a: all at 2 → five requirements with a mean.
    expect(score.requirements.filter((r) => r.mean !== null).map((r) => r.requirement.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(score.overall.mean).toBe(2);
  });

  it("orders gaps largest first, then by the framework's order, against each item's own target", () => {
    const score = scoreScan(
      framework,
      all(
        (onderdeelId) =>
          ({
            "10g": { score: 0 },
            "3b": { score: 1 },
            "1": { score: 2 },
            "8c": { score: 0 },
            "4": { score: 1, doelniveau: 1 },
            "5": { weetIkNiet: true },
          })[onderdeelId] ?? { score: 3 },
      ),
    );
    expect(score.gaps.map((gap) => [gap.onderdeel.id, gap.gap])).toEqual([
      ["5", 3],
      ["8c", 3],
      ["10g", 3],
      ["3b", 2],
      ["1", 1],
    ]);
    expect(score.counts.opDoelniveau).toBe(33);
    expect(score.weetIkNietOnderdelen.map((result) => result.onderdeel.id)).toEqual(["5"]);
  });

  it("formats scores the Dutch way", () => {
    expect(formatScore(2.33)).toBe("2,33");
    expect(formatScore(3)).toBe("3");
    expect(formatScore(null)).toBe("–");
  });
});
