import { formatDate } from "@/lib/shared/format";
import { actieStatusLabel } from "@/lib/shared/verbeterplan/labels";

export type RegionaleActieView = { id: string; title: string; onderdeelIds: string[]; status: string; deadline: Date | null; accent: string };

/** The actions of the regional plan that concern one gemeente, with its local accent. */
export function RegionaleActiesVoorGemeente({ gemeente, acties, headingLevel = 2 }: { gemeente: string; acties: RegionaleActieView[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="regionale-acties" className="space-y-3">
      <Heading id="regionale-acties" className="text-xl font-semibold">
        Regionale acties voor {gemeente}
      </Heading>
      {acties.length === 0 ? (
        <p>Er zijn geen acties uit het regionale uitvoeringsplan die voor {gemeente} gelden.</p>
      ) : (
        <ul className="space-y-2">
          {acties.map((actie) => (
            <li key={actie.id} className="rounded border border-slate-300 p-3">
              <p className="font-semibold">{actie.title}</p>
              <p className="text-sm">
                Onderdelen {actie.onderdeelIds.join(", ")}; {actieStatusLabel(actie.status)}
                {actie.deadline ? `; deadline ${formatDate(actie.deadline)}` : ""}
              </p>
              {actie.accent && <p className="whitespace-pre-line">Lokaal accent: {actie.accent}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
