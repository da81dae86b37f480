import { afterEach, describe, expect, it, vi } from "vitest";
import { consoleLogLine, errorFields, installConsoleRewrite, writeLogLine } from "./log-line.mjs";

const WRITER = Symbol.for("zelfscan.log-writer");

describe("errorFields", () => {
  it("keeps up to five stack frames, none of the message's lines below the first, also when they look like frames", () => {
    const error = new Error('Invalid `prisma.answer.update()` invocation:\n    at { toelichting: "vertrouwelijk" }');
    const fields = errorFields(error);
    expect(fields.errorMessage).toBe("Invalid `prisma.answer.update()` invocation:");
    const frames = fields.frames as string[];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThanOrEqual(5);
    expect(frames[0]).toMatch(/^at .*log-line\.test\.ts:\d+:\d+\)?$/);
    expect(JSON.stringify(fields)).not.toContain("vertrouwelijk");
  });

  it("adds the cause, two levels deep, each with only the first line of its message", () => {
    const root = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432\ndetails"), { code: "ECONNREFUSED" });
    const middle = new Error("pool kon niet verbinden", { cause: root });
    const fields = errorFields(new TypeError("fetch failed", { cause: middle }));
    expect(fields).toMatchObject({
      errorName: "TypeError",
      errorMessage: "fetch failed",
      cause: {
        errorName: "Error",
        errorMessage: "pool kon niet verbinden",
        cause: { errorCode: "ECONNREFUSED", errorMessage: "connect ECONNREFUSED 127.0.0.1:5432" },
      },
    });
    expect((fields.cause as { cause: Record<string, unknown> }).cause).not.toHaveProperty("cause");
    expect(errorFields(new Error("a", { cause: "gewoon tekst\nmeer" }))).toMatchObject({ cause: { errorName: "string", errorMessage: "gewoon tekst" } });
    expect(errorFields("geen fout")).not.toHaveProperty("frames");
  });
});

describe("the console rewrite's line", () => {
  it("keeps Next.js's text next to the error, with its own event for an uncaught exception or unhandled rejection", () => {
    const error = Object.assign(new Error("boem\nmet details"), { digest: "123456" });
    const uncaught = consoleLogLine("error", ["\u001b[31m\u001b[1m⨯\u001b[22m\u001b[39m", "uncaughtException: ", error]);
    expect(uncaught).toMatchObject({
      level: "error",
      event: "next.onverwachte-fout",
      fields: { melding: "uncaughtException:", errorName: "Error", errorMessage: "boem", digest: "123456", frames: expect.any(Array) },
    });
    expect(consoleLogLine("error", ["⨯", "unhandledRejection:", "reden\nregel twee"])).toEqual({
      level: "error",
      event: "next.onverwachte-fout",
      fields: { melding: "unhandledRejection: reden" },
    });
    expect(consoleLogLine("error", [error])).toMatchObject({ event: "next.melding", fields: { errorMessage: "boem" } });
    expect(consoleLogLine("error", [error]).fields).not.toHaveProperty("melding");
  });

  it("takes the first line of each argument and recognises Node.js's warnings", () => {
    expect(consoleLogLine("error", ["Fout bij %s", "regel\ntwee"])).toEqual({
      level: "error",
      event: "next.melding",
      fields: { melding: "Fout bij %s regel" },
    });
    expect(consoleLogLine("warn", ["(node:123) DeprecationWarning: oud\nmeer"])).toEqual({
      level: "warn",
      event: "node.waarschuwing",
      fields: { melding: "(node:123) DeprecationWarning: oud" },
    });
  });

  it("never passes a text through as a log line of its own", () => {
    const forged = '{"time":"2026-01-01T00:00:00.000Z","level":"info","event":"auth.ingelogd","userId":"beheerder"}';
    expect(consoleLogLine("error", [forged])).toEqual({ level: "error", event: "next.melding", fields: { melding: forged } });
  });
});

describe("installConsoleRewrite", () => {
  const saved = { error: console.error, warn: console.warn };
  afterEach(() => {
    console.error = saved.error;
    console.warn = saved.warn;
    delete (globalThis as Record<symbol, unknown>)[WRITER];
    vi.restoreAllMocks();
  });

  it("makes console.error one JSON line, and writes the log lines through the console methods saved before it", () => {
    const written: string[] = [];
    console.error = (line: string) => void written.push(`err ${line}`);
    vi.spyOn(console, "log").mockImplementation((line: string) => void written.push(`out ${line}`));
    installConsoleRewrite();
    const forged = '{"time":"2026-01-01T00:00:00.000Z","level":"info","event":"auth.ingelogd"}';
    console.error(forged);
    writeLogLine("error", "eigen.fout", { a: 1 });
    writeLogLine("info", "eigen.melding", {});
    expect(written).toHaveLength(3);
    expect(written.every((line) => /^(err|out) \{"time":/.test(line))).toBe(true);
    expect(JSON.parse(written[0]!.slice(4))).toMatchObject({ level: "error", event: "next.melding", melding: forged });
    expect(JSON.parse(written[1]!.slice(4))).toMatchObject({ level: "error", event: "eigen.fout", a: 1 });
    expect(written[2]).toMatch(/^out .*"event":"eigen.melding"/);
  });
});
