// Pure national aggregate: no I/O, unit-tested. The distribution (spreiding) of the scores of a set
// of gemeenten per eis and per onderdeel, and the suppression that keeps every gemeente anonymous.
//
// The selections a reader can make, per year: national (all counted scans) and one region (the
// regions partition the national set). Two rules keep every figure about at least MIN_GEMEENTEN:
// - primary: a figure about fewer than MIN_GEMEENTEN gemeenten is suppressed;
// - complementary: national minus the regions shown is the group of the suppressed regions. That
//   group must hold no gemeente, or at least MIN_GEMEENTEN, and also at least MIN_GEMEENTEN besides
//   any one of its regions: a region's project leader knows their own region's figures and would
//   otherwise subtract them too. Until it does, the next smallest region is suppressed as well; when
//   even all regions together do not, the national figure is suppressed with them.
// The rules are applied per figure (cell), on the number of gemeenten that figure is about, so that
// an onderdeel some scans lack (another framework version) is protected the same way as an eis.
// A suppressed figure says only that it is suppressed, never its n.
import type { Framework } from "@/lib/framework";
import type { ScoredAnswer } from "@/lib/scoring/score";

export const MIN_GEMEENTEN = 5;

export type Spreiding = { onderdrukt: true } | { onderdrukt: false; n: number; mediaan: number; q1: number; q3: number; min: number; max: number };
export type ItemVerdeling = Spreiding &
  ({ onderdrukt: true } | { onderdrukt: false; aantallen: { 0: number; 1: number; 2: number; 3: number; weetIkNiet: number } });
export type Verdeling = { n: number | null /* null when suppressed */; eisen: Record<number, Spreiding>; onderdelen: Record<string, ItemVerdeling> };

/** One counted scan: the gemeente's region and its answers (the gemeente itself stays out). */
export type TelbareScan = {
  regioId: string;
  answers: readonly Pick<ScoredAnswer, "onderdeelId" | "score" | "weetIkNiet">[];
};

