import type { Footnote, Requirement } from "@/lib/framework";

function FootnoteRefs({ footnotes }: { footnotes: readonly Footnote[] }) {
  if (footnotes.length === 0) return null;
  return <span className="text-sm text-slate-700"> (voetnoot {footnotes.map((footnote) => footnote.number).join(", ")})</span>;
}

/** The official text of one eis with its sub-items and footnotes, as in the kwaliteitskader. */
export function RequirementText({ requirement, headingLevel = 3 }: { requirement: Requirement; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const hasSubItems = requirement.onderdelen.some((onderdeel) => onderdeel.letter !== null);
  const footnotes = [
    ...new Map([...requirement.footnotes, ...requirement.onderdelen.flatMap((onderdeel) => onderdeel.footnotes)].map((f) => [f.number, f])).values(),
  ].sort((a, b) => a.number - b.number);
  return (
    <article aria-labelledby={`eis-${requirement.number}`} className="rounded border border-slate-300 p-4">
      <Heading id={`eis-${requirement.number}`} className="text-lg font-semibold">
        Eis {requirement.number}: {requirement.shortTitle}
      </Heading>
      <p className="mt-2">
        {requirement.text}
        <FootnoteRefs footnotes={requirement.footnotes} />
      </p>
      {hasSubItems && (
        <ol className="mt-2 list-none space-y-1 pl-4">
          {requirement.onderdelen.map((onderdeel) => (
            <li key={onderdeel.id}>
              <span className="font-semibold">{onderdeel.letter})</span> {onderdeel.text}
              <FootnoteRefs footnotes={onderdeel.footnotes} />
            </li>
          ))}
        </ol>
      )}
      {requirement.note && <p className="mt-2 text-slate-700 italic">{requirement.note.text}</p>}
      {footnotes.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-brand-700 underline">Voetnoten bij eis {requirement.number}</summary>
          <ul className="mt-2 space-y-1">
            {footnotes.map((footnote) => (
              <li key={footnote.number}>
                <span className="font-semibold">{footnote.number}.</span> {footnote.text}
                {footnote.links.map((link) => (
                  <span key={link}>
                    {" "}
                    <a href={link} className="text-brand-700 underline" rel="noreferrer">
                      {link}
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
