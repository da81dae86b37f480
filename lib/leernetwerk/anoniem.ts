// The anonymised variant of the regional analysis (presentation mode, ?anoniem=1): every gemeente
// becomes "Gemeente A", "Gemeente B", … Pure, no I/O.
// - The letters follow a fixed order that is not the alphabet of the names (by scan id, then by
//   gemeente id for a gemeente without a scan), so that "A" does not simply mean the first name.
// - Free text (toelichtingen, document titles, the regional plan) names gemeenten too: the demo's
//   toelichtingen say "hier is in Delft nog niets…". Every name is replaced by its label, wherever
//   it occurs and whatever its case; longer names first, in one pass, so that a label is never
//   replaced again and a name inside a longer one ("Leiden" in "Leiden-Noord") cannot leak a part.

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

export function anonimiseer(gemeenten: readonly { id: string; name: string; scanId: string | null }[]): Anonimisering {
  const ordered = [...gemeenten].sort((a, b) => {
    if (a.scanId !== null && b.scanId !== null) return a.scanId < b.scanId ? -1 : a.scanId > b.scanId ? 1 : 0;
    if (a.scanId !== null) return -1;
    if (b.scanId !== null) return 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const labels = new Map(ordered.map((gemeente, index) => [gemeente.id, `Gemeente ${letter(index)}`]));
  const byName = new Map(ordered.map((gemeente) => [gemeente.name.toLocaleLowerCase("nl"), labels.get(gemeente.id)!]));
  const names = [...byName.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  // "gemeente Delft" becomes "Gemeente A", not "gemeente Gemeente A".
  const pattern = names.length ? new RegExp(`(?:gemeente\\s+)?(${names.map(escape).join("|")})`, "giu") : null;
  return {
    naam: (gemeenteId) => labels.get(gemeenteId) ?? "Onbekende gemeente",
    tekst: (text) => (pattern ? text.replace(pattern, (found, name: string) => byName.get(name.toLocaleLowerCase("nl")) ?? found) : text),
  };
}
