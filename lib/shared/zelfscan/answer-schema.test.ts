import { describe, expect, it } from "vitest";
import "@/lib/shared/forms/zod";
import { invalidFromZod } from "@/lib/shared/result";
import { answerSchema, emptyAnswer, saveAnswerRequestSchema } from "./answer-schema";

const schema = answerSchema(3);
const errorsOf = (error: Parameters<typeof invalidFromZod>[0]) => invalidFromZod(error).fieldErrors;
const valid = { ...emptyAnswer(3), score: 3 };

describe("answer schema", () => {
  it("accepts a complete answer and a partly filled one (typed before choosing)", () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...emptyAnswer(3), toelichting: "nog kiezen" }).success).toBe(true);
  });

  it("refuses a score outside the scale", () => {
    const result = schema.safeParse({ ...valid, score: 7 });
    expect(result.success).toBe(false);
    expect(errorsOf(result.error!)).toEqual({ score: "Kies een antwoord van de schaal." });
  });

  it("requires a toelichting below the highest level and for Weet ik niet", () => {
    expect(errorsOf(schema.safeParse({ ...valid, score: 2 }).error!)).toEqual({
      toelichting: "Licht toe waarom dit onderdeel (nog) niet volledig is ingericht.",
    });
    expect(errorsOf(schema.safeParse({ ...valid, score: null, weetIkNiet: true }).error!)).toEqual({
      toelichting: "Licht toe wat u nog moet uitzoeken en bij wie.",
    });
    expect(schema.safeParse({ ...valid, score: 2, toelichting: "In de subsidievoorwaarden, nog niet geborgd." }).success).toBe(true);
  });

  it("refuses a score together with Weet ik niet, too long texts and unknown places", () => {
    expect(schema.safeParse({ ...valid, weetIkNiet: true, toelichting: "x" }).success).toBe(false);
    expect(errorsOf(schema.safeParse({ ...valid, toelichting: "x".repeat(4001) }).error!).toelichting).toMatch(/te lang/);
    expect(schema.safeParse({ ...valid, vastgelegdIn: ["prullenbak"] }).success).toBe(false);
    expect(schema.safeParse({ ...valid, vastgelegdIn: ["regiovisie", "regiovisie"] }).success).toBe(false);
  });

  it("accepts only http(s) evidence links with a title", () => {
    const link = (url: string, title = "Regiovisie") => schema.safeParse({ ...valid, evidence: [{ title, url }] }).success;
    expect(link("https://www.gemeente.nl/regiovisie.pdf")).toBe(true);
    expect(link("javascript:alert(1)")).toBe(false);
    expect(link("data:text/html,<b>x</b>")).toBe(false);
    expect(link("https://x.nl", "  ")).toBe(false);
  });

  it("refuses fields a client must not set (mass assignment)", () => {
    const request = saveAnswerRequestSchema(3);
    expect(request.safeParse({ baseVersion: 0, answer: valid }).success).toBe(true);
    expect(request.safeParse({ baseVersion: 0, answer: { ...valid, version: 9 } }).success).toBe(false);
    expect(request.safeParse({ baseVersion: 0, answer: valid, zelfscanId: "x", status: "INGEDIEND" }).success).toBe(false);
    expect(request.safeParse({ baseVersion: -1, answer: valid }).success).toBe(false);
  });

  it("words every refusal in Dutch, also for rules the schema does not word itself", () => {
    const request = saveAnswerRequestSchema(3);
    const unknownKey = request.safeParse({ baseVersion: 0, answer: valid, status: "INGEDIEND" }).error!;
    expect(unknownKey.issues.map((issue) => issue.message)).toEqual(['Onbekende key: "status"']);
    expect(invalidFromZod(unknownKey)).toEqual({
      status: "invalid",
      message: "Het formulier bevat velden die hier niet zijn toegestaan: status. Er is niets opgeslagen.",
      fieldErrors: {},
    });
    expect(errorsOf(request.safeParse({ baseVersion: "1", answer: valid }).error!).baseVersion).toMatch(/^Ongeldige invoer: verwacht getal/);
    expect(errorsOf(schema.safeParse({ ...valid, score: "2" }).error!)).toEqual({ score: "Kies een antwoord." });
    expect(errorsOf(schema.safeParse({ ...valid, doelniveau: 9 }).error!).doelniveau).toMatch(/^Te groot/);
  });
});
