// One answer of the zelfscan: the schema shared by the form (react-hook-form) and the server.
import * as z from "zod/mini";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";
import { VASTGELEGD_IN_CODES } from "./vastlegging";

const TOELICHTING_MAX = 4000;
const EVIDENCE_MAX = 20;

const plainText = z.refine<string>(isPlainText, PLAIN_TEXT_MESSAGE);

const ZEvidenceLinkSchema = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, "Geef de link een titel."), z.maxLength(200, "De titel is te lang (maximaal 200 tekens)."), plainText),
  url: z.pipe(
    z.string().check(z.trim(), z.maxLength(2000, "Het adres is te lang.")),
    z.url({ protocol: /^https?$/, error: "Vul een volledig webadres in dat begint met https:// of http://." }),
  ),
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
  const onScale = "Kies een antwoord van de schaal.";
  return z
    .strictObject({
      score: z.nullable(z.int({ error: "Kies een antwoord." }).check(z.minimum(0, onScale), z.maximum(maxScore, onScale))),
      weetIkNiet: z.boolean(),
      toelichting: z.string().check(z.maxLength(TOELICHTING_MAX, `De toelichting is te lang (maximaal ${TOELICHTING_MAX} tekens).`), plainText),
      vastgelegdIn: z.array(z.enum(VASTGELEGD_IN_CODES, { error: "Kies een van de genoemde plaatsen." })).check(
        z.maxLength(VASTGELEGD_IN_CODES.length),
        z.refine((codes) => new Set(codes).size === codes.length, "Elke plaats mag één keer gekozen worden."),
      ),
      vastgelegdAnders: z.string().check(z.maxLength(500, "Deze omschrijving is te lang (maximaal 500 tekens)."), plainText),
      evidence: z.array(ZEvidenceLinkSchema).check(z.maxLength(EVIDENCE_MAX, `Maximaal ${EVIDENCE_MAX} links.`)),
      doelniveau: z.int().check(z.minimum(0), z.maximum(maxScore)),
    })
    .check(
      z.superRefine((answer, ctx) => {
        if (answer.weetIkNiet && answer.score !== null) {
          ctx.addIssue({ code: "custom", path: ["score"], message: "Kies een niveau of \u201cWeet ik niet\u201d, niet allebei." });
        }
        const needsToelichting = answer.weetIkNiet || (answer.score !== null && answer.score < maxScore);
        if (needsToelichting && answer.toelichting.trim() === "") {
          ctx.addIssue({
            code: "custom",
            path: ["toelichting"],
            message: answer.weetIkNiet ? "Licht toe wat u nog moet uitzoeken en bij wie." : "Licht toe waarom dit onderdeel (nog) niet volledig is ingericht.",
          });
        }
        if (answer.vastgelegdIn.includes("anders") && answer.vastgelegdAnders.trim() === "") {
          ctx.addIssue({ code: "custom", path: ["vastgelegdAnders"], message: "Beschrijf waar het anders is vastgelegd." });
        }
      }),
    );
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
    baseVersion: z.int().check(z.minimum(0)),
    answer: answerSchema(maxScore),
    /** Confirms an answer carried over from the previous round. */
    confirm: z.optional(z.boolean()),
  });
}

export function emptyAnswer(maxScore: number): TAnswerInput {
  return { score: null, weetIkNiet: false, toelichting: "", vastgelegdIn: [], vastgelegdAnders: "", evidence: [], doelniveau: maxScore };
}
