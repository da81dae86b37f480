import type { Framework } from "@/lib/framework";
import type { ItemVerdeling, Spreiding, Verdeling } from "@/lib/landelijk/verdeling";
import { formatScore } from "@/lib/shared/format";
import { formatBereik, onderdruktTekst } from "@/lib/shared/landelijk/weergave";

const cellClass = "border border-slate-400 px-2 py-1 align-top";
const numberClass = `${cellClass} text-right tabular-nums`;

/** The cells n, mediaan, Q1–Q3, min–max of one figure; suppressed: one cell across them that says so. */
function SpreidingCellen({ spreiding, minGemeenten, extraKolommen = 0 }: { spreiding: Spreiding; minGemeenten: number; extraKolommen?: number }) {
  if (spreiding.onderdrukt) {
    return (
      <td colSpan={4 + extraKolommen} className={`${cellClass} italic`}>
        {onderdruktTekst(minGemeenten)}
      </td>
    );
  }
  return (
    <>
      <td className={numberClass}>{spreiding.n}</td>
      <td className={numberClass}>{formatScore(spreiding.mediaan)}</td>
      <td className={numberClass}>{formatBereik(spreiding.q1, spreiding.q3)}</td>
      <td className={numberClass}>{formatBereik(spreiding.min, spreiding.max)}</td>
    </>
  );
}

function SpreidingKoppen() {
  return (
    <>
      <th scope="col" className={cellClass}>
        Aantal gemeenten
      </th>
      <th scope="col" className={cellClass}>
        Mediaan
      </th>
      <th scope="col" className={cellClass}>
        Middelste helft (Q1–Q3)
      </th>
      <th scope="col" className={cellClass}>
        Laagste–hoogste
      </th>
    </>
  );
}

/** A table that scrolls on its own on a narrow screen, reachable by keyboard. */
function Scrollbaar({ captionId, children }: { captionId: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="relative max-w-full overflow-x-auto">
      {children}
    </div>
  );
}

/** Per eis: n, median, quartiles and range of the gemeenten's mean over the eis' onderdelen. */
export function EisVerdelingTabel({
  id,
  framework,
  verdeling,
  titel,
  minGemeenten,
}: {
  id: string;
  framework: Framework;
  verdeling: Verdeling;
  titel: string;
  minGemeenten: number;
}) {
  const captionId = `${id}-caption`;
  return (
    <Scrollbaar captionId={captionId}>
      <table className="border-collapse text-left text-sm [overflow-wrap:normal]">
        <caption id={captionId} className="mb-2 text-left font-semibold">
          Verdeling per eis, {titel} (score 0 tot {framework.scale.max})
        </caption>
        <thead>
          <tr>
            <th scope="col" className={cellClass}>
              Eis
            </th>
            <SpreidingKoppen />
          </tr>
        </thead>
        <tbody>
          {framework.requirements.map((requirement) => (
            <tr key={requirement.number}>
              <th scope="row" className={`${cellClass} font-normal`}>
                <span className="font-semibold">Eis {requirement.number}</span> {requirement.shortTitle}
              </th>
              <SpreidingCellen spreiding={verdeling.eisen[requirement.number] ?? { onderdrukt: true }} minGemeenten={minGemeenten} />
            </tr>
          ))}
        </tbody>
      </table>
    </Scrollbaar>
  );
}

type Aantallen = Extract<ItemVerdeling, { onderdrukt: false }>["aantallen"];

const SEGMENTEN: { key: keyof Aantallen; kort: string; className: string }[] = [
  { key: 0, kort: "0", className: "bg-white text-slate-900" },
  { key: 1, kort: "1", className: "bg-slate-300 text-slate-900" },
  { key: 2, kort: "2", className: "bg-slate-500 text-white" },
  { key: 3, kort: "3", className: "bg-brand-800 text-white" },
  { key: "weetIkNiet", kort: "?", className: "bg-[repeating-linear-gradient(45deg,#fff_0_4px,#cbd5e1_4px_8px)] text-slate-900" },
];

/**
 * The counts per score as one stacked bar. Every part carries its score as text (colour is not the
 * only cue) and the bar is named with all counts; the cells before it hold the same numbers.
 */
function ScoreBalk({ aantallen, framework }: { aantallen: Aantallen; framework: Framework }) {
  const totaal = SEGMENTEN.reduce((sum, segment) => sum + aantallen[segment.key], 0);
  const label = (key: keyof Aantallen) => (key === "weetIkNiet" ? framework.scale.weetIkNiet.label.toLowerCase() : `score ${key}`);
  const naam = `Verdeling: ${SEGMENTEN.map((segment) => `${label(segment.key)} ${aantallen[segment.key]}`).join(", ")}`;
  return (
    <div role="img" aria-label={naam} className="flex h-6 w-40 overflow-hidden rounded border border-slate-700">
      {totaal > 0 &&
        SEGMENTEN.filter((segment) => aantallen[segment.key] > 0).map((segment) => (
          <span
            key={segment.key}
            aria-hidden="true"
            className={`flex items-center justify-center border-r border-slate-700 text-xs font-semibold last:border-r-0 ${segment.className}`}
            style={{ width: `${(aantallen[segment.key] / totaal) * 100}%` }}
          >
            {segment.kort}
          </span>
        ))}
    </div>
  );
}

