// How an action's doelscore ("Beoogd niveau na afronding") is said: the level's number and the
// scale's own label, or "geen". One source for the form, the pages, the exports and the PDF.
export type NiveauOption = { value: number; label: string };

/** "2 – Grotendeels ingericht"; "geen" without a level. */
export function doelscoreLabel(levels: readonly NiveauOption[], doelscore: number | null): string {
  if (doelscore === null) return "geen";
  const level = levels.find((candidate) => candidate.value === doelscore);
  return level ? `${doelscore} – ${level.label}` : String(doelscore);
}

/** In words, for pages and the PDF: which actions the projected score counts (lib/scoring/projection.ts). */
export const PROJECTION_RULE =
  "De verwachte score gaat uit van alle acties met een beoogd niveau die niet vervallen zijn (gepland, in uitvoering, afgerond of concept): per onderdeel telt het hoogste van de huidige score en het beoogde niveau van die acties. Een actie verlaagt een score nooit.";
