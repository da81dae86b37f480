import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { primaryButtonClass } from "@/components/ui/styles";
import { RegioTable } from "@/components/beheer/tables";
import { requireActor } from "@/lib/auth/current";
import { listRegios } from "@/lib/beheer/organisatie";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Regio's – Beheer" };

export default async function RegiosPage() {
  const actor = await requireActor("/beheer/regios");
  const regios = await listRegios(prisma(), actor);
  if (!regios) notFound();
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Regio's" }]} />
      <h1 className="text-2xl font-bold">Regio&apos;s</h1>
      <p>
        <Link href="/beheer/regios/nieuw" className={primaryButtonClass}>
          Nieuwe regio
        </Link>
      </p>
      <RegioTable regios={regios} />
    </div>
  );
}
