import { describe, expect, it } from "vitest";
import { addDays, calendarDaysBetween, endOfDayInAmsterdam, startOfDayInAmsterdam } from "./dates";
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

  it("counts calendar days, across months, years and a change of summer time", () => {
    expect(addDays("2027-01-29", -14)).toBe("2027-01-15");
    expect(addDays("2027-03-01", -3)).toBe("2027-02-26");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    // 27 March 2027 23:30Z is 28 March 00:30 CET; the deadline day 31 March is 3 Dutch days later.
    expect(calendarDaysBetween(new Date("2027-03-27T23:30:00Z"), endOfDayInAmsterdam("2027-03-31"))).toBe(3);
    expect(calendarDaysBetween(new Date("2027-03-27T22:30:00Z"), endOfDayInAmsterdam("2027-03-31"))).toBe(4);
    expect(calendarDaysBetween(new Date("2026-10-24T22:30:00Z"), endOfDayInAmsterdam("2026-11-08"))).toBe(14);
    expect(calendarDaysBetween(endOfDayInAmsterdam("2027-01-29"), endOfDayInAmsterdam("2027-01-29"))).toBe(0);
  });
});
