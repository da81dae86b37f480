import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GapList, ProvisionalNotice, ScoreSummary, scoreKengetallen, UnknownList } from "@/components/verbeterplan/Rapport";
import { Benchmark } from "@/components/verbeterplan/Benchmark";
import { linkClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { formatDate } from "@/lib/shared/format";
import { getRapport } from "@/lib/verbeterplan/queries";

export const metadata: Metadata = { title: "Rapport" };

export default async function RapportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/zelfscans/${id}/rapport`);
  const data = await getRapport(prisma(), actor, id);
  if (!data) notFound();
  const { scan, framework, score } = data;
  const base = `/zelfscans/${scan.id}`;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="print:hidden">
          <Link href={base} className={linkClass}>
            Zelfscan {scan.gemeente.name} – {scan.meetronde.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          Rapport {scan.gemeente.name} – {scan.meetronde.name}
        </h1>
        <p>
          Getoetst aan “{framework.title}” ({framework.publisher}, versie {framework.version}). Stand van {formatDate(new Date())}.
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 print:hidden">
          <Link href={`${base}/verbeterplan`} className={linkClass}>
            Naar het verbeterplan
          </Link>
          <Link href={`${base}/voorbeelden`} className={linkClass}>
            Goede voorbeelden uit de regio
          </Link>
          <a href={`${base}/verbeterplan.pdf`} className={linkClass} download>
            Rapport en verbeterplan downloaden (pdf)
          </a>
        </p>
        <ProvisionalNotice score={score} />
      </header>

      <ScoreSummary score={score} projectie={data.projectie} kengetallen={scoreKengetallen(score)} />
      <Benchmark gemeente={scan.gemeente.name} regio={scan.gemeente.regio.name} score={score} benchmark={data.benchmark} />
      <GapList plan={data} />
      <UnknownList plan={data} />
    </div>
  );
}
