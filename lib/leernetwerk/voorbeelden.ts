// The learning network's pure rules (no I/O): which answers of a round are good examples, and who
// gets to see them. A good example is an onderdeel that a gemeente's submitted scan scores at the
// top of the scale (3, not "weet ik niet"). Its toelichting and documents are shown only when the
// gemeente shares (Gemeente.deeltVoorbeelden); otherwise it is only counted, without a name.
import type { Framework } from "@/lib/framework";
import { scoreOnderdeel, type ScoredAnswer } from "@/lib/scoring/score";
import type { DocumentView } from "@/lib/shared/documenten/documents";

/** A gemeente's scan of one round, as these rules read it. */
export type VoorbeeldScan = {
  gemeente: { id: string; name: string; deeltVoorbeelden: boolean };
  scan: { id: string; status: string; answers: readonly (ScoredAnswer & { toelichting?: string })[] } | null;
};

/** One shared good example: the gemeente, its scan and the answer's toelichting. */
type GoedVoorbeeld = { gemeente: { id: string; name: string }; scanId: string; onderdeelId: string; toelichting: string };

/** Per onderdeel: the shared examples (by gemeente name) and how many more score 3 without sharing. */
export type VoorbeeldenBijOnderdeel = { onderdeelId: string; voorbeelden: GoedVoorbeeld[]; nietGedeeld: number };

/** A shared good example with the documents linked to its answer, as the pages show it. */
export type VoorbeeldView = GoedVoorbeeld & { documents: DocumentView[] };
export type VoorbeeldenView = { onderdeelId: string; voorbeelden: VoorbeeldView[]; nietGedeeld: number };

/** The answer is a good example: a submitted scan, the top of the scale, not "weet ik niet". */
export function isGoedVoorbeeld(framework: Framework, scan: { status: string }, answer: Pick<ScoredAnswer, "score" | "weetIkNiet"> | undefined): boolean {
  return scan.status === "INGEDIEND" && answer !== undefined && !answer.weetIkNiet && answer.score === framework.scale.max;
}

/**
 * The good examples of a round on the given onderdelen. `zonder`: a gemeente left out (an
 * officer's own, who is looking for the others' examples).
 */
export function goedeVoorbeelden(
  framework: Framework,
  scans: readonly VoorbeeldScan[],
  onderdeelIds: readonly string[],
  options: { zonder?: string } = {},
): VoorbeeldenBijOnderdeel[] {
  const candidates = scans.filter((entry) => entry.scan && entry.gemeente.id !== options.zonder);
  return onderdeelIds.map((onderdeelId) => {
    const voorbeelden: GoedVoorbeeld[] = [];
    let nietGedeeld = 0;
    for (const entry of candidates) {
      const answer = entry.scan!.answers.find((candidate) => candidate.onderdeelId === onderdeelId);
      if (!isGoedVoorbeeld(framework, entry.scan!, answer)) continue;
      if (!entry.gemeente.deeltVoorbeelden) {
        nietGedeeld++;
        continue;
      }
      voorbeelden.push({
        gemeente: { id: entry.gemeente.id, name: entry.gemeente.name },
        scanId: entry.scan!.id,
        onderdeelId,
        toelichting: answer!.toelichting ?? "",
      });
    }
    voorbeelden.sort((a, b) => a.gemeente.name.localeCompare(b.gemeente.name, "nl"));
    return { onderdeelId, voorbeelden, nietGedeeld };
  });
}

/** The onderdelen on which a scan falls short of its target (answered, gap > 0), in the framework's order. */
export function gatenVanScan(framework: Framework, answers: readonly ScoredAnswer[]): string[] {
  const byId = new Map(answers.map((answer) => [answer.onderdeelId, answer]));
  return framework.onderdelen
    .filter((onderdeel) => (scoreOnderdeel(framework, onderdeel, byId.get(onderdeel.id)).gap ?? 0) > 0)
    .map((onderdeel) => onderdeel.id);
}
