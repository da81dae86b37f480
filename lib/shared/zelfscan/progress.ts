// Pure: how far a scan is, from its answers and its framework version.
import type { Framework } from "@/lib/framework";

export type AnswerState = { itemId: string; score: number | null; unknown: boolean; toelichting: string };

export type ScanProgress = {
  total: number;
  answered: number;
  unknown: number;
  missingToelichting: number;
  percentage: number;
};

export function isAnswered(answer: Pick<AnswerState, "score" | "unknown">): boolean {
  return answer.unknown || answer.score !== null;
}

/** A toelichting is required below the highest level and for "Weet ik niet". */
export function needsToelichting(framework: Framework, answer: Pick<AnswerState, "score" | "unknown">): boolean {
  return answer.unknown || (answer.score !== null && answer.score < framework.scale.max);
}

export function scanProgress(framework: Framework, answers: readonly AnswerState[]): ScanProgress {
  const itemIds = new Set(framework.items.map((item) => item.id));
  const relevant = answers.filter((answer) => itemIds.has(answer.itemId));
  const answered = relevant.filter(isAnswered);
  const total = framework.items.length;
  return {
    total,
    answered: answered.length,
    unknown: relevant.filter((answer) => answer.unknown).length,
    missingToelichting: answered.filter((answer) => needsToelichting(framework, answer) && answer.toelichting.trim() === "").length,
    percentage: total === 0 ? 0 : Math.round((answered.length / total) * 100),
  };
}

/** The answer in words: "2 – Grotendeels ingericht", "Weet ik niet" or "Nog niet beantwoord". */
export function answerLabel(framework: Framework, answer: Pick<AnswerState, "score" | "unknown"> | undefined): string {
  if (!answer || !isAnswered(answer)) return "Nog niet beantwoord";
  if (answer.unknown) return framework.scale.unknown.label;
  const level = framework.scale.levels.find((candidate) => candidate.value === answer.score);
  return level ? `${level.value} – ${level.label}` : String(answer.score);
}
