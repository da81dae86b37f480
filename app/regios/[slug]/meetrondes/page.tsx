import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormActionButton } from "@/components/regio/FormActionButton";
import { MeetrondeForm } from "@/components/regio/MeetrondeForm";
import { RegioNav } from "@/components/regio/RegioNav";
import { MeetrondeVoortgang } from "@/components/regio/MeetrondeVoortgang";
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
      {overview.meetrondes.map((meetronde) => {
        const counts = {
          ingediend: meetronde.gemeenten.filter((gemeente) => gemeente.scan?.status === "INGEDIEND").length,
          nietGestart: meetronde.gemeenten.filter((gemeente) => !gemeente.scan).length,
        };
        return (
          <section key={meetronde.id} aria-labelledby={`ronde-${meetronde.id}`} className="space-y-3">
            <h2 id={`ronde-${meetronde.id}`} className="text-xl font-semibold">
              {meetronde.name}
            </h2>
            <p>
              Status: <strong>{MEETRONDE_STATUS_LABEL[meetronde.status]}</strong>. Deadline: {formatDate(meetronde.deadline)}. {counts.ingediend} van{" "}
              {meetronde.gemeenten.length} gemeenten hebben ingediend, {counts.nietGestart} zijn niet gestart.
            </p>
            <div className="flex flex-wrap gap-3">
              {meetronde.status !== "OPEN" && (
                <FormActionButton
                  action={changeMeetrondeStatusAction}
                  fields={{ meetrondeId: meetronde.id, wijziging: "open" }}
                  label={meetronde.status === "GESLOTEN" ? `${meetronde.name} heropenen` : `${meetronde.name} openen`}
                  pendingLabel="Bezig…"
                  doneMessage="De meetronde is open."
                />
              )}
              {meetronde.status === "OPEN" && (
                <FormActionButton
                  action={changeMeetrondeStatusAction}
                  fields={{ meetrondeId: meetronde.id, wijziging: "sluit" }}
                  label={`${meetronde.name} sluiten`}
                  pendingLabel="Bezig…"
                  doneMessage="De meetronde is gesloten."
                  variant="danger"
                />
              )}
            </div>
            <ul className="flex flex-wrap gap-x-5 gap-y-1">
              <li>
                <Link href={`/regios/${slug}/meetrondes/${meetronde.id}/heatmap`} className={link}>
                  Heatmap {meetronde.name}
                </Link>
              </li>
              <li>
                <Link href={`/regios/${slug}/meetrondes/${meetronde.id}/knelpunten`} className={link}>
                  Gedeelde tekortkomingen {meetronde.name}
                </Link>
              </li>
              <li>
                <Link href={`/regios/${slug}/meetrondes/${meetronde.id}/prognose`} className={link}>
                  Prognose {meetronde.name}
                </Link>
              </li>
              <li>
                <Link href={`/regios/${slug}/meetrondes/${meetronde.id}/presentatie`} className={link}>
                  Presentatie {meetronde.name}
                </Link>
              </li>
            </ul>
            <table className="w-full border-collapse text-left">
              <caption className="mb-2 text-left font-semibold">Stand per gemeente in {meetronde.name}</caption>
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
                {meetronde.gemeenten.map((gemeente) => (
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
                      <MeetrondeVoortgang scan={gemeente.scan} />
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
