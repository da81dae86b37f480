import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormActionButton } from "@/components/regio/FormActionButton";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDate, formatDateTime } from "@/lib/shared/format";
import { listFrameworkVersionsForBeheer } from "@/lib/beheer/kaderversies";
import { loadFrameworkVersionAction } from "./actions";

export const metadata: Metadata = { title: "Kaderversies" };

export default async function KaderversiesPage() {
  const actor = await requireActor("/beheer/kaderversies");
  const versions = await listFrameworkVersionsForBeheer(prisma(), actor);
  if (!versions) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Versies van het kwaliteitskader</h1>
      <p>
        Versies in de map content/frameworks van de applicatie. Een geladen versie kan door projectleiders worden gekozen voor een nieuwe meetronde; een
        bestaande zelfscan houdt altijd de versie waarmee hij is begonnen.
      </p>
      <div role="region" aria-labelledby="versies-titel" tabIndex={0} className="relative max-w-full overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption id="versies-titel" className="mb-2 text-left font-semibold">
            Kaderversies
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-700">
              <th scope="col" className="py-2 pr-3">
                Versie
              </th>
              <th scope="col" className="py-2 pr-3">
                Titel
              </th>
              <th scope="col" className="py-2 pr-3">
                Onderdelen
              </th>
              <th scope="col" className="py-2 pr-3">
                Vastgesteld
              </th>
              <th scope="col" className="py-2 pr-3">
                Geladen
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version} className="border-b border-slate-300 align-top">
                <th scope="row" className="py-2 pr-3">
                  {version.version}
                </th>
                <td className="py-2 pr-3">{version.title}</td>
                <td className="py-2 pr-3">{version.onderdelen}</td>
                <td className="py-2 pr-3">{formatDate(version.adoptedOn)}</td>
                <td className="py-2 pr-3">
                  {version.loadedAt ? (
                    `Ja, op ${formatDateTime(version.loadedAt)}`
                  ) : (
                    <>
                      Nee{" "}
                      <FormActionButton
                        action={loadFrameworkVersionAction}
                        fields={{ version: version.version }}
                        label={`Versie ${version.version} laden`}
                        pendingLabel="Bezig met laden…"
                        doneMessage="De versie is geladen."
                      />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
