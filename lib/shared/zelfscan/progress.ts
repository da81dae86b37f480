// Pure: how far a scan is, from its answers and its framework version.
import type { Framework } from "@/lib/framework";

export type AnswerState = { onderdeelId: string; score: number | null; weetIkNiet: boolean; toelichting: string };

export type ScanProgress = {
  total: number;
  answered: number;
  weetIkNiet: number;
  missingToelichting: number;
  percentage: number;
};

export function isAnswered(answer: Pick<AnswerState, "score" | "weetIkNiet">): boolean {
  return answer.weetIkNiet || answer.score !== null;
}

/** A toelichting is required below the highest level and for "Weet ik niet". */
export function needsToelichting(framework: Framework, answer: Pick<AnswerState, "score" | "weetIkNiet">): boolean {
  return answer.weetIkNiet || (answer.score !== null && answer.score < framework.scale.max);
}

export function scanProgress(framework: Framework, answers: readonly AnswerState[]): ScanProgress {
  const onderdeelIds = new Set(framework.onderdelen.map((onderdeel) => onderdeel.id));
  const relevant = answers.filter((answer) => onderdeelIds.has(answer.onderdeelId));
  const answered = relevant.filter(isAnswered);
  const total = framework.onderdelen.length;
  return {
    total,
    answered: answered.length,
    weetIkNiet: relevant.filter((answer) => answer.weetIkNiet).length,
    missingToelichting: answered.filter((answer) => needsToelichting(framework, answer) && answer.toelichting.trim() === "").length,
    percentage: total === 0 ? 0 : Math.round((answered.length / total) * 100),
  };
}

/** The answer in words: "2 – Grotendeels ingericht", "Weet ik niet" or "Nog niet beantwoord". */
export function answerLabel(framework: Framework, answer: Pick<AnswerState, "score" | "weetIkNiet"> | undefined): string {
  if (!answer || !isAnswered(answer)) return "Nog niet beantwoord";
  if (answer.weetIkNiet) return framework.scale.weetIkNiet.label;
  const level = framework.scale.levels.find((candidate) => candidate.value === answer.score);
  return level ? `${level.value} – ${level.label}` : String(answer.score);
}
