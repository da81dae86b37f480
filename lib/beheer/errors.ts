// Errors of the beheer data layer. "niet-gevonden" covers both "does not exist" and "outside your
// scope", so that an answer never reveals what exists elsewhere; "ongeldig" carries Dutch messages
// per form field.
import type * as z from "@/lib/shared/forms/zod-types";
import { INVALID_MESSAGE, NOT_FOUND_MESSAGE, type ActionResult, type FieldErrors } from "@/lib/shared/forms/action-result";

export type BeheerErrorKind = "niet-gevonden" | "ongeldig";

export class BeheerError extends Error {
  constructor(
    readonly kind: BeheerErrorKind,
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "BeheerError";
  }
}

export function notFound(): BeheerError {
  return new BeheerError("niet-gevonden", NOT_FOUND_MESSAGE);
}

export function invalid(fieldErrors: FieldErrors, message: string = INVALID_MESSAGE): BeheerError {
  return new BeheerError("ongeldig", message, fieldErrors);
}

/** Dutch errors per field from a zod error; fields the form does not have become a form-level message. */
export function errorsFromZod(error: z.ZodError): { message: string; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const extra: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      extra.push(...issue.keys);
      continue;
    }
    const field = typeof issue.path[0] === "string" ? issue.path[0] : "formulier";
    fieldErrors[field] ??= issue.message;
  }
  const message = extra.length
    ? `Het formulier bevat velden die hier niet zijn toegestaan: ${extra.join(", ")}. Er is niets opgeslagen.`
    : INVALID_MESSAGE;
  return { message, fieldErrors };
}

/** Validates input with a form's schema, or throws a BeheerError with the Dutch messages. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const { message, fieldErrors } = errorsFromZod(result.error);
    throw invalid(fieldErrors, message);
  }
  return result.data;
}

/** A BeheerError as the answer of a server action; anything else is rethrown (a real failure). */
export function toActionResult(error: unknown): ActionResult<never> {
  if (error instanceof BeheerError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  throw error;
}
