// Pure: the wizard's steps. One step per eis, in the framework's order; an eis with sub-items
// shows them together on its step.
import type { Chapter, Framework, Requirement, Section } from "@/lib/framework";
import { isAnswered, needsToelichting, type AnswerState } from "@/lib/shared/zelfscan/progress";

export type Step = { number: number; requirement: Requirement; chapter: Chapter; section: Section | null };

export function steps(framework: Framework): Step[] {
  return framework.requirements.map((requirement, index) => {
    const chapter = framework.chapters.find((candidate) => candidate.id === requirement.chapterId)!;
    const section = chapter.sections.find((candidate) => candidate.id === requirement.sectionId) ?? null;
    return { number: index + 1, requirement, chapter, section };
  });
}

export function stepAt(framework: Framework, number: number): Step | null {
  return steps(framework)[number - 1] ?? null;
}

/** An item is done when it is answered and has the toelichting its answer needs. */
export function isOnderdeelComplete(framework: Framework, answer: AnswerState | undefined): boolean {
  return Boolean(answer && isAnswered(answer) && !(needsToelichting(framework, answer) && answer.toelichting.trim() === ""));
}

/** Where to continue: the first step with an item that is not done, or the last step. */
export function firstOpenStep(framework: Framework, answers: readonly AnswerState[]): number {
  const byOnderdeel = new Map(answers.map((answer) => [answer.onderdeelId, answer]));
  const open = steps(framework).find((step) => step.requirement.onderdelen.some((onderdeel) => !isOnderdeelComplete(framework, byOnderdeel.get(onderdeel.id))));
  return open?.number ?? framework.requirements.length;
}
