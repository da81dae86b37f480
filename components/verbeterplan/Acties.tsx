// The actions of a verbeterplan as the page and its PDF show them: the progress in words and as a
// bar, and each action with its items, owner, partners, deadline, status, priority and borging.
// Plain server components without hooks or links, so that the PDF renders them as well; the page
// adds its controls (order, edit, delete, merge) to each action through `controls`.
import type { ReactNode } from "react";
import { ProgressBar } from "@/components/zelfscan/ScanStatus";
import { formatDate } from "@/lib/shared/format";
import { actieStatusLabel, prioriteitLabel } from "@/lib/shared/verbeterplan/labels";
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
export function ActieList({ acties, controls }: { acties: readonly Actie[]; controls?: (actie: Actie, index: number) => ReactNode }) {
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
              <dt className="font-semibold">Eigenaar</dt>
              <dd>{[actie.ownerName, actie.ownerRole].filter(Boolean).join(", ") || "nog niet bepaald"}</dd>
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
            {controls?.(actie, index)}
          </article>
        </li>
      ))}
    </ol>
  );
}