/** Per onderdeel: the spread and the number of gemeenten per score, with score 3 ("doet dit goed") named. */
export function OnderdeelVerdelingTabel({
  id,
  framework,
  verdeling,
  titel,
  minGemeenten,
}: {
  id: string;
  framework: Framework;
  verdeling: Verdeling;
  titel: string;
  minGemeenten: number;
}) {
  const captionId = `${id}-caption`;
  const max = framework.scale.max;
  return (
    <Scrollbaar captionId={captionId}>
      <table className="border-collapse text-left text-sm [overflow-wrap:normal]">
        <caption id={captionId} className="mb-2 text-left font-semibold">
          Verdeling per onderdeel, {titel}: spreiding en aantal gemeenten per score
        </caption>
        <thead>
          <tr>
            <th scope="col" className={cellClass}>
              Onderdeel
            </th>
            <SpreidingKoppen />
            {framework.scale.levels
              .filter((level) => level.value < max)
              .map((level) => (
                <th key={level.value} scope="col" className={cellClass}>
                  Score {level.value} <span className="font-normal">({level.label.toLowerCase()})</span>
                </th>
              ))}
            <th scope="col" className={cellClass}>
              Aantal gemeenten dat dit goed doet (score {max})
            </th>
            <th scope="col" className={cellClass}>
              {framework.scale.weetIkNiet.label}
            </th>
            <th scope="col" className={cellClass}>
              Verdeling als balk
            </th>
          </tr>
        </thead>
        <tbody>
          {framework.onderdelen.map((onderdeel) => {
            const item = verdeling.onderdelen[onderdeel.id] ?? { onderdrukt: true };
            return (
              <tr key={onderdeel.id}>
                <th scope="row" className={`${cellClass} font-normal`}>
                  <span className="font-semibold">{onderdeel.id}</span> {onderdeel.shortTitle}
                </th>
                {item.onderdrukt ? (
                  <SpreidingCellen spreiding={item} minGemeenten={minGemeenten} extraKolommen={framework.scale.levels.length + 2} />
                ) : (
                  <>
                    <SpreidingCellen spreiding={item} minGemeenten={minGemeenten} />
                    {framework.scale.levels.map((level) => (
                      <td key={level.value} className={numberClass}>
                        {item.aantallen[level.value as 0 | 1 | 2 | 3]}
                      </td>
                    ))}
                    <td className={numberClass}>{item.aantallen.weetIkNiet}</td>
                    <td className={cellClass}>
                      <ScoreBalk aantallen={item.aantallen} framework={framework} />
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Scrollbaar>
  );
}

/** Per region: how many gemeenten count and the median per eis; a suppressed region says so. */
export function RegioOverzichtTabel({
  id,
  framework,
  regios,
  titel,
  minGemeenten,
}: {
  id: string;
  framework: Framework;
  regios: { regio: { name: string; slug: string }; verdeling: Verdeling }[];
  titel: string;
  minGemeenten: number;
}) {
  const captionId = `${id}-caption`;
  return (
    <Scrollbaar captionId={captionId}>
      <table className="border-collapse text-left text-sm [overflow-wrap:normal]">
        <caption id={captionId} className="mb-2 text-left font-semibold">
          Mediaan per eis per regio, {titel}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={cellClass}>
              Regio
            </th>
            <th scope="col" className={cellClass}>
              Aantal gemeenten
            </th>
            {framework.requirements.map((requirement) => (
              <th key={requirement.number} scope="col" className={cellClass}>
                Eis {requirement.number}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {regios.map(({ regio, verdeling }) => (
            <tr key={regio.slug}>
              <th scope="row" className={cellClass}>
                {regio.name}
              </th>
              {verdeling.n === null ? (
                <td colSpan={1 + framework.requirements.length} className={`${cellClass} italic`}>
                  {onderdruktTekst(minGemeenten)}
                </td>
              ) : (
                <>
                  <td className={numberClass}>{verdeling.n}</td>
                  {framework.requirements.map((requirement) => {
                    const eis = verdeling.eisen[requirement.number];
                    return (
                      <td key={requirement.number} className={eis && !eis.onderdrukt ? numberClass : `${cellClass} italic`}>
                        {eis && !eis.onderdrukt ? formatScore(eis.mediaan) : onderdruktTekst(minGemeenten)}
                      </td>
                    );
                  })}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Scrollbaar>
  );
}
