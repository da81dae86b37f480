// The actions of a verbeterplan as the page and its PDF show them: the progress in words and as a
// bar, and each action with its items, owner, partners, deadline, status, priority and borging.
// Plain server components without hooks or links, so that the PDF renders them as well; the page
// adds its controls (order, edit, delete, merge) to each action through `controls`.
import type { ReactNode } from "react";
import { ProgressBar } from "@/components/zelfscan/ScanStatus";
import { formatDate } from "@/lib/shared/format";
import { doelscoreLabel, type NiveauOption } from "@/lib/shared/verbeterplan/doelscore";
import { actieStatusLabel, prioriteitLabel } from "@/lib/shared/verbeterplan/labels";
import { ownerLine } from "@/lib/shared/verbeterplan/owner";
import type { VerbeterplanData } from "@/lib/verbeterplan/queries";

type Actie = VerbeterplanData["acties"][number];

/** "5 acties: 1 gepland, 2 in uitvoering, 2 afgerond; 1 vervallen." with the share done as a bar. */
export function ActieVoortgang({ progress, acties }: Pick<VerbeterplanData, "progress" | "acties">) {
  return (
    <>
      <p>
        {progress.total} acties: {progress.gepland} gepland, {progress.inUitvoering} in uitvoering, {progress.afgerond} afgerond
        {acties.length > progress.total ? `; ${acties.length - progress.total} vervallen` : ""}.
      </p>
      <ProgressBar percentage={progress.percentage} label="Deel van de acties afgerond" />
    </>
  );
}

/** Every action in the plan's order, numbered, each an article named by its title. */
export function ActieList({
  acties,
  niveaus,
  controls,
  history = true,
}: {
  acties: readonly Actie[];
  /** The scale's levels, to name each action's doelscore. */
  niveaus: readonly NiveauOption[];
  controls?: (actie: Actie, index: number) => ReactNode;
  /** The progress history under each action (the PDF shows it in its own section instead). */
  history?: boolean;
}) {
  if (acties.length === 0) return <p>Er zijn nog geen acties.</p>;
  return (
    <ol className="acties space-y-4">
      {acties.map((actie, index) => (
        <li key={actie.id}>
          <article aria-labelledby={`actie-${actie.id}`} className="actie space-y-2 rounded border border-slate-400 p-4">
            <h3 id={`actie-${actie.id}`} className="text-lg font-semibold">
              {index + 1}. {actie.title}
            </h3>
            {actie.description && <p className="tekst whitespace-pre-line">{actie.description}</p>}
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">Onderdelen</dt>
              <dd>{actie.onderdeelIds.join(", ")}</dd>
              <dt className="font-semibold">Beoogd niveau na afronding</dt>
              <dd>{doelscoreLabel(niveaus, actie.doelscore)}</dd>
              <dt className="font-semibold">Eigenaar</dt>
              <dd>{ownerLine(actie) || "nog niet bepaald"}</dd>
              <dt className="font-semibold">Partners</dt>
              <dd>{actie.partners.join(", ") || "geen"}</dd>
              <dt className="font-semibold">Deadline</dt>
              <dd>{actie.deadline ? formatDate(actie.deadline) : "nog niet bepaald"}</dd>
              <dt className="font-semibold">Status</dt>
              <dd>{actieStatusLabel(actie.status)}</dd>
              <dt className="font-semibold">Prioriteit</dt>
              <dd>{prioriteitLabel(actie.priority)}</dd>
              <dt className="font-semibold">Borging</dt>
              <dd className="tekst whitespace-pre-line">{actie.borging || "nog niet beschreven"}</dd>
            </dl>
            {history && (
              <div className="voortgang-geschiedenis">
                <VoortgangHistory actie={actie} />
              </div>
            )}
            {controls?.(actie, index)}
          </article>
        </li>
      ))}
    </ol>
  );
}

/** The action's progress history: date, status, note and who reported it, oldest first. */
function VoortgangHistory({ actie }: { actie: Actie }) {
  if (actie.voortgang.length === 0) return <p>Nog geen voortgang gemeld.</p>;
  return (
    <table className="voortgang w-full text-left">
      <caption className="text-left font-semibold">Voortgang van “{actie.title}”</caption>
      <thead>
        <tr>
          <th scope="col">Datum</th>
          <th scope="col">Status</th>
          <th scope="col">Toelichting</th>
          <th scope="col">Gemeld door</th>
        </tr>
      </thead>
      <tbody>
        {actie.voortgang.map((entry) => (
          <tr key={entry.id}>
            <th scope="row" className="font-normal">
              {formatDate(entry.notedOn)}
            </th>
            <td>{actieStatusLabel(entry.status)}</td>
            <td className="tekst whitespace-pre-line">{entry.note || "statuswijziging"}</td>
            <td>{entry.author?.name ?? "onbekend"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The progress report for the college: per action its status, owner, deadline and dated history. */
export function Voortgangsrapportage({ acties, number }: { acties: readonly Actie[]; number: number }) {
  return (
    <section aria-labelledby="voortgangsrapportage">
      <h2 id="voortgangsrapportage">{number}. Voortgangsrapportage</h2>
      {acties.length === 0 ? (
        <p>Er zijn nog geen acties.</p>
      ) : (
        acties.map((actie, index) => (
          <div key={actie.id} className="actie">
            <h3>
              {index + 1}. {actie.title}
            </h3>
            <p>
              Status: {actieStatusLabel(actie.status)} · Eigenaar: {ownerLine(actie) || "nog niet bepaald"} · Deadline:{" "}
              {actie.deadline ? formatDate(actie.deadline) : "nog niet bepaald"}
            </p>
            <VoortgangHistory actie={actie} />
          </div>
        ))
      )}
    </section>
  );
}
