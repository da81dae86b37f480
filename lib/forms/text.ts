// Free text in forms: any language, any punctuation, markup kept as text (React and the PDF escape
// it), but no invisible control characters: PostgreSQL cannot store NUL at all, and the others
// only hide content from the reader. Tab, line feed and carriage return are ordinary text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTER_MESSAGE = "De tekst bevat onzichtbare stuurtekens. Verwijder die en probeer het opnieuw.";

export function hasNoControlCharacters(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}
