import { afterEach, describe, expect, it, vi } from "vitest";
import { errorFields, log } from "./log";

describe("structured logs", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes one JSON object per line with time, level and event", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    log.info("auth.ingelogd", { userId: "u1" });
    const line = JSON.parse(out.mock.calls[0]![0] as string);
    expect(line).toMatchObject({ level: "info", event: "auth.ingelogd", userId: "u1" });
    expect(new Date(line.time).toString()).not.toBe("Invalid Date");
  });

  it("keeps only the first line of an error message, where no statement values are quoted", () => {
    const error = Object.assign(new Error('Invalid `prisma.answer.update()` invocation:\n{ data: { toelichting: "vertrouwelijk" } }'), { code: "P2002" });
    const fields = errorFields(error);
    expect(fields).toEqual({ errorName: "Error", errorCode: "P2002", errorMessage: "Invalid `prisma.answer.update()` invocation:", frames: expect.any(Array) });
    expect(JSON.stringify(fields)).not.toContain("vertrouwelijk");
    expect(errorFields("x".repeat(1000)).errorMessage).toHaveLength(300);
    // Prisma's messages begin with an empty line.
    expect(errorFields(new Error("\nInvalid `prisma.identityProvider.findMany()` invocation:\n\nThe table does not exist")).errorMessage).toBe(
      "Invalid `prisma.identityProvider.findMany()` invocation:",
    );
  });
});
