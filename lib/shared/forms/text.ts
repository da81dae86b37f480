// Free text in forms: any language, any punctuation, markup kept as text (React and the PDF escape
// it), but no invisible control characters and no broken characters: PostgreSQL cannot store NUL
// at all, the other control characters only hide content from the reader, and half of a UTF-16
// surrogate pair (which no keyboard produces, only a crafted request) would be stored as "�"
// instead of what was sent. Tab, line feed and carriage return are ordinary text.
// Bidirectional controls (embeddings and overrides U+202A-U+202E, isolates U+2066-U+2069, and the
// marks U+200E, U+200F, U+061C) are refused too: they reorder what a reader sees, in the page, the
// PDF and the audit log, so that a text can show something else than it says ("Trojan Source").
// Arabic or Hebrew text needs none of them: the Unicode bidi algorithm orders it by itself.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const PLAIN_TEXT_MESSAGE =
  "De tekst bevat onzichtbare stuurtekens (ook tekens die de leesrichting omdraaien) of ongeldige tekens. Verwijder die en probeer het opnieuw.";

export function isPlainText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && !BIDI_CONTROLS.test(value) && !LONE_SURROGATE.test(value);
}

/**
 * An id as a server action receives it: bound arguments come back from the browser, so they can be
 * anything. The string when it could be an id, otherwise "", which matches no row (the data layer
 * then answers "not found"); a NUL would make the database refuse the statement instead.
 */
export function plainId(value: unknown): string {
  return typeof value === "string" && value.length <= 100 && isPlainText(value) ? value : "";
}