const ONDERDRUKT = { onderdrukt: true } as const;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Percentile p (0..1) of sorted values, linear between the closest ranks (Excel's QUARTILE.INC). */
function quantile(sorted: readonly number[], p: number): number {
  const rank = (sorted.length - 1) * p;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

/** n, median, quartiles, min and max; suppressed when fewer than MIN_GEMEENTEN values. */
export function spreiding(values: readonly number[]): Spreiding {
  if (values.length < MIN_GEMEENTEN) return ONDERDRUKT;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    onderdrukt: false,
    n: sorted.length,
    mediaan: round2(quantile(sorted, 0.5)),
    q1: round2(quantile(sorted, 0.25)),
    q3: round2(quantile(sorted, 0.75)),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * Which selections of one figure are suppressed, given how many gemeenten each region contributes
 * to it. National: suppressed when it is about fewer than MIN_GEMEENTEN (then so is every region).
 * Regions: primary below MIN_GEMEENTEN, then complementary (smallest first, ties by id) until the
 * suppressed regions hold no gemeente, or at least MIN_GEMEENTEN without any one of them (and so at
 * least MIN_GEMEENTEN in all). If no set of regions does, the national figure is suppressed too.
 */
export function onderdrukking(aantalPerRegio: ReadonlyMap<string, number>): { landelijk: boolean; regios: ReadonlySet<string> } {
  const regios = [...aantalPerRegio.entries()].sort(([a, na], [b, nb]) => na - nb || (a < b ? -1 : a > b ? 1 : 0));
  const totaal = regios.reduce((sum, [, n]) => sum + n, 0);
  if (totaal < MIN_GEMEENTEN) return { landelijk: true, regios: new Set(regios.map(([id]) => id)) };
  const onderdrukt = new Set<string>();
  let verborgen = 0;
  for (const [id, n] of regios) {
    if (n >= MIN_GEMEENTEN) break;
    onderdrukt.add(id);
    verborgen += n;
  }
  const veilig = () =>
    verborgen === 0 || (verborgen >= MIN_GEMEENTEN && regios.every(([id, n]) => !onderdrukt.has(id) || n === 0 || verborgen - n >= MIN_GEMEENTEN));
  // Sorted ascending, so the next smallest shown region is the next in line.
  for (const [id, n] of regios) {
    if (veilig()) break;
    if (onderdrukt.has(id)) continue;
    onderdrukt.add(id);
    verborgen += n;
  }
  if (!veilig()) return { landelijk: true, regios: new Set(regios.map(([id]) => id)) };
  return { landelijk: false, regios: onderdrukt };
}

type ItemWaarde = { value: number; score: number | null; weetIkNiet: boolean };

function itemVerdeling(waarden: readonly ItemWaarde[]): ItemVerdeling {
  const base = spreiding(waarden.map((waarde) => waarde.value));
  if (base.onderdrukt) return ONDERDRUKT;
  const aantallen = { 0: 0, 1: 0, 2: 0, 3: 0, weetIkNiet: 0 };
  for (const waarde of waarden) {
    if (waarde.weetIkNiet) aantallen.weetIkNiet++;
    else if (waarde.score === 0 || waarde.score === 1 || waarde.score === 2 || waarde.score === 3) aantallen[waarde.score]++;
  }
  return { ...base, aantallen };
}

/** Per figure, the values of each region; a gemeente that did not answer it adds nothing. */
class Cel<T> {
  readonly perRegio: Map<string, T[]>;
  constructor(regioIds: readonly string[]) {
    this.perRegio = new Map(regioIds.map((id) => [id, []]));
  }
  add(regioId: string, value: T) {
    this.perRegio.get(regioId)!.push(value);
  }
  /** Computes the national and regional figures, suppressed by `onderdrukking`. */
  uitkomst<R>(bereken: (values: readonly T[]) => R): { landelijk: R | typeof ONDERDRUKT; regios: Map<string, R | typeof ONDERDRUKT> } {
    const regel = onderdrukking(new Map([...this.perRegio].map(([id, values]) => [id, values.length])));
    const regios = new Map([...this.perRegio].map(([id, values]) => [id, regel.regios.has(id) ? ONDERDRUKT : bereken(values)]));
    return { landelijk: regel.landelijk ? ONDERDRUKT : bereken([...this.perRegio.values()].flat()), regios };
  }
}

/**
 * The national and per-region distributions of one year, suppressed. `regioIds` lists every region
 * (also those without counted scans: they are suppressed); `scans` are the year's counted scans,
 * at most one per gemeente. Items are matched by id; an eis' value for a gemeente is the mean of
 * its answered onderdelen, "weet ik niet" counting as the scale says (as scoreScan does).
 */
export function landelijkeVerdelingen(
  framework: Framework,
  regioIds: readonly string[],
  scans: readonly TelbareScan[],
): { landelijk: Verdeling; regios: Record<string, Verdeling> } {
  const alleRegios = [...new Set([...regioIds, ...scans.map((scan) => scan.regioId)])];
  const gemeenten = new Cel<true>(alleRegios);
  const eisen = new Map(framework.requirements.map((requirement) => [requirement.number, new Cel<number>(alleRegios)]));
  const onderdelen = new Map(framework.onderdelen.map((onderdeel) => [onderdeel.id, new Cel<ItemWaarde>(alleRegios)]));
  const weetIkNietWaarde = framework.scale.weetIkNiet.countsAs;

  for (const scan of scans) {
    gemeenten.add(scan.regioId, true);
    const answers = new Map(scan.answers.map((answer) => [answer.onderdeelId, answer]));
    for (const requirement of framework.requirements) {
      let sum = 0;
      let answered = 0;
      for (const onderdeel of requirement.onderdelen) {
        const answer = answers.get(onderdeel.id);
        if (!answer || (!answer.weetIkNiet && answer.score === null)) continue;
        const value = answer.weetIkNiet ? weetIkNietWaarde : answer.score!;
        sum += value;
        answered++;
        onderdelen.get(onderdeel.id)!.add(scan.regioId, { value, score: answer.score, weetIkNiet: answer.weetIkNiet });
      }
      if (answered) eisen.get(requirement.number)!.add(scan.regioId, round2(sum / answered));
    }
  }

  const landelijk: Verdeling = { n: null, eisen: {}, onderdelen: {} };
  const regios: Record<string, Verdeling> = Object.fromEntries(alleRegios.map((id) => [id, { n: null, eisen: {}, onderdelen: {} } satisfies Verdeling]));
  const aantal = gemeenten.uitkomst((values) => values.length);
  landelijk.n = typeof aantal.landelijk === "number" ? aantal.landelijk : null;
  for (const [id, value] of aantal.regios) regios[id]!.n = typeof value === "number" ? value : null;
  for (const [number, cel] of eisen) {
    const uitkomst = cel.uitkomst(spreiding);
    landelijk.eisen[number] = uitkomst.landelijk;
    for (const [id, value] of uitkomst.regios) regios[id]!.eisen[number] = value;
  }
  for (const [onderdeelId, cel] of onderdelen) {
    const uitkomst = cel.uitkomst(itemVerdeling);
    landelijk.onderdelen[onderdeelId] = uitkomst.landelijk;
    for (const [id, value] of uitkomst.regios) regios[id]!.onderdelen[onderdeelId] = value;
  }
  return { landelijk, regios };
}

/**
 * A gemeente's benchmark: its region's and the national distribution of the year, suppressed by
 * exactly the rules of the national view (a region the national view hides is hidden here too).
 */
export function benchmark(
  framework: Framework,
  regioIds: readonly string[],
  scans: readonly TelbareScan[],
  regioId: string,
): { regio: Verdeling; landelijk: Verdeling } {
  const { landelijk, regios } = landelijkeVerdelingen(framework, [...regioIds, regioId], scans);
  return { regio: regios[regioId]!, landelijk };
}
