import { describe, expect, it } from "vitest";
import { endOfDayInAmsterdam } from "@/lib/shared/dates";
import { groupByUrgency, takenLinkLabel, urgencyOf } from "./groups";

const now = new Date("2026-12-02T12:00:00Z");

describe("urgencyOf", () => {
  it("is te laat once the due day has ended in Amsterdam", () => {
    expect(urgencyOf(endOfDayInAmsterdam("2026-12-01"), now)).toBe("te-laat");
    expect(urgencyOf(endOfDayInAmsterdam("2026-12-02"), now)).toBe("binnenkort");
  });
  it("is binnenkort up to 7 days ahead, open after that or without a date", () => {
    expect(urgencyOf(endOfDayInAmsterdam("2026-12-09"), now)).toBe("binnenkort");
    expect(urgencyOf(endOfDayInAmsterdam("2026-12-10"), now)).toBe("open");
    expect(urgencyOf(null, now)).toBe("open");
  });
});

describe("groupByUrgency", () => {
  it("puts each item in its group, soonest first, undated last", () => {
    const item = (id: string, due: string | null, order = 1) => ({ id, dueOn: due ? endOfDayInAmsterdam(due) : null, order, scanLabel: "Delft" });
    const groups = groupByUrgency([item("a", null, 2), item("b", "2026-12-20"), item("c", "2026-11-30"), item("d", "2026-12-05"), item("e", null, 1)], now);
    expect(groups["te-laat"].map((entry) => entry.id)).toEqual(["c"]);
    expect(groups.binnenkort.map((entry) => entry.id)).toEqual(["d"]);
    expect(groups.open.map((entry) => entry.id)).toEqual(["b", "e", "a"]);
  });
  it("names the count in the header link", () => {
    expect(takenLinkLabel(5)).toBe("Mijn taken, 5 openstaand");
  });
});
