import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GoedeVoorbeelden } from "@/components/leernetwerk/GoedeVoorbeelden";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { getVoorbeeldenVoorScan } from "@/lib/leernetwerk/queries";

export const metadata: Metadata = { title: "Goede voorbeelden uit de regio" };

export default async function VoorbeeldenPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/zelfscans/${id}/voorbeelden`);
  const data = await getVoorbeeldenVoorScan(prisma(), actor, id);
  if (!data) notFound();
  const { scan, gaten } = data;
  const withExamples = gaten.filter((gat) => gat.voorbeelden.length > 0);
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/zelfscans/${scan.id}`} className={linkClass}>
          Zelfscan {scan.gemeente.name} – {scan.meetronde.name}
        </Link>
        {" · "}
        <Link href={`/zelfscans/${scan.id}/rapport`} className={linkClass}>
          Rapport
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Goede voorbeelden uit de regio – {scan.gemeente.name}</h1>
      <p className="max-w-prose">
        Bij elk onderdeel waarop deze zelfscan onder het doelniveau zit: de gemeenten van de regio die er in hun ingediende zelfscan van {scan.meetronde.name} 3
        op scoren en hun voorbeelden delen, met hun toelichting en documenten. Gemeenten die niet delen staan hier niet.
      </p>
      <p role="status">
        {gaten.length === 0
          ? "Deze zelfscan zit op geen enkel beantwoord onderdeel onder het doelniveau."
          : `${gaten.length} ${gaten.length === 1 ? "onderdeel" : "onderdelen"} onder het doelniveau, waarvan ${withExamples.length} met gedeelde goede voorbeelden.`}
      </p>
      <ol className="space-y-8" aria-label="Onderdelen onder het doelniveau">
        {gaten.map((gat) => (
          <li key={gat.onderdeel.id} className="space-y-2" data-onderdeel={gat.onderdeel.id}>
            <h2 className="text-lg font-semibold">
              Onderdeel {gat.onderdeel.id}: {gat.onderdeel.shortTitle}
            </h2>
            <p>
              Uw score: {gat.weetIkNiet ? "Weet ik niet (telt als 0)" : gat.value}, doel: {gat.doelniveau}.
            </p>
            <details>
              <summary className="cursor-pointer text-brand-700 underline underline-offset-4">Tekst van onderdeel {gat.onderdeel.id}</summary>
              <p className="mt-1">{gat.onderdeel.text}</p>
            </details>
            <GoedeVoorbeelden onderdeelId={gat.onderdeel.id} voorbeelden={gat.voorbeelden} headingLevel={3} />
          </li>
        ))}
      </ol>
    </div>
  );
}
