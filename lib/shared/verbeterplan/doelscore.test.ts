import { describe, expect, it } from "vitest";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { doelscoreLabel } from "./doelscore";

const levels = getFramework(CURRENT_FRAMEWORK_VERSION).scale.levels;

describe("the label of a doelscore", () => {
  it("names the level with the scale's label, or 'geen'", () => {
    expect(doelscoreLabel(levels, 3)).toBe("3 – Volledig ingericht en geborgd");
    expect(doelscoreLabel(levels, 0)).toBe("0 – Niet ingericht");
    expect(doelscoreLabel(levels, null)).toBe("geen");
    expect(doelscoreLabel(levels, 7)).toBe("7");
  });
});
