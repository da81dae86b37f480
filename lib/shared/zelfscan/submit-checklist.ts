// Pure: what must be done before a scan can be submitted (issue 15), shown on the overview as a
// checklist and checked again by submitZelfscan. Built on the answer rules of progress.ts: an
// onderdeel is done when it is answered with the toelichting its answer needs; a carried-over
// answer counts once it is confirmed or changed.
import type { Framework } from "@/lib/framework";
import { isAnswered, needsToelichting, scanProgress, type AnswerState } from "./progress";

export type ChecklistAnswer = AnswerState & { carriedOver: boolean };
export type ChecklistAssignment = { onderdeelId: string; userId: string; userName: string };

/** One assignee's onderdelen that are not done yet. */
type AssigneeOpen = { userId: string; userName: string; assigned: number; open: string[] };

export type SubmitChecklist = {
  /** Onderdelen without an answer. */
  unanswered: string[];
  /** Answered onderdelen whose required toelichting is missing. */
  missingToelichting: string[];
  /** Carried-over answers not yet confirmed or changed. */
  carriedOver: string[];
  /** Per assignee (in name order), their assigned onderdelen and those not done yet. */
  assignees: AssigneeOpen[];
  /** Every line of the checklist is met. */
  complete: boolean;
};

function done(framework: Framework, answer: AnswerState | undefined): boolean {
  return Boolean(answer && isAnswered(answer) && !(needsToelichting(framework, answer) && answer.toelichting.trim() === ""));
}

export function submitChecklist(framework: Framework, answers: readonly ChecklistAnswer[], assignments: readonly ChecklistAssignment[]): SubmitChecklist {
  const byId = new Map(answers.map((answer) => [answer.onderdeelId, answer]));
  const onderdelen = framework.onderdelen.map((onderdeel) => onderdeel.id);
  const known = new Set(onderdelen);
  const unanswered = onderdelen.filter((id) => !byId.get(id) || !isAnswered(byId.get(id)!));
  const missingToelichting = onderdelen.filter((id) => {
    const answer = byId.get(id);
    return answer !== undefined && isAnswered(answer) && needsToelichting(framework, answer) && answer.toelichting.trim() === "";
  });
  const carriedOver = onderdelen.filter((id) => byId.get(id)?.carriedOver === true);
  const order = new Map(onderdelen.map((id, index) => [id, index]));
  const people = new Map<string, AssigneeOpen>();
  for (const assignment of assignments) {
    if (!known.has(assignment.onderdeelId)) continue;
    const person = people.get(assignment.userId) ?? { userId: assignment.userId, userName: assignment.userName, assigned: 0, open: [] };
    person.assigned += 1;
    if (!done(framework, byId.get(assignment.onderdeelId)) || byId.get(assignment.onderdeelId)?.carriedOver) person.open.push(assignment.onderdeelId);
    people.set(assignment.userId, person);
  }
  const assignees = [...people.values()]
    .map((person) => ({ ...person, open: [...person.open].sort((a, b) => order.get(a)! - order.get(b)!) }))
    .sort((a, b) => a.userName.localeCompare(b.userName, "nl"));
  return {
    unanswered,
    missingToelichting,
    carriedOver,
    assignees,
    complete: unanswered.length === 0 && missingToelichting.length === 0 && carriedOver.length === 0 && assignees.every((person) => person.open.length === 0),
  };
}

/** The refusal of a submit while the checklist is not met, in the words submitZelfscan has always used. */
export function checklistRefusal(framework: Framework, answers: readonly ChecklistAnswer[], checklist: SubmitChecklist): string | null {
  if (checklist.complete) return null;
  const progress = scanProgress(framework, answers);
  const unanswered = progress.total - progress.answered;
  const carried = checklist.carriedOver.length;
  const parts = [
    unanswered ? `${unanswered} ${unanswered === 1 ? "onderdeel is" : "onderdelen zijn"} nog niet beantwoord` : null,
    progress.missingToelichting
      ? `bij ${progress.missingToelichting} ${progress.missingToelichting === 1 ? "onderdeel ontbreekt" : "onderdelen ontbreekt"} de toelichting`
      : null,
    carried ? `${carried} overgenomen ${carried === 1 ? "antwoord is" : "antwoorden zijn"} nog niet bevestigd` : null,
  ].filter(Boolean);
  return `U kunt nog niet indienen: ${parts.join(", ")}.`;
}

/** Who submits instead, for an officer who is not the coordinator (the refusal and the overview say it). */
export function notSubmitterMessage(coordinatorName: string | null): string {
  return coordinatorName
    ? `Alleen de coördinator van uw gemeente, ${coordinatorName}, kan de zelfscan indienen.`
    : "Alleen de coördinator van uw gemeente kan de zelfscan indienen.";
}
