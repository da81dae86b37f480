// What a server action behind a form answers: success with data, or a Dutch message with errors per field.
// Shared by the actions and the forms in the browser (components/forms/use-action-feedback.ts).
export type FieldErrors = Partial<Record<string, string>>;

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors: FieldErrors };

/** The answer to anything outside the actor's scope: the same as for something that does not exist. */
export const NOT_FOUND_MESSAGE = "Niet gevonden. Het bestaat niet, of u heeft er geen toegang toe.";
export const INVALID_MESSAGE = "Controleer de gemarkeerde velden.";
