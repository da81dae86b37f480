// How an action's doelscore ("Beoogd niveau na afronding") is said: the level's number and the
// scale's own label, or "geen". One source for the form, the pages, the exports and the PDF.
export type NiveauOption = { value: number; label: string };

/** "2 – Grotendeels ingericht"; "geen" without a level. */
export function doelscoreLabel(levels: readonly NiveauOption[], doelscore: number | null): string {
  if (doelscore === null) return "geen";
  const level = levels.find((candidate) => candidate.value === doelscore);
  return level ? `${doelscore} – ${level.label}` : String(doelscore);
}
