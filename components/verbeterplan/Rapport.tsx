// The report of a scan (score, gaps, what is still unknown): rendered by the report page and, as
// part of the verbeterplan, by its PDF (components/verbeterplan/VerbeterplanDocument.tsx). Plain
// server components without hooks or links, so that both can render them. The class names
// without a utility meaning (kengetal, gat, …) are the hooks of the PDF's print stylesheet.
import { formatDate } from "@/lib/shared/format";
import type { ScanProjection } from "@/lib/scoring/projection";
import { PROJECTION_RULE } from "@/lib/shared/verbeterplan/doelscore";
import type { ScanScore } from "@/lib/scoring/score";
import { formatScore } from "@/lib/shared/format";
import { chartLayout, chartRows } from "@/lib/shared/verbeterplan/chart";
import type { VerbeterplanData } from "@/lib/verbeterplan/queries";
import { answerLabel } from "@/lib/shared/zelfscan/progress";
import { ScoreChart } from "./ScoreChart";

export type Kengetal = { title: string; value: string; unit: string };

type Numbered = { number?: number };
const numbered = (number: number | undefined, title: string) => (number ? `${number}. ${title}` : title);

/** The four figures of the report: total score, items on target, gaps, "Weet ik niet". */
export function scoreKengetallen(score: ScanScore): Kengetal[] {
  return [
    {
      title: "Totaalscore",
      value: `${formatScore(score.overall.mean)} van ${score.max}`,
      unit: score.overall.percentage === null ? "" : `${score.overall.percentage}%`,
    },
    { title: "Op doelniveau", value: `${score.counts.opDoelniveau} van ${score.counts.onderdelen}`, unit: "onderdelen" },
    { title: "Tekortkomingen", value: String(score.counts.gaps), unit: "onderdelen onder het doelniveau" },
    { title: "Weet ik niet", value: String(score.counts.weetIkNiet), unit: "onderdelen om uit te zoeken" },
  ];
}

export function ProvisionalNotice({ score }: { score: ScanScore }) {
  if (!score.provisional) return null;
  return (
    <p className="voorlopig rounded border-2 border-amber-700 bg-amber-50 p-3 font-semibold">
      Voorlopige uitkomst: {score.counts.unanswered} van de {score.counts.onderdelen} onderdelen zijn nog niet beantwoord.
    </p>
  );
}

