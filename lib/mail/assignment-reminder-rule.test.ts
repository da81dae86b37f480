import { describe, expect, it } from "vitest";
import { endOfDayInAmsterdam } from "@/lib/shared/dates";
import { assignmentReminderMoment, dueAssignmentReminder } from "./assignment-reminder-rule";

const at = (iso: string) => new Date(iso);

describe("dueAssignmentReminder", () => {
  // 10 December 2026 ends at 23:59:59.999 CET = 22:59:59.999Z.
  const dueOn = endOfDayInAmsterdam("2026-12-10");

  it("is nothing before the third Dutch calendar day before the due date, which starts at midnight in the Netherlands", () => {
    expect(assignmentReminderMoment(dueOn)).toEqual(at("2026-12-06T23:00:00.000Z"));
    expect(dueAssignmentReminder(dueOn, at("2026-12-02T08:00:00Z"))).toBeNull();
    expect(dueAssignmentReminder(dueOn, at("2026-12-06T22:59:59.999Z"))).toBeNull();
    expect(dueAssignmentReminder(dueOn, at("2026-12-06T23:00:00.000Z"))).toBe("termijn-3");
  });

  it("is the 3-day reminder until the very end of the due date's Dutch day, then 'verlopen'", () => {
    expect(dueAssignmentReminder(dueOn, at("2026-12-10T22:59:59.999Z"))).toBe("termijn-3");
    expect(dueAssignmentReminder(dueOn, at("2026-12-10T23:00:00.000Z"))).toBe("verlopen");
    expect(dueAssignmentReminder(dueOn, at("2027-02-01T08:00:00Z"))).toBe("verlopen");
  });

  it("counts Dutch calendar days across the change to summer time", () => {
    // Summer time starts on 28 March 2027: the due date (30 March) ends at 21:59:59.999Z in CEST,
    // its reminder day (27 March) still starts at 23:00Z the day before, in CET.
    const summer = endOfDayInAmsterdam("2027-03-30");
    expect(summer).toEqual(at("2027-03-30T21:59:59.999Z"));
    expect(assignmentReminderMoment(summer)).toEqual(at("2027-03-26T23:00:00.000Z"));
    expect(dueAssignmentReminder(summer, at("2027-03-26T22:59:59Z"))).toBeNull();
    expect(dueAssignmentReminder(summer, at("2027-03-26T23:00:00Z"))).toBe("termijn-3");
    expect(dueAssignmentReminder(summer, at("2027-03-30T22:00:00Z"))).toBe("verlopen");
  });

  it("counts Dutch calendar days across the change to winter time", () => {
    // Winter time starts on 31 October 2027: the reminder day (30 October) starts at 22:00Z in CEST.
    const winter = endOfDayInAmsterdam("2027-11-02");
    expect(winter).toEqual(at("2027-11-02T22:59:59.999Z"));
    expect(assignmentReminderMoment(winter)).toEqual(at("2027-10-29T22:00:00.000Z"));
  });
});
