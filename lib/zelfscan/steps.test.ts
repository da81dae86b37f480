import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { firstOpenStep, isOnderdeelComplete, stepAt, steps } from "./steps";

const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const answer = (onderdeelId: string, score: number | null, toelichting = "", weetIkNiet = false) => ({ onderdeelId, score, weetIkNiet, toelichting });

describe("wizard steps", () => {
  it("has one step per eis, in order, with the sub-items of an eis together", () => {
    expect(steps(framework).map((step) => step.requirement.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(stepAt(framework, 8)!.requirement.onderdelen.map((onderdeel) => onderdeel.id)).toEqual(["8a", "8b", "8c", "8d", "8e", "8f", "8g", "8h", "8i", "8j"]);
    expect(stepAt(framework, 1)!.chapter.number).toBe(3);
    expect(stepAt(framework, 6)!.section?.title).toBeTruthy();
    expect(stepAt(framework, 0)).toBeNull();
    expect(stepAt(framework, 11)).toBeNull();
  });

  it("counts an item done only when answered with the toelichting it needs", () => {
    expect(isOnderdeelComplete(framework, undefined)).toBe(false);
    expect(isOnderdeelComplete(framework, answer("1", 3))).toBe(true);
    expect(isOnderdeelComplete(framework, answer("1", 2))).toBe(false);
    expect(isOnderdeelComplete(framework, answer("1", 2, "Nog geen werkinstructie"))).toBe(true);
    expect(isOnderdeelComplete(framework, answer("1", null, "", true))).toBe(false);
    expect(isOnderdeelComplete(framework, answer("1", null, "Navragen bij Veilig Thuis", true))).toBe(true);
  });

  it("continues at the first step with an open item", () => {
    expect(firstOpenStep(framework, [])).toBe(1);
    expect(firstOpenStep(framework, [answer("1", 3), answer("2", 3)])).toBe(3);
    const all = framework.onderdelen.map((onderdeel) => answer(onderdeel.id, 3));
    expect(firstOpenStep(framework, all)).toBe(10);
    expect(
      firstOpenStep(
        framework,
        all.map((a) => (a.onderdeelId === "7c" ? answer("7c", 1) : a)),
      ),
    ).toBe(7);
  });
});
