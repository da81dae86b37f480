// Pure scoring of a zelfscan: no I/O, unit-tested. Rules:
// - an item's value is its score; "Weet ik niet" counts as 0 (and is listed separately);
// - an item's gap is how far its value is below its target level;
// - a requirement's score is the mean of its answered items; the overall score is the mean of the
//   requirements (each requirement weighs the same, whatever its number of items);
// - while items are unanswered every figure is provisional.
import type { Framework, Onderdeel, Requirement } from "@/lib/framework";

export type ScoredAnswer = { onderdeelId: string; score: number | null; weetIkNiet: boolean; doelniveau: number };

export type OnderdeelResult = {
  onderdeel: Onderdeel;
  answered: boolean;
  weetIkNiet: boolean;
  /** 0..max, unknown counts as 0; null while unanswered. */
  value: number | null;
  doelniveau: number;
  /** target - value when positive, else 0; null while unanswered. */
  gap: number | null;
};

export type RequirementResult = {
  requirement: Requirement;
  /** Mean of the answered items (0..max), null when none is answered. */
  mean: number | null;
  /** mean / max as a whole percentage, null when none is answered. */
  percentage: number | null;
  /** Mean target level of the requirement's items (for the chart's target line). */
  doelniveau: number;
  answered: number;
  onderdelen: OnderdeelResult[];
};

export type ScanScore = {
  max: number;
  complete: boolean;
  /** True while any item is unanswered: the figures may still change. */
  provisional: boolean;
  overall: { mean: number | null; percentage: number | null };
  requirements: RequirementResult[];
  counts: { onderdelen: number; answered: number; opDoelniveau: number; gaps: number; weetIkNiet: number; unanswered: number };
  /** Items below their target, largest gap first, then in the framework's order. */
  gaps: OnderdeelResult[];
  weetIkNietOnderdelen: OnderdeelResult[];
};

const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

export function scoreOnderdeel(framework: Framework, onderdeel: Onderdeel, answer: ScoredAnswer | undefined): OnderdeelResult {
  const doelniveau = Math.min(Math.max(answer?.doelniveau ?? framework.scale.max, 0), framework.scale.max);
  const answered = Boolean(answer && (answer.weetIkNiet || answer.score !== null));
  const value = !answered ? null : answer!.weetIkNiet ? framework.scale.weetIkNiet.countsAs : answer!.score!;
  return { onderdeel, answered, weetIkNiet: Boolean(answer?.weetIkNiet), value, doelniveau, gap: value === null ? null : Math.max(0, doelniveau - value) };
}

export function scoreScan(framework: Framework, answers: readonly ScoredAnswer[]): ScanScore {
  const byOnderdeel = new Map(answers.map((answer) => [answer.onderdeelId, answer]));
  const max = framework.scale.max;
  const requirements = framework.requirements.map((requirement): RequirementResult => {
    const onderdelen = requirement.onderdelen.map((onderdeel) => scoreOnderdeel(framework, onderdeel, byOnderdeel.get(onderdeel.id)));
    const values = onderdelen.flatMap((result) => (result.value === null ? [] : [result.value]));
    const requirementMean = mean(values);
    return {
      requirement,
      mean: requirementMean === null ? null : round2(requirementMean),
      percentage: requirementMean === null ? null : Math.round((requirementMean / max) * 100),
      doelniveau: round2(mean(onderdelen.map((result) => result.doelniveau)) ?? max),
      answered: values.length,
      onderdelen,
    };
  });
  const allOnderdelen = requirements.flatMap((requirement) => requirement.onderdelen);
  const answered = allOnderdelen.filter((result) => result.answered);
  const requirementMeans = requirements.flatMap((requirement) => {
    const values = requirement.onderdelen.flatMap((result) => (result.value === null ? [] : [result.value]));
    const value = mean(values);
    return value === null ? [] : [value];
  });
  const overall = mean(requirementMeans);
  const gaps = allOnderdelen.filter((result) => result.gap !== null && result.gap > 0).sort((a, b) => b.gap! - a.gap! || a.onderdeel.order - b.onderdeel.order);
  return {
    max,
    complete: answered.length === allOnderdelen.length,
    provisional: answered.length < allOnderdelen.length,
    overall: { mean: overall === null ? null : round2(overall), percentage: overall === null ? null : Math.round((overall / max) * 100) },
    requirements,
    counts: {
      onderdelen: allOnderdelen.length,
      answered: answered.length,
      opDoelniveau: answered.filter((result) => result.gap === 0).length,
      gaps: gaps.length,
      weetIkNiet: allOnderdelen.filter((result) => result.weetIkNiet).length,
      unanswered: allOnderdelen.length - answered.length,
    },
    gaps,
    weetIkNietOnderdelen: allOnderdelen.filter((result) => result.weetIkNiet),
  };
}
