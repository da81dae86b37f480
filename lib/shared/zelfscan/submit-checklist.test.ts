import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { checklistRefusal, notSubmitterMessage, submitChecklist, type ChecklistAnswer } from "./submit-checklist";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const ids = framework.onderdelen.map((onderdeel) => onderdeel.id);
const full = (id: string): ChecklistAnswer => ({ onderdeelId: id, score: framework.scale.max, weetIkNiet: false, toelichting: "", carriedOver: false });

describe("submitChecklist", () => {
  it("is complete when every onderdeel is answered, explained where needed and confirmed", () => {
    const checklist = submitChecklist(framework, ids.map(full), [{ onderdeelId: ids[0]!, userId: "u1", userName: "Daan" }]);
    expect(checklist).toMatchObject({ complete: true, unanswered: [], missingToelichting: [], carriedOver: [] });
    expect(checklist.assignees).toEqual([{ userId: "u1", userName: "Daan", assigned: 1, open: [] }]);
    expect(checklistRefusal(framework, ids.map(full), checklist)).toBeNull();
  });

  it("lists what is missing, and each assignee's open onderdelen in framework order", () => {
    const answers = ids.slice(1).map(full);
    answers[0] = { ...answers[0]!, score: 1 }; // below the top: needs a toelichting
    answers[1] = { ...answers[1]!, carriedOver: true };
    const assignments = [
      { onderdeelId: ids[2]!, userId: "u2", userName: "Zoë" },
      { onderdeelId: ids[0]!, userId: "u2", userName: "Zoë" },
      { onderdeelId: ids[5]!, userId: "u1", userName: "Anouk" },
      { onderdeelId: "bestaat-niet", userId: "u1", userName: "Anouk" },
    ];
    const checklist = submitChecklist(framework, answers, assignments);
    expect(checklist.complete).toBe(false);
    expect(checklist.unanswered).toEqual([ids[0]]);
    expect(checklist.missingToelichting).toEqual([ids[1]]);
    expect(checklist.carriedOver).toEqual([ids[2]]);
    expect(checklist.assignees).toEqual([
      { userId: "u1", userName: "Anouk", assigned: 1, open: [] },
      { userId: "u2", userName: "Zoë", assigned: 2, open: [ids[0], ids[2]] },
    ]);
    expect(checklistRefusal(framework, answers, checklist)).toBe(
      "U kunt nog niet indienen: 1 onderdeel is nog niet beantwoord, bij 1 onderdeel ontbreekt de toelichting, 1 overgenomen antwoord is nog niet bevestigd.",
    );
  });

  it("names the coordinator who submits instead", () => {
    expect(notSubmitterMessage("Anouk de Vries")).toBe("Alleen de coördinator van uw gemeente, Anouk de Vries, kan de zelfscan indienen.");
  });
});
