// Per eis the current, the projected and the target score, with the actions that raise it: the
// verbeterplan page and its PDF. A plain server component (no hooks, no links), like Rapport.tsx.
import type { ScanProjection } from "@/lib/scoring/projection";
import { PROJECTION_RULE } from "@/lib/shared/verbeterplan/doelscore";
import type { ScanScore } from "@/lib/scoring/score";
import { formatScore } from "@/lib/shared/format";
import type { VerbeterplanData } from "@/lib/verbeterplan/queries";

export function ProjectieTabel({
  score,
  projectie,
  acties,
}: {
  score: ScanScore;
  projectie: ScanProjection;
  acties: readonly Pick<VerbeterplanData["acties"][number], "id" | "title">[];
}) {
  // Numbered as in the plan, so that "actie 2" here is the second action below.
  const numberOf = new Map(acties.map((actie, index) => [actie.id, index + 1]));
  const titleOf = new Map(acties.map((actie) => [actie.id, actie.title]));
  return (
    <div className="space-y-2">
      <p>{PROJECTION_RULE}</p>
      <div className="overflow-x-auto" role="region" aria-label="Verwachte score per eis" tabIndex={0}>
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left font-semibold">
            Huidige, verwachte en beoogde score per eis (0–{score.max}); verwachte totaalscore {formatScore(projectie.overall.projected)}
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-700">
              <th scope="col" className="py-1 pr-3">
                Eis
              </th>
              <th scope="col" className="py-1 pr-3">
                Nu
              </th>
              <th scope="col" className="py-1 pr-3">
                Verwacht na de acties
              </th>
              <th scope="col" className="py-1 pr-3">
                Doelniveau
              </th>
              <th scope="col" className="py-1 pr-3">
                Acties die de score verhogen
              </th>
            </tr>
          </thead>
          <tbody>
            {score.requirements.map((result, index) => {
              const projected = projectie.requirements[index];
              const raising = projected?.raisedBy ?? [];
              return (
                <tr key={result.requirement.number} className="border-b border-slate-300">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {result.requirement.number}. {result.requirement.shortTitle}
                  </th>
                  <td className="py-1 pr-3">{formatScore(result.mean)}</td>
                  <td className="py-1 pr-3">{formatScore(projected?.projected ?? result.mean)}</td>
                  <td className="py-1 pr-3">{formatScore(result.doelniveau)}</td>
                  <td className="py-1 pr-3">{raising.length === 0 ? "geen" : raising.map((id) => `${numberOf.get(id)}. ${titleOf.get(id)}`).join("; ")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
