import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { RenameForm } from "@/components/beheer/RenameForm";
import { secondaryButtonClass } from "@/components/ui/styles";
import { GemeenteTable } from "@/components/beheer/tables";
import { requireActor } from "@/lib/auth/current";
import { getRegio } from "@/lib/beheer/organisatie";
import { prisma } from "@/lib/db/client";
import { renameRegioAction } from "../actions";

export const metadata: Metadata = { title: "Regio – Beheer" };

export default async function RegioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/beheer/regios/${id}`);
  const regio = await getRegio(prisma(), actor, id);
  if (!regio) notFound();
  return (
    <div className="space-y-8">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/regios", label: "Regio's" }, { label: regio.name }]} />
      <h1 className="text-2xl font-bold">Regio {regio.name}</h1>
      <p>Korte naam voor het webadres: {regio.slug}</p>
      <section aria-labelledby="naam-wijzigen" className="space-y-3">
        <h2 id="naam-wijzigen" className="text-xl font-semibold">
          Naam wijzigen
        </h2>
        <RenameForm kind="regio" currentName={regio.name} action={renameRegioAction.bind(null, regio.id)} />
      </section>
      <section aria-labelledby="gemeenten-titel" className="space-y-3">
        <h2 id="gemeenten-titel" className="text-xl font-semibold">
          Gemeenten
        </h2>
        <p>
          <Link href={`/beheer/gemeenten/nieuw?regio=${regio.id}`} className={secondaryButtonClass}>
            Nieuwe gemeente in {regio.name}
          </Link>
        </p>
        {regio.gemeenten.length ? (
          <GemeenteTable caption={`Gemeenten in ${regio.name} (${regio.gemeenten.length})`} gemeenten={regio.gemeenten} />
        ) : (
          <p>Deze regio heeft nog geen gemeenten.</p>
        )}
      </section>
    </div>
  );
}
