// The anonymised variant of the regional analysis (presentation mode, ?anoniem=1): every gemeente
// becomes "Gemeente A", "Gemeente B", … Pure, no I/O.
// - The letters follow an order that nobody in the room can work out: by a keyed hash (HMAC-SHA256
//   with a key of the server's, see presentatieSleutel) of the gemeente's id. Not the alphabet of the
//   names, and not the order of scan ids, which start with the time a scan was made and which
//   officers see in the addresses of shared documents.
// - Free text (toelichtingen, document titles, the regional plan) names gemeenten too: the demo's
//   toelichtingen say "hier is in Delft nog niets…". Every name is replaced by its label: whole words
//   only (a short name inside another word stays, "Ede" in "beleden"), whatever its case, with
//   spaces, "-" and "_" alike ("Den-Haag", "den_haag"), with an adjective's or genitive's ending
//   ("Haagse", "Delfts"), and each longer part of a compound name on its own ("Leidschendam",
//   "Voorburg"). Longer names first, in one pass, so that a label is never replaced again.
import { createHmac } from "node:crypto";

export type Anonimisering = {
  /** The label of a gemeente ("Gemeente A"); an unknown id gets "Onbekende gemeente". */
  naam(gemeenteId: string): string;
  /** The text with every gemeente's name replaced by its label. */
  tekst(text: string): string;
};

/** A, B, …, Z, AA, AB, … */
export function letter(index: number): string {
  let result = "";
  let rest = index;
  do {
    result = String.fromCharCode(65 + (rest % 26)) + result;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return result;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SEPARATOR = "[\\s\\-_]+";
/** Parts of a compound name shorter than this are ordinary words ("den", "aan", "op"): not replaced alone. */
const MIN_PART = 4;

/** The pattern of one name: its words with any separator between them, and an optional ending. */
function namePattern(words: readonly string[]): string {
  return `${words.map(escape).join(SEPARATOR)}(?:se|s)?`;
}

export function anonimiseer(gemeenten: readonly { id: string; name: string }[], sleutel: string): Anonimisering {
  const rank = (id: string) => createHmac("sha256", sleutel).update(id).digest("hex");
  const ordered = [...gemeenten].map((gemeente) => ({ ...gemeente, rank: rank(gemeente.id) })).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const labels = new Map(ordered.map((gemeente, index) => [gemeente.id, `Gemeente ${letter(index)}`]));
  // Every way a gemeente may be named, with its label: the whole name, then its longer parts.
  // A part that is another gemeente's whole name, or a part of two gemeenten, names neither: skipped.
  const wordsOf = (name: string) =>
    name
      .trim()
      .split(/[\s\-_]+/u)
      .filter(Boolean);
  const key = (words: readonly string[]) => words.join(" ").toLocaleLowerCase("nl");
  const wholeNames = new Set(ordered.map((gemeente) => key(wordsOf(gemeente.name))));
  const partOwners = new Map<string, number>();
  for (const gemeente of ordered) {
    const words = wordsOf(gemeente.name);
    if (words.length > 1) for (const part of new Set(words.map((word) => key([word])))) partOwners.set(part, (partOwners.get(part) ?? 0) + 1);
  }
  const forms: { words: string[]; label: string }[] = [];
  for (const gemeente of ordered) {
    const words = wordsOf(gemeente.name);
    if (words.length === 0) continue;
    const label = labels.get(gemeente.id)!;
    forms.push({ words, label });
    if (words.length > 1)
      for (const word of words)
        if (word.length >= MIN_PART && !wholeNames.has(key([word])) && partOwners.get(key([word])) === 1) forms.push({ words: [word], label });
  }
  // Longest first, so that "Leiden-Noord" is replaced before "Leiden" could take a part of it.
  forms.sort((a, b) => b.words.join(" ").length - a.words.join(" ").length);
  // Whole words: not after or before a letter or digit. "gemeente Delft" becomes "Gemeente A".
  const pattern = forms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:gemeente\\s+)?(?:${forms.map((form) => `(${namePattern(form.words)})`).join("|")})(?![\\p{L}\\p{N}])`, "giu")
    : null;
  return {
    naam: (gemeenteId) => labels.get(gemeenteId) ?? "Onbekende gemeente",
    tekst: (text) =>
      pattern
        ? text.replace(pattern, (found: string, ...groups: unknown[]) => {
            const index = groups.findIndex((group, position) => position < forms.length && typeof group === "string");
            return index >= 0 ? forms[index]!.label : found;
          })
        : text,
  };
}

/** The key of a round's letters: the same for every showing of that round, unknown to its audience. */
export function presentatieSleutel(applicationSecret: string, meetrondeId: string): string {
  return createHmac("sha256", applicationSecret).update(`presentatie:${meetrondeId}`).digest("hex");
}
