import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { RenameForm } from "@/components/beheer/RenameForm";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { getGemeente } from "@/lib/beheer/organisatie";
import { prisma } from "@/lib/db/client";
import { CoordinatorForm } from "@/components/gemeente/CoordinatorForm";
import { getCoordinatorChoice } from "@/lib/gemeente/team";
import { appointCoordinatorAction, renameGemeenteAction } from "../actions";

export const metadata: Metadata = { title: "Gemeente – Beheer" };

export default async function GemeenteBeheerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/beheer/gemeenten/${id}`);
  const gemeente = await getGemeente(prisma(), actor, id);
  if (!gemeente) notFound();
  const coordinator = await getCoordinatorChoice(prisma(), actor, gemeente.id);
  return (
    <div className="space-y-8">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/gemeenten", label: "Gemeenten" }, { label: gemeente.name }]} />
      <h1 className="text-2xl font-bold">Gemeente {gemeente.name}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Regio</dt>
        <dd>
          <Link href={`/beheer/regios/${gemeente.regio.id}`} className={linkClass}>
            {gemeente.regio.name}
          </Link>
        </dd>
        <dt className="font-semibold">Korte naam</dt>
        <dd>{gemeente.slug}</dd>
      </dl>
      <p>
        <Link href={`/beheer/gebruikers?gemeente=${gemeente.id}`} className={linkClass}>
          Gebruikers met een rol in {gemeente.name}
        </Link>
      </p>
      {coordinator && (
        <section aria-labelledby="coordinator-kiezen" className="space-y-3">
          <h2 id="coordinator-kiezen" className="text-xl font-semibold">
            Coördinator
          </h2>
          <CoordinatorForm
            gemeente={gemeente.name}
            coordinatorId={coordinator.coordinatorId}
            candidates={coordinator.candidates}
            action={appointCoordinatorAction.bind(null, gemeente.id)}
          />
        </section>
      )}
      <section aria-labelledby="naam-wijzigen" className="space-y-3">
        <h2 id="naam-wijzigen" className="text-xl font-semibold">
          Naam wijzigen
        </h2>
        <RenameForm kind="gemeente" currentName={gemeente.name} action={renameGemeenteAction.bind(null, gemeente.id)} />
      </section>
    </div>
  );
}
