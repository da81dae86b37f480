import * as z from "zod/mini";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

// The project leader's reason for reopening a submitted scan; the municipality sees it.
export const ZReopenSchema = z.strictObject({
  reden: z
    .string()
    .check(
      z.trim(),
      z.minLength(5, "Geef een reden van ten minste 5 tekens; de gemeente ziet die."),
      z.maxLength(1000, "De reden is te lang (maximaal 1000 tekens)."),
      z.refine(isPlainText, PLAIN_TEXT_MESSAGE),
    ),
});

export type TReopen = z.infer<typeof ZReopenSchema>;
