// The one answer of every mutation (lib/<domain>/), every server action (app/**/actions.ts) and the
// JSON API: a Result. It runs on both sides: the data layer returns it, the server action passes it
// on unchanged, and the browser maps it onto the form (components/forms/use-action-feedback.ts) or
// the page (a plain form's redirect, lib/actions/server-action.ts). See docs/decisions/004-one-contract.md.
//
//   ok         done; `data` for the caller, `message` for the person
//   invalid    the input broke a rule: Dutch messages per form field, nothing changed
//   not-found  it does not exist, or it is outside the actor's scope (the same answer, on purpose)
//   conflict   someone else changed it first: nothing changed; `current` may carry what is stored now
//   locked     it exists and is readable, but may not be changed now (scan submitted, round closed)
import type { core } from "zod/mini";

export type FieldErrors = Partial<Record<string, string>>;

export type Ok<T> = { status: "ok"; data: T; message?: string };
export type Invalid = { status: "invalid"; message: string; fieldErrors: FieldErrors };
export type NotFound = { status: "not-found"; message: string };
export type Conflict<C = undefined> = { status: "conflict"; message: string; current?: C };
export type Locked = { status: "locked"; message: string };
export type Result<T = null, C = undefined> = Ok<T> | Invalid | NotFound | Conflict<C> | Locked;
export type ResultStatus = Result["status"];

/** The answer to anything outside the actor's scope: the same as for something that does not exist. */
export const NOT_FOUND_MESSAGE = "Niet gevonden. Het bestaat niet, of u heeft er geen toegang toe.";
export const NOT_SIGNED_IN_MESSAGE = "U bent niet (meer) ingelogd. Log opnieuw in; wat u invoerde is niet opgeslagen.";
export const INVALID_MESSAGE = "Controleer de gemarkeerde velden.";
const CONFLICT_MESSAGE = "Iemand anders heeft dit intussen gewijzigd. Er is niets overschreven; laad de pagina opnieuw en bekijk de nieuwe versie.";

export function ok(): Ok<null>;
export function ok<T>(data: T, message?: string): Ok<T>;
export function ok<T>(data?: T, message?: string): Ok<T | null> {
  return message === undefined ? { status: "ok", data: data ?? null } : { status: "ok", data: data ?? null, message };
}

/** Refused input. Without a message of its own, the form shows INVALID_MESSAGE above the fields. */
export function invalid(fieldErrors: FieldErrors, message: string = INVALID_MESSAGE): Invalid {
  return { status: "invalid", message, fieldErrors };
}

export function notFound(message: string = NOT_FOUND_MESSAGE): NotFound {
  return { status: "not-found", message };
}

export function conflict<C = undefined>(message: string = CONFLICT_MESSAGE, current?: C): Conflict<C> {
  return current === undefined ? { status: "conflict", message } : { status: "conflict", message, current };
}

export function locked(message: string): Locked {
  return { status: "locked", message };
}

/** The same result with other data when it is ok (what the page needs of what the mutation made). */
export function mapOk<T, U, C>(result: Result<T, C>, map: (data: T) => U): Result<U, C> {
  return result.status === "ok" ? { ...result, data: map(result.data) } : result;
}

/**
 * The one way to turn a zod refusal into messages per field: { "field.path": first message }.
 * `under` strips a prefix ("actie" turns "actie.title" into "title") so that the keys are the
 * form's own field names. A key the schema does not allow becomes a form-level message.
 */
export function invalidFromZod(error: core.$ZodError, options: { under?: string } = {}): Invalid {
  const fieldErrors: FieldErrors = {};
  const unknownKeys: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      unknownKeys.push(...issue.keys);
      continue;
    }
    let path = issue.path.map(String);
    if (options.under && path[0] === options.under) path = path.slice(1);
    const key = path.join(".") || "formulier";
    fieldErrors[key] ??= issue.message;
  }
  if (unknownKeys.length) {
    return invalid(fieldErrors, `Het formulier bevat velden die hier niet zijn toegestaan: ${unknownKeys.join(", ")}. Er is niets opgeslagen.`);
  }
  return invalid(fieldErrors);
}
