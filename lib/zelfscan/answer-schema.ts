// One answer of the zelfscan: the schema shared by the form (react-hook-form) and the server.
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE, hasNoControlCharacters } from "@/lib/forms/text";
import { VASTGELEGD_IN_CODES } from "./vastlegging";

export const TOELICHTING_MAX = 4000;
export const EVIDENCE_MAX = 20;

export const ZEvidenceLinkSchema = z.strictObject({
  title: z.string().trim().min(1, "Geef de link een titel.").max(200, "De titel is te lang (maximaal 200 tekens).").refine(hasNoControlCharacters, CONTROL_CHARACTER_MESSAGE),
  url: z
    .string()
    .trim()
    .max(2000, "Het adres is te lang.")
    .pipe(z.url({ protocol: /^https?$/, message: "Vul een volledig webadres in dat begint met https:// of http://." })),
});

/**
 * The answer scale's maximum comes from the scan's framework version (3 for VNG 2019). One schema
 * per maximum, built once: building a zod schema costs more than using it.
 */
export function answerSchema(maxScore: number) {
  let schema = answerSchemas.get(maxScore);
  if (!schema) {
    schema = buildAnswerSchema(maxScore);
    answerSchemas.set(maxScore, schema);
  }
  return schema;
}

const answerSchemas = new Map<number, ReturnType<typeof buildAnswerSchema>>();

function buildAnswerSchema(maxScore: number) {
  return z
    .strictObject({
      score: z
        .number({ message: "Kies een antwoord." })
        .int()
        .min(0, "Kies een antwoord van de schaal.")
        .max(maxScore, "Kies een antwoord van de schaal.")
        .nullable(),
      unknown: z.boolean(),
      toelichting: z.string().max(TOELICHTING_MAX, `De toelichting is te lang (maximaal ${TOELICHTING_MAX} tekens).`).refine(hasNoControlCharacters, CONTROL_CHARACTER_MESSAGE),
      vastgelegdIn: z
        .array(z.enum(VASTGELEGD_IN_CODES, { message: "Kies een van de genoemde plaatsen." }))
        .max(VASTGELEGD_IN_CODES.length)
        .refine((codes) => new Set(codes).size === codes.length, "Elke plaats mag één keer gekozen worden."),
      vastgelegdAnders: z.string().max(500, "Deze omschrijving is te lang (maximaal 500 tekens).").refine(hasNoControlCharacters, CONTROL_CHARACTER_MESSAGE),
      evidence: z.array(ZEvidenceLinkSchema).max(EVIDENCE_MAX, `Maximaal ${EVIDENCE_MAX} links.`),
      targetLevel: z.number().int().min(0).max(maxScore),
    })
    .superRefine((answer, ctx) => {
      if (answer.unknown && answer.score !== null) {
        ctx.addIssue({ code: "custom", path: ["score"], message: "Kies een niveau of \u201cWeet ik niet\u201d, niet allebei." });
      }
      const needsToelichting = answer.unknown || (answer.score !== null && answer.score < maxScore);
      if (needsToelichting && answer.toelichting.trim() === "") {
        ctx.addIssue({
          code: "custom",
          path: ["toelichting"],
          message: answer.unknown
            ? "Licht toe wat u nog moet uitzoeken en bij wie."
            : "Licht toe waarom dit onderdeel (nog) niet volledig is ingericht.",
        });
      }
      if (answer.vastgelegdIn.includes("anders") && answer.vastgelegdAnders.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["vastgelegdAnders"], message: "Beschrijf waar het anders is vastgelegd." });
      }
    });
}

export type TAnswerInput = z.infer<ReturnType<typeof answerSchema>>;

/** A save names the version it was based on; a stale version is a conflict, never an overwrite. */
export function saveAnswerRequestSchema(maxScore: number) {
  let schema = requestSchemas.get(maxScore);
  if (!schema) {
    schema = buildSaveAnswerRequestSchema(maxScore);
    requestSchemas.set(maxScore, schema);
  }
  return schema;
}

const requestSchemas = new Map<number, ReturnType<typeof buildSaveAnswerRequestSchema>>();

function buildSaveAnswerRequestSchema(maxScore: number) {
  return z.strictObject({
    baseVersion: z.number().int().min(0),
    answer: answerSchema(maxScore),
    /** Confirms an answer carried over from the previous round. */
    confirm: z.boolean().optional(),
  });
}

export type TSaveAnswerRequest = z.infer<ReturnType<typeof saveAnswerRequestSchema>>;

export function emptyAnswer(maxScore: number): TAnswerInput {
  return { score: null, unknown: false, toelichting: "", vastgelegdIn: [], vastgelegdAnders: "", evidence: [], targetLevel: maxScore };
}

/** zod issues as { field path: first message }, for the form and the error summary. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    result[key] ??= issue.message;
  }
  return result;
}
