import * as z from "zod/mini";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

// A comment on one item of a scan (the project leader) or an answer to one (the gemeente).
export const ZCommentSchema = z.strictObject({
  body: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Schrijf een opmerking."),
      z.maxLength(2000, "De opmerking is te lang (maximaal 2000 tekens)."),
      z.refine(isPlainText, PLAIN_TEXT_MESSAGE),
    ),
});

export type TComment = z.infer<typeof ZCommentSchema>;
