import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScoreChart } from "@/components/verbeterplan/ScoreChart";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDate } from "@/lib/shared/format";
import { formatScore } from "@/lib/shared/format";
import { chartLayout } from "@/lib/verbeterplan/chart";
import { getVerbeterplan } from "@/lib/verbeterplan/queries";
import { answerLabel } from "@/lib/zelfscan/progress";

export const metadata: Metadata = { title: "Rapport" };

export default async function RapportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/zelfscans/${id}/rapport`);
  const data = await getVerbeterplan(prisma(), actor, id);
  if (!data) notFound();
  const { scan, framework, score, comments, withoutAction } = data;
  const answers = new Map(scan.answers.map((answer) => [answer.itemId, answer]));
  const base = `/zelfscans/${scan.id}`;
  const cards: [string, string, string][] = [
    ["Totaalscore", `${formatScore(score.overall.mean)} van ${score.max}`, score.overall.percentage === null ? "" : `${score.overall.percentage}%`],
    ["Op doelniveau", `${score.counts.atTarget} van ${score.counts.items}`, "onderdelen"],
    ["Tekortkomingen", String(score.counts.gaps), "onderdelen onder het doelniveau"],
    ["Weet ik niet", String(score.counts.unknown), "onderdelen om uit te zoeken"],
  ];

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="print:hidden">
          <Link href={base} className={linkClass}>
            Zelfscan {scan.gemeente.name} – {scan.meetronde.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          Rapport {scan.gemeente.name} – {scan.meetronde.name}
        </h1>
        <p>
          Getoetst aan “{framework.title}” ({framework.publisher}, versie {framework.version}). Stand van {formatDate(new Date())}.
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 print:hidden">
          <Link href={`${base}/verbeterplan`} className={linkClass}>
            Naar het verbeterplan
          </Link>
          <a href={`${base}/verbeterplan.pdf`} className={linkClass} download>
            Rapport en verbeterplan downloaden (pdf)
          </a>
        </p>
        {score.provisional && (
          <p className="rounded border-2 border-amber-700 bg-amber-50 p-3 font-semibold">
            Voorlopige uitkomst: {score.counts.unanswered} van de {score.counts.items} onderdelen zijn nog niet beantwoord.
          </p>
        )}
      </header>

      <section aria-labelledby="samenvatting" className="space-y-4">
        <h2 id="samenvatting" className="text-xl font-semibold">
          Samenvatting
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {cards.map(([title, value, unit]) => (
            <li key={title} className="break-inside-avoid rounded border border-slate-400 p-3">
              <span className="block">{title}</span>
              <strong className="block text-2xl">{value}</strong>
              <span className="block text-sm">{unit}</span>
            </li>
          ))}
        </ul>
        <p>De totaalscore is het gemiddelde van de tien eisen; elke eis weegt even zwaar. “Weet ik niet” telt als 0.</p>
        <ScoreChart layout={chartLayout(score.requirements, score.max)} />
        <div className="overflow-x-auto" role="region" aria-label="Score per eis" tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left font-semibold">Score per eis</caption>
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-1 pr-3">Eis</th>
                <th scope="col" className="py-1 pr-3">Score (0–{score.max})</th>
                <th scope="col" className="py-1 pr-3">Percentage</th>
                <th scope="col" className="py-1 pr-3">Doelniveau</th>
                <th scope="col" className="py-1 pr-3">Beantwoord</th>
              </tr>
            </thead>
            <tbody>
              {score.requirements.map((result) => (
                <tr key={result.requirement.number} className="border-b border-slate-300">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {result.requirement.number}. {result.requirement.shortTitle}
                  </th>
                  <td className="py-1 pr-3">{formatScore(result.mean)}</td>
                  <td className="py-1 pr-3">{result.percentage === null ? "–" : `${result.percentage}%`}</td>
                  <td className="py-1 pr-3">{formatScore(result.target)}</td>
                  <td className="py-1 pr-3">
                    {result.answered} van {result.items.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="tekortkomingen" className="space-y-4">
        <h2 id="tekortkomingen" className="text-xl font-semibold">
          Tekortkomingen, grootste eerst
        </h2>
        {score.gaps.length === 0 && <p>Alle beantwoorde onderdelen zitten op hun doelniveau.</p>}
        <ol className="space-y-4">
          {score.gaps.map((gap) => {
            const answer = answers.get(gap.item.id);
            return (
              <li key={gap.item.id} className="break-inside-avoid border-l-4 border-amber-700 pl-3">
                <h3 className="font-semibold">
                  Onderdeel {gap.item.id}: {gap.item.shortTitle}
                </h3>
                <p className="italic">{gap.item.text}</p>
                <p>
                  Antwoord: {answerLabel(framework, answer)}. Doelniveau: {gap.target}. Verschil: {gap.gap}.
                </p>
                {answer?.toelichting && <p className="whitespace-pre-line">Toelichting: {answer.toelichting}</p>}
                {comments
                  .filter((comment) => comment.itemId === gap.item.id)
                  .map((comment) => (
                    <p key={comment.id} className="ml-4 text-sm">
                      Opmerking van {comment.author.name} ({formatDate(comment.createdAt)}): {comment.body}
                    </p>
                  ))}
                {withoutAction.some((candidate) => candidate.item.id === gap.item.id) && <p className="font-semibold">Nog geen actie.</p>}
              </li>
            );
          })}
        </ol>
      </section>

      {score.unknowns.length > 0 && (
        <section aria-labelledby="onbekend" className="space-y-2">
          <h2 id="onbekend" className="text-xl font-semibold">
            Nog uit te zoeken (“Weet ik niet”)
          </h2>
          <ul className="list-disc pl-6">
            {score.unknowns.map((result) => (
              <li key={result.item.id}>
                Onderdeel {result.item.id}: {result.item.shortTitle}
                {answers.get(result.item.id)?.toelichting ? ` – ${answers.get(result.item.id)!.toelichting}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
