import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

describe("database unavailable", () => {
  it("recognises connection failures, also wrapped by the driver adapter", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("driver failed", { cause: { kind: "postgres", code: "57P03", message: "the database system is starting up" } })),
    ).toBe(true);
  });

  it("does not mistake ordinary errors for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
