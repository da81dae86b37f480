import { describe, expect, it } from "vitest";
import { endOfDayInAmsterdam, startOfDayInAmsterdam } from "./dates";
import { formatDate } from "./format";

describe("Dutch calendar dates", () => {
  it("ends a winter day at 22:59:59.999 UTC and a summer day at 21:59:59.999 UTC", () => {
    expect(endOfDayInAmsterdam("2027-01-29").toISOString()).toBe("2027-01-29T22:59:59.999Z");
    expect(endOfDayInAmsterdam("2021-06-30").toISOString()).toBe("2021-06-30T21:59:59.999Z");
    expect(startOfDayInAmsterdam("2021-06-30").toISOString()).toBe("2021-06-29T22:00:00.000Z");
  });

  it("shows a deadline as the same calendar day", () => {
    expect(formatDate(endOfDayInAmsterdam("2027-01-29"))).toBe("29 januari 2027");
    expect(formatDate(startOfDayInAmsterdam("2021-03-31"))).toBe("31 maart 2021");
  });
});
