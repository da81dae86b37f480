import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EisVerdelingTabel, OnderdeelVerdelingTabel, RegioOverzichtTabel } from "@/components/landelijk/VerdelingTabellen";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import type { Framework } from "@/lib/framework";
import { getLandelijkeVerdeling } from "@/lib/landelijk/queries";
import { MIN_GEMEENTEN, type Verdeling } from "@/lib/landelijk/verdeling";
import { jaarQuery, onderdruktTekst, parseLandelijkFilter } from "@/lib/shared/landelijk/weergave";

export const metadata: Metadata = { title: "Landelijk overzicht" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const link = "text-brand-700 underline underline-offset-4";
const selectClass = "mt-1 block rounded border border-slate-600 px-3 py-2 text-base";

export default async function LandelijkPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("/landelijk");
  const filter = parseLandelijkFilter(await searchParams);
  if (filter === false) notFound();
  const data = await getLandelijkeVerdeling(prisma(), actor, filter);
  // Refused (audited in the data layer), an unknown region or a year without submitted scans: not found.
  if (!data) notFound();
  if (filter.regio && !data.regio) notFound();
  if (filter.jaar !== undefined && !data.jaren.includes(filter.jaar)) notFound();

  const { jaar, framework } = data;
  const query = jaarQuery(jaar);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Landelijk overzicht</h1>
      <p className="max-w-prose">
        Hoe scoren de gemeenten op de eisen en onderdelen van het kwaliteitskader? Per jaar ziet u de spreiding van de ingediende zelfscans, voor het hele land
        en per regio. U ziet geen gemeenten: geen namen, geen scores van een gemeente, geen toelichtingen en geen documenten.
      </p>

      <section aria-labelledby="anoniem" className="max-w-prose space-y-2 rounded border border-slate-300 p-4">
        <h2 id="anoniem" className="text-xl font-semibold">
          Zo blijven gemeenten onherkenbaar
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Een cijfer dat op minder dan {MIN_GEMEENTEN} gemeenten berust, tonen wij niet: er staat dan &ldquo;{onderdruktTekst(MIN_GEMEENTEN)}&rdquo;. Hoeveel
            gemeenten het wel zijn, zeggen wij dan ook niet. Dat geldt op deze pagina en in elke download.
          </li>
          <li>
            Ook een regio met {MIN_GEMEENTEN} of meer gemeenten kan onderdrukt zijn. Anders zou u het landelijke cijfer min de getoonde regio&apos;s kunnen
            uitrekenen en zo toch iets te weten komen over minder dan {MIN_GEMEENTEN} gemeenten. Daarom verbergen wij dan ook de kleinste regio die wel getoond
            zou worden.
          </li>
          <li>
            Elke gemeente telt één keer per jaar mee: met haar ingediende zelfscan van de laatste meetronde in dat jaar. Zelfscans die nog niet zijn ingediend,
            tellen niet mee. Het jaar is het jaar waarin de meetronde begon.
          </li>
          <li>
            De score van een gemeente op een eis is het gemiddelde van haar beantwoorde onderdelen van die eis. &ldquo;{framework.scale.weetIkNiet.label}&rdquo;
            telt als score {framework.scale.weetIkNiet.countsAs}.
          </li>
        </ul>
      </section>

      {jaar === null ? (
        <p>Er zijn nog geen ingediende zelfscans. Zodra gemeenten hun zelfscan indienen, ziet u hier de cijfers.</p>
      ) : (
        <>
          <form method="get" action="/landelijk" className="flex flex-wrap items-end gap-4" aria-label="Kies jaar en regio">
            <div>
              <label htmlFor="jaar" className="block font-semibold">
                Jaar
              </label>
              <select id="jaar" name="jaar" defaultValue={String(jaar)} className={selectClass}>
                {data.jaren.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {candidate}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="regio" className="block font-semibold">
                Regio
              </label>
              <select id="regio" name="regio" defaultValue={data.regio?.slug ?? ""} className={selectClass}>
                <option value="">Alle regio&apos;s (landelijk)</option>
                {data.regios.map((regio) => (
                  <option key={regio.slug} value={regio.slug}>
                    {regio.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
              Tonen
            </button>
          </form>

          <section aria-labelledby="downloads" className="space-y-2">
            <h2 id="downloads" className="text-xl font-semibold">
              Downloaden ({jaar})
            </h2>
            <p>De downloads bevatten de landelijke cijfers en die van elke regio voor {jaar}, onderdrukt zoals op deze pagina.</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                <a href={`/landelijk/verdeling.csv${query}`} className={link}>
                  Verdeling {jaar} als CSV
                </a>
              </li>
              <li>
                <a href={`/landelijk/verdeling.xlsx${query}`} className={link}>
                  Verdeling {jaar} als Excel-bestand (xlsx)
                </a>
              </li>
              <li>
                <a href={`/landelijk/verdeling.json${query}`} className={link}>
                  Verdeling {jaar} als open data (JSON)
                </a>
              </li>
              <li>
                <a href="/landelijk/verdeling.schema.json" className={link}>
                  Beschrijving van de open data (JSON Schema)
                </a>
              </li>
            </ul>
          </section>

          {data.regio ? (
            <Selectie
              id="regio-verdeling"
              kop={`Regio ${data.regio.name} in ${jaar}`}
              titel={`regio ${data.regio.name}, ${jaar}`}
              framework={framework}
              verdeling={data.perRegio[0]?.verdeling ?? { n: null, eisen: {}, onderdelen: {} }}
            />
          ) : (
            <>
              <Selectie id="landelijk" kop={`Landelijk in ${jaar}`} titel={`landelijk, ${jaar}`} framework={framework} verdeling={data.landelijk} />
              <section aria-labelledby="per-regio" className="space-y-3">
                <h2 id="per-regio" className="text-xl font-semibold">
                  Per regio in {jaar}
                </h2>
                <p className="max-w-prose">Kies hierboven een regio voor de cijfers per onderdeel van die regio.</p>
                <RegioOverzichtTabel id="regio-overzicht" framework={framework} regios={data.perRegio} titel={String(jaar)} minGemeenten={MIN_GEMEENTEN} />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}

function Selectie({ id, kop, titel, framework, verdeling }: { id: string; kop: string; titel: string; framework: Framework; verdeling: Verdeling }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-xl font-semibold">
        {kop}
      </h2>
      <p>
        {verdeling.n === null
          ? `Alle cijfers zijn ${onderdruktTekst(MIN_GEMEENTEN)}.`
          : `${verdeling.n} gemeenten met een ingediende zelfscan, gemeten met kaderversie ${framework.version}.`}
      </p>
      <EisVerdelingTabel id={`${id}-eisen`} framework={framework} verdeling={verdeling} titel={titel} minGemeenten={MIN_GEMEENTEN} />
      <h3 className="text-lg font-semibold">Per onderdeel</h3>
      <OnderdeelVerdelingTabel id={`${id}-onderdelen`} framework={framework} verdeling={verdeling} titel={titel} minGemeenten={MIN_GEMEENTEN} />
    </section>
  );
}
