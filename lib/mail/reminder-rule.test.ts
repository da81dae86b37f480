import { describe, expect, it } from "vitest";
import { endOfDayInAmsterdam } from "@/lib/shared/dates";
import { dueActieTermijn, dueReminder, reminderMoment } from "./reminder-rule";

const at = (iso: string) => new Date(iso);

describe("dueReminder", () => {
  // 29 January 2027 ends at 23:59:59.999 CET = 22:59:59.999Z.
  const deadline = endOfDayInAmsterdam("2027-01-29");

  it("is nothing before the 14-day reminder's day, which starts at midnight in the Netherlands", () => {
    expect(reminderMoment(deadline, 14)).toEqual(at("2027-01-14T23:00:00.000Z"));
    expect(dueReminder(deadline, at("2027-01-01T08:00:00Z"))).toBeNull();
    expect(dueReminder(deadline, at("2027-01-14T22:59:59.999Z"))).toBeNull();
    expect(dueReminder(deadline, at("2027-01-14T23:00:00.000Z"))).toBe(14);
  });

  it("is the 14-day reminder until the 3-day reminder's day, then only the 3-day one (no 14-day reminder on day 2)", () => {
    expect(dueReminder(deadline, at("2027-01-15T07:00:00Z"))).toBe(14);
    expect(dueReminder(deadline, at("2027-01-25T22:59:59Z"))).toBe(14);
    expect(reminderMoment(deadline, 3)).toEqual(at("2027-01-25T23:00:00.000Z"));
    expect(dueReminder(deadline, at("2027-01-25T23:00:00Z"))).toBe(3);
    expect(dueReminder(deadline, at("2027-01-28T09:00:00Z"))).toBe(3);
  });

  it("is the 3-day reminder until the very end of the deadline's Dutch day, and nothing after it", () => {
    expect(dueReminder(deadline, at("2027-01-29T22:59:59.999Z"))).toBe(3);
    expect(dueReminder(deadline, at("2027-01-29T23:00:00.000Z"))).toBeNull();
    expect(dueReminder(deadline, at("2027-03-01T08:00:00Z"))).toBeNull();
  });

  it("counts Dutch calendar days across the start of summer time (28 March 2027)", () => {
    // Deadline 31 March (CEST, ends 21:59:59.999Z); its 3-day reminder's day, 28 March, starts at 00:00 CET = 23:00Z on the 27th.
    const summer = endOfDayInAmsterdam("2027-03-31");
    expect(summer).toEqual(at("2027-03-31T21:59:59.999Z"));
    expect(reminderMoment(summer, 3)).toEqual(at("2027-03-27T23:00:00.000Z"));
    expect(dueReminder(summer, at("2027-03-27T22:59:59Z"))).toBe(14);
    expect(dueReminder(summer, at("2027-03-27T23:00:00Z"))).toBe(3);
    // The 14-day reminder's day, 17 March, is in winter time.
    expect(reminderMoment(summer, 14)).toEqual(at("2027-03-16T23:00:00.000Z"));
  });

  it("counts Dutch calendar days across the end of summer time (25 October 2026)", () => {
    // Deadline 8 November (CET); its 14-day reminder's day, 25 October, starts at 00:00 CEST = 22:00Z on the 24th.
    const winter = endOfDayInAmsterdam("2026-11-08");
    expect(reminderMoment(winter, 14)).toEqual(at("2026-10-24T22:00:00.000Z"));
    expect(dueReminder(winter, at("2026-10-24T21:59:59Z"))).toBeNull();
    expect(dueReminder(winter, at("2026-10-24T22:00:00Z"))).toBe(14);
    expect(reminderMoment(winter, 3)).toEqual(at("2026-11-04T23:00:00.000Z"));
  });

  it("does not depend on the server's time zone: a day late in the evening UTC is already the next Dutch day", () => {
    const deadline = endOfDayInAmsterdam("2027-06-20");
    // 16 June 22:30Z is 17 June 00:30 in the Netherlands: 3 days before the 20th.
    expect(dueReminder(deadline, at("2027-06-16T22:30:00Z"))).toBe(3);
    expect(dueReminder(deadline, at("2027-06-16T21:30:00Z"))).toBe(14);
  });
});

describe("dueActieTermijn", () => {
  it("is due from midnight in the Netherlands 14 days before the deadline's day, in winter time", () => {
    const deadline = endOfDayInAmsterdam("2027-01-29");
    expect(dueActieTermijn(deadline, at("2027-01-14T22:59:59.999Z"))).toBeNull();
    expect(dueActieTermijn(deadline, at("2027-01-14T23:00:00.000Z"))).toBe("14-dagen");
    expect(dueActieTermijn(deadline, at("2027-01-29T22:59:59.999Z"))).toBe("14-dagen");
    expect(dueActieTermijn(deadline, at("2027-01-29T23:00:00.000Z"))).toBe("verstreken");
  });

  it("counts Dutch calendar days across the change to summer time (the deadline's day ends at 22:00Z)", () => {
    // 7 April 2027 (CEST) minus 14 days is 24 March 2027 (CET): that day starts at 23:00Z on the 23rd.
    const deadline = endOfDayInAmsterdam("2027-04-07");
    expect(deadline).toEqual(at("2027-04-07T21:59:59.999Z"));
    expect(dueActieTermijn(deadline, at("2027-03-23T22:59:59.999Z"))).toBeNull();
    expect(dueActieTermijn(deadline, at("2027-03-23T23:00:00.000Z"))).toBe("14-dagen");
    expect(dueActieTermijn(deadline, at("2027-04-07T22:00:00.000Z"))).toBe("verstreken");
  });

  it("counts Dutch calendar days across the change to winter time", () => {
    // 5 November 2026 (CET) minus 14 days is 22 October 2026 (CEST): that day starts at 22:00Z on the 21st.
    const deadline = endOfDayInAmsterdam("2026-11-05");
    expect(dueActieTermijn(deadline, at("2026-10-21T21:59:59.999Z"))).toBeNull();
    expect(dueActieTermijn(deadline, at("2026-10-21T22:00:00.000Z"))).toBe("14-dagen");
  });
});