/** The summary: the figures, the bar chart (current, projected, target) and the same figures per requirement as a table. */
export function ScoreSummary({
  score,
  projectie,
  kengetallen,
  number,
  children,
}: Numbered & { score: ScanScore; projectie: ScanProjection; kengetallen: Kengetal[]; children?: React.ReactNode }) {
  return (
    <section aria-labelledby="samenvatting" className="space-y-4">
      <h2 id="samenvatting" className="text-xl font-semibold">
        {numbered(number, "Samenvatting")}
      </h2>
      {children}
      <ul className="kengetallen grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {kengetallen.map(({ title, value, unit }) => (
          <li key={title} className="kengetal break-inside-avoid rounded border border-slate-400 p-3">
            <span className="block">{title}</span>
            <strong className="block text-2xl">{value}</strong>
            <span className="block text-sm">{unit}</span>
          </li>
        ))}
      </ul>
      <p>De totaalscore is het gemiddelde van de tien eisen; elke eis weegt even zwaar. “Weet ik niet” telt als 0.</p>
      <p>
        {PROJECTION_RULE} Verwachte totaalscore: {formatScore(projectie.overall.projected)} van {score.max}.
      </p>
      <ScoreChart layout={chartLayout(chartRows(score.requirements, projectie), score.max)} />
      <div className="overflow-x-auto" role="region" aria-label="Score per eis" tabIndex={0}>
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left font-semibold">Score per eis</caption>
          <thead>
            <tr className="border-b-2 border-slate-700">
              <th scope="col" className="py-1 pr-3">
                Eis
              </th>
              <th scope="col" className="py-1 pr-3">
                Score (0–{score.max})
              </th>
              <th scope="col" className="py-1 pr-3">
                Percentage
              </th>
              <th scope="col" className="py-1 pr-3">
                Verwacht na de acties
              </th>
              <th scope="col" className="py-1 pr-3">
                Doelniveau
              </th>
              <th scope="col" className="py-1 pr-3">
                Beantwoord
              </th>
            </tr>
          </thead>
          <tbody>
            {score.requirements.map((result, index) => (
              <tr key={result.requirement.number} className="border-b border-slate-300">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {result.requirement.number}. {result.requirement.shortTitle}
                </th>
                <td className="py-1 pr-3">{formatScore(result.mean)}</td>
                <td className="py-1 pr-3">{result.percentage === null ? "–" : `${result.percentage}%`}</td>
                <td className="py-1 pr-3">{formatScore(projectie.requirements[index]?.projected ?? result.mean)}</td>
                <td className="py-1 pr-3">{formatScore(result.doelniveau)}</td>
                <td className="py-1 pr-3">
                  {result.answered} van {result.onderdelen.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type Plan = Pick<VerbeterplanData, "scan" | "framework" | "score" | "comments" | "withoutAction">;

/** The items below their target, largest gap first, with the answer, the explanation and the comments. */
export function GapList({ plan, number }: Numbered & { plan: Plan }) {
  const { scan, framework, score, comments, withoutAction } = plan;
  const answers = new Map(scan.answers.map((answer) => [answer.onderdeelId, answer]));
  return (
    <section aria-labelledby="tekortkomingen" className="space-y-4">
      <h2 id="tekortkomingen" className="text-xl font-semibold">
        {numbered(number, "Tekortkomingen, grootste eerst")}
      </h2>
      {score.gaps.length === 0 && <p>Alle beantwoorde onderdelen zitten op hun doelniveau.</p>}
      <ol className="tekortkomingen space-y-4">
        {score.gaps.map((gap) => {
          const answer = answers.get(gap.onderdeel.id);
          return (
            <li key={gap.onderdeel.id} className="gat break-inside-avoid border-l-4 border-amber-700 pl-3">
              <h3 className="font-semibold">
                Onderdeel {gap.onderdeel.id}: {gap.onderdeel.shortTitle}
              </h3>
              <p className="officieel italic">{gap.onderdeel.text}</p>
              <p>
                Antwoord: {answerLabel(framework, answer)}. Doelniveau: {gap.doelniveau}. Verschil: {gap.gap}.
              </p>
              {answer?.toelichting && <p className="tekst whitespace-pre-line">Toelichting: {answer.toelichting}</p>}
              {comments
                .filter((comment) => comment.onderdeelId === gap.onderdeel.id)
                .map((comment) => (
                  <p key={comment.id} className="opmerking ml-4 text-sm">
                    Opmerking van {comment.author.name} ({formatDate(comment.createdAt)}): {comment.body}
                  </p>
                ))}
              {withoutAction.some((candidate) => candidate.onderdeel.id === gap.onderdeel.id) && <p className="font-semibold">Nog geen actie.</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The items answered "Weet ik niet", to find out; nothing when there are none. */
export function UnknownList({ plan, number }: Numbered & { plan: Pick<Plan, "scan" | "score"> }) {
  const { scan, score } = plan;
  if (score.weetIkNietOnderdelen.length === 0) return null;
  const answers = new Map(scan.answers.map((answer) => [answer.onderdeelId, answer]));
  return (
    <section aria-labelledby="onbekend" className="space-y-2">
      <h2 id="onbekend" className="text-xl font-semibold">
        {numbered(number, "Nog uit te zoeken (“Weet ik niet”)")}
      </h2>
      <ul className="list-disc pl-6">
        {score.weetIkNietOnderdelen.map((result) => (
          <li key={result.onderdeel.id}>
            Onderdeel {result.onderdeel.id}: {result.onderdeel.shortTitle}
            {answers.get(result.onderdeel.id)?.toelichting ? ` – ${answers.get(result.onderdeel.id)!.toelichting}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
