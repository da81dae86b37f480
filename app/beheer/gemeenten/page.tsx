import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { primaryButtonClass } from "@/components/ui/styles";
import { GemeenteTable } from "@/components/beheer/tables";
import { requireActor } from "@/lib/auth/current";
import { listGemeenten } from "@/lib/beheer/organisatie";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Gemeenten – Beheer" };

export default async function GemeentenPage() {
  const actor = await requireActor("/beheer/gemeenten");
  const gemeenten = await listGemeenten(prisma(), actor);
  if (!gemeenten) notFound();
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { label: "Gemeenten" }]} />
      <h1 className="text-2xl font-bold">Gemeenten</h1>
      <p>
        <Link href="/beheer/gemeenten/nieuw" className={primaryButtonClass}>
          Nieuwe gemeente
        </Link>
      </p>
      <GemeenteTable caption={`Gemeenten (${gemeenten.length})`} gemeenten={gemeenten} />
    </div>
  );
}
