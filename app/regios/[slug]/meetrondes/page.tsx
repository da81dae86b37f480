import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormActionButton } from "@/components/regio/FormActionButton";
import { MeetrondeForm } from "@/components/regio/MeetrondeForm";
import { RegioNav } from "@/components/regio/RegioNav";
import { RondeVoortgang } from "@/components/regio/RondeVoortgang";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDate } from "@/lib/shared/format";
import { getRegioOverview, loadedFrameworkVersions } from "@/lib/regio/queries";
import { MEETRONDE_STATUS_LABEL } from "@/lib/shared/zelfscan/status";
import { changeMeetrondeStatusAction, createMeetrondeAction } from "../actions";

export const metadata: Metadata = { title: "Meetrondes" };

const link = "text-brand-700 underline underline-offset-4";

export default async function MeetrondesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor(`/regios/${slug}/meetrondes`);
  const overview = await getRegioOverview(prisma(), actor, slug);
  if (!overview) notFound();
  const versions = await loadedFrameworkVersions(prisma());
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Meetrondes van regio {overview.regio.name}</h1>
      <RegioNav slug={slug} current="meetrondes" />
      {overview.rondes.map((ronde) => {
        const counts = {
          ingediend: ronde.gemeenten.filter((gemeente) => gemeente.scan?.status === "INGEDIEND").length,
          nietGestart: ronde.gemeenten.filter((gemeente) => !gemeente.scan).length,
        };
        return (
          <section key={ronde.id} aria-labelledby={`ronde-${ronde.id}`} className="space-y-3">
            <h2 id={`ronde-${ronde.id}`} className="text-xl font-semibold">
              {ronde.name}
            </h2>
            <p>
              Status: <strong>{MEETRONDE_STATUS_LABEL[ronde.status]}</strong>. Deadline: {formatDate(ronde.deadline)}. {counts.ingediend} van{" "}
              {ronde.gemeenten.length} gemeenten hebben ingediend, {counts.nietGestart} zijn niet gestart.
            </p>
            <div className="flex flex-wrap gap-3">
              {ronde.status !== "OPEN" && (
                <FormActionButton
                  action={changeMeetrondeStatusAction}
                  fields={{ meetrondeId: ronde.id, wijziging: "open" }}
                  label={ronde.status === "GESLOTEN" ? `${ronde.name} heropenen` : `${ronde.name} openen`}
                  pendingLabel="Bezig…"
                  doneMessage="De meetronde is open."
                />
              )}
              {ronde.status === "OPEN" && (
                <FormActionButton
                  action={changeMeetrondeStatusAction}
                  fields={{ meetrondeId: ronde.id, wijziging: "sluit" }}
                  label={`${ronde.name} sluiten`}
                  pendingLabel="Bezig…"
                  doneMessage="De meetronde is gesloten."
                  variant="danger"
                />
              )}
            </div>
            <ul className="flex flex-wrap gap-x-5 gap-y-1">
              <li>
                <Link href={`/regios/${slug}/meetrondes/${ronde.id}/heatmap`} className={link}>
                  Heatmap {ronde.name}
                </Link>
              </li>
              <li>
                <Link href={`/regios/${slug}/meetrondes/${ronde.id}/knelpunten`} className={link}>
                  Gedeelde tekortkomingen {ronde.name}
                </Link>
              </li>
            </ul>
            <table className="w-full border-collapse text-left">
              <caption className="mb-2 text-left font-semibold">Stand per gemeente in {ronde.name}</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-2 pr-4">
                    Gemeente
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Stand
                  </th>
                </tr>
              </thead>
              <tbody>
                {ronde.gemeenten.map((gemeente) => (
                  <tr key={gemeente.slug} className="border-b border-slate-300">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      {gemeente.scan ? (
                        <Link href={`/zelfscans/${gemeente.scan.id}`} className={link}>
                          {gemeente.name}
                        </Link>
                      ) : (
                        gemeente.name
                      )}
                    </th>
                    <td className="py-2 pr-4">
                      <RondeVoortgang scan={gemeente.scan} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      <section aria-labelledby="nieuwe-ronde" className="space-y-3 border-t border-slate-300 pt-6">
        <h2 id="nieuwe-ronde" className="text-xl font-semibold">
          Nieuwe meetronde
        </h2>
        <p>Een nieuwe meetronde heeft de status gepland. Gemeenten kunnen pas een zelfscan starten als u de ronde opent.</p>
        <MeetrondeForm create={createMeetrondeAction.bind(null, slug)} versions={versions} />
      </section>
    </div>
  );
}
