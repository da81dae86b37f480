import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegioNav } from "@/components/regio/RegioNav";
import { ScanStatus } from "@/components/zelfscan/ScanStatus";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDate } from "@/lib/shared/format";
import { getRegioOverview } from "@/lib/regio/queries";
import { MEETRONDE_STATUS_LABEL } from "@/lib/shared/zelfscan/status";

export const metadata: Metadata = { title: "Regio" };

export default async function RegioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireActor(`/regios/${slug}`);
  const overview = await getRegioOverview(prisma(), actor, slug);
  if (!overview) notFound();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Regio {overview.regio.name}</h1>
      <RegioNav slug={overview.regio.slug} current="overzicht" />
      {overview.meetrondes.map((meetronde) => (
        <table key={meetronde.id} className="w-full border-collapse text-left">
          <caption className="mb-2 text-left text-lg font-semibold">
            {meetronde.name} ({MEETRONDE_STATUS_LABEL[meetronde.status]}, deadline {formatDate(meetronde.deadline)})
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-700">
              <th scope="col" className="py-2 pr-4">
                Gemeente
              </th>
              <th scope="col" className="py-2 pr-4">
                Zelfscan
              </th>
            </tr>
          </thead>
          <tbody>
            {meetronde.gemeenten.map((gemeente) => (
              <tr key={gemeente.slug} className="border-b border-slate-300">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={`/gemeenten/${gemeente.slug}`} className="text-brand-700 underline underline-offset-4">
                    {gemeente.name}
                  </Link>
                </th>
                <td className="py-2 pr-4">
                  {gemeente.scan ? (
                    <Link href={`/zelfscans/${gemeente.scan.id}`} className="text-brand-700 underline underline-offset-4">
                      <ScanStatus scan={gemeente.scan} />
                    </Link>
                  ) : (
                    <ScanStatus scan={null} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
