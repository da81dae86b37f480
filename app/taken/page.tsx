import type { Metadata } from "next";
import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { formatDate, formatDateTime } from "@/lib/shared/format";
import type { Urgency } from "@/lib/shared/taken/groups";
import { mijnTakenOfThisRequest, type TaakOnderdeel } from "@/lib/taken/queries";

export const metadata: Metadata = { title: "Mijn taken" };

const GROUPS: { urgency: Urgency; title: string }[] = [
  { urgency: "te-laat", title: "Te laat" },
  { urgency: "binnenkort", title: "Binnenkort (binnen 7 dagen)" },
  { urgency: "open", title: "Open" },
];

function OnderdeelList({ items, label }: { items: TaakOnderdeel[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-2">
      {items.map((item) => (
        <li key={`${item.scan.id}/${item.onderdeelId}`} className="rounded border border-slate-300 p-3">
          <Link href={item.href} className={linkClass}>
            Onderdeel {item.onderdeelId} (eis {item.eis}): {item.shortTitle}
          </Link>
          <p>
            {item.scan.gemeente} – {item.scan.meetronde}
            {item.dueOn && ` · Termijn: ${formatDate(item.dueOn)}`}
            {item.carriedOver && " · Overgenomen uit de vorige meetronde, nog te bevestigen"}
          </p>
          {item.note && <p className="text-slate-700">Notitie: {item.note}</p>}
        </li>
      ))}
    </ul>
  );
}

export default async function MijnTakenPage() {
  await requireActor("/taken");
  const taken = (await mijnTakenOfThisRequest())!;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Mijn taken</h1>
      {taken.count === 0 ? (
        <p>Er wacht nu niets op u: geen toegewezen onderdelen, over te nemen antwoorden, opmerkingen of verbeteracties.</p>
      ) : (
        <p>
          {taken.count} {taken.count === 1 ? "taak wacht" : "taken wachten"} op u.
        </p>
      )}
      {GROUPS.map(({ urgency, title }) =>
        taken.assigned[urgency].length > 0 ? (
          <section key={urgency} aria-labelledby={`taken-${urgency}`} className="space-y-2">
            <h2 id={`taken-${urgency}`} className="text-xl font-semibold">
              Aan u toegewezen: {title.toLowerCase()} ({taken.assigned[urgency].length})
            </h2>
            <OnderdeelList items={taken.assigned[urgency]} label={`Toegewezen onderdelen: ${title.toLowerCase()}`} />
          </section>
        ) : null,
      )}
      {taken.carriedUnassigned.length > 0 && (
        <section aria-labelledby="taken-overgenomen" className="space-y-2">
          <h2 id="taken-overgenomen" className="text-xl font-semibold">
            Overgenomen antwoorden om te bevestigen ({taken.carriedUnassigned.length})
          </h2>
          <p>Deze onderdelen zijn aan niemand toegewezen; als coördinator bevestigt of wijzigt u ze.</p>
          <OnderdeelList items={taken.carriedUnassigned} label="Overgenomen antwoorden om te bevestigen" />
        </section>
      )}
      {taken.comments.length > 0 && (
        <section aria-labelledby="taken-opmerkingen" className="space-y-2">
          <h2 id="taken-opmerkingen" className="text-xl font-semibold">
            Opmerkingen die op uw antwoord wachten ({taken.comments.length})
          </h2>
          <ul className="space-y-2">
            {taken.comments.map((comment) => (
              <li key={comment.commentId} className="rounded border border-slate-300 p-3">
                <Link href={comment.href} className={linkClass}>
                  Onderdeel {comment.onderdeelId} – {comment.scan.gemeente}, {comment.scan.meetronde}
                </Link>
                <p>
                  Laatste bericht van {comment.lastAuthor}, {formatDateTime(comment.lastAt)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {taken.acties.length > 0 && (
        <section aria-labelledby="taken-acties" className="space-y-2">
          <h2 id="taken-acties" className="text-xl font-semibold">
            Verbeteracties van u ({taken.acties.length})
          </h2>
          <ul className="space-y-2">
            {taken.acties.map((actie) => (
              <li key={actie.id} className="rounded border border-slate-300 p-3">
                <Link href={actie.href} className={linkClass}>
                  {actie.title}
                </Link>
                <p>
                  {actie.scan.gemeente} – {actie.scan.meetronde} · {actie.status === "GEPLAND" ? "Gepland" : "In uitvoering"}
                  {actie.deadline && ` · Deadline: ${formatDate(actie.deadline)}`}
                  {actie.overdue && <strong className="text-red-800"> (deadline verstreken)</strong>}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
