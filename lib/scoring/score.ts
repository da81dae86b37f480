// Pure scoring of a zelfscan: no I/O, unit-tested. Rules:
// - an item's value is its score; "Weet ik niet" counts as 0 (and is listed separately);
// - an item's gap is how far its value is below its target level;
// - a requirement's score is the mean of its answered items; the overall score is the mean of the
//   requirements (each requirement weighs the same, whatever its number of items);
// - while items are unanswered every figure is provisional.
import type { Framework, FrameworkItem, Requirement } from "@/lib/framework";

export type ScoredAnswer = { itemId: string; score: number | null; unknown: boolean; targetLevel: number };

export type ItemResult = {
  item: FrameworkItem;
  answered: boolean;
  unknown: boolean;
  /** 0..max, unknown counts as 0; null while unanswered. */
  value: number | null;
  target: number;
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
  target: number;
  answered: number;
  items: ItemResult[];
};

export type ScanScore = {
  max: number;
  complete: boolean;
  /** True while any item is unanswered: the figures may still change. */
  provisional: boolean;
  overall: { mean: number | null; percentage: number | null };
  requirements: RequirementResult[];
  counts: { items: number; answered: number; atTarget: number; gaps: number; unknown: number; unanswered: number };
  /** Items below their target, largest gap first, then in the framework's order. */
  gaps: ItemResult[];
  unknowns: ItemResult[];
};

const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

export function scoreItem(framework: Framework, item: FrameworkItem, answer: ScoredAnswer | undefined): ItemResult {
  const target = Math.min(Math.max(answer?.targetLevel ?? framework.scale.max, 0), framework.scale.max);
  const answered = Boolean(answer && (answer.unknown || answer.score !== null));
  const value = !answered ? null : answer!.unknown ? framework.scale.unknown.countsAs : answer!.score!;
  return { item, answered, unknown: Boolean(answer?.unknown), value, target, gap: value === null ? null : Math.max(0, target - value) };
}

export function scoreScan(framework: Framework, answers: readonly ScoredAnswer[]): ScanScore {
  const byItem = new Map(answers.map((answer) => [answer.itemId, answer]));
  const max = framework.scale.max;
  const requirements = framework.requirements.map((requirement): RequirementResult => {
    const items = requirement.items.map((item) => scoreItem(framework, item, byItem.get(item.id)));
    const values = items.flatMap((result) => (result.value === null ? [] : [result.value]));
    const requirementMean = mean(values);
    return {
      requirement,
      mean: requirementMean === null ? null : round2(requirementMean),
      percentage: requirementMean === null ? null : Math.round((requirementMean / max) * 100),
      target: round2(mean(items.map((result) => result.target)) ?? max),
      answered: values.length,
      items,
    };
  });
  const allItems = requirements.flatMap((requirement) => requirement.items);
  const answered = allItems.filter((result) => result.answered);
  const requirementMeans = requirements.flatMap((requirement) => {
    const values = requirement.items.flatMap((result) => (result.value === null ? [] : [result.value]));
    const value = mean(values);
    return value === null ? [] : [value];
  });
  const overall = mean(requirementMeans);
  const gaps = allItems
    .filter((result) => result.gap !== null && result.gap > 0)
    .sort((a, b) => b.gap! - a.gap! || a.item.order - b.item.order);
  return {
    max,
    complete: answered.length === allItems.length,
    provisional: answered.length < allItems.length,
    overall: { mean: overall === null ? null : round2(overall), percentage: overall === null ? null : Math.round((overall / max) * 100) },
    requirements,
    counts: {
      items: allItems.length,
      answered: answered.length,
      atTarget: answered.filter((result) => result.gap === 0).length,
      gaps: gaps.length,
      unknown: allItems.filter((result) => result.unknown).length,
      unanswered: allItems.length - answered.length,
    },
    gaps,
    unknowns: allItems.filter((result) => result.unknown),
  };
}

