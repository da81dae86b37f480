import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrognoseGemeente, PrognoseGemiddeld, PrognoseOverzicht } from "@/components/regio/PrognoseTables";
import { RegioNav } from "@/components/regio/RegioNav";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { getRegioPrognose } from "@/lib/regio/analysis";
import { regioPrognose } from "@/lib/regio/prognose";
import { PROJECTION_RULE } from "@/lib/shared/verbeterplan/doelscore";

export const metadata: Metadata = { title: "Prognose" };

const link = "text-brand-700 underline underline-offset-4";

export default async function PrognosePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const actor = await requireActor(`/regios/${slug}/meetrondes/${id}/prognose`);
  const data = await getRegioPrognose(prisma(), actor, { slug, meetrondeId: id });
  if (!data) notFound();
  const { framework, meetronde, regio } = data;
  const prognose = regioPrognose(framework, data.scans);
  const eisen = framework.requirements.map(({ number, shortTitle }) => ({ number, shortTitle }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        Prognose {meetronde.name} – regio {regio.name}
      </h1>
      <RegioNav slug={slug} current="meetrondes" />
      <p>
        Per gemeente de huidige score, de verwachte score als de verbeteracties van die gemeente klaar zijn, en het doelniveau, op de schaal 0 tot{" "}
        {framework.scale.max}. {PROJECTION_RULE}
      </p>
      <PrognoseOverzicht prognose={prognose} meetronde={meetronde.name} max={framework.scale.max} />
      <PrognoseGemiddeld prognose={prognose} eisen={eisen} />
      <section aria-labelledby="per-gemeente" className="space-y-4">
        <h2 id="per-gemeente" className="text-xl font-semibold">
          Per gemeente en eis
        </h2>
        {prognose.rows.map((row) => (
          <PrognoseGemeente key={row.gemeente.id} row={row} eisen={eisen} headingId={`gemeente-${row.gemeente.slug}`} />
        ))}
      </section>
      <p className="flex flex-wrap gap-x-5 gap-y-1">
        <Link href={`/regios/${slug}/meetrondes/${id}/heatmap`} className={link}>
          Heatmap {meetronde.name}
        </Link>
        <Link href={`/regios/${slug}/meetrondes/${id}/knelpunten`} className={link}>
          Gedeelde tekortkomingen {meetronde.name}
        </Link>
      </p>
    </div>
  );
}
