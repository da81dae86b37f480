import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { GemeenteCreateForm } from "@/components/beheer/GemeenteCreateForm";
import { isBeheerder } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { listRegioOptions } from "@/lib/beheer/organisatie";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { createGemeenteAction } from "../actions";

export const metadata: Metadata = { title: "Nieuwe gemeente – Beheer" };

export default async function NieuweGemeentePage({ searchParams }: { searchParams: Promise<{ regio?: string | string[] }> }) {
  const actor = await requireActor("/beheer/gemeenten/nieuw");
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma(), actor, { type: "Beheer", byRole: true }, "gemeente aanmaken");
    notFound();
  }
  const { regio } = await searchParams;
  const regios = await listRegioOptions(prisma(), actor);
  const defaultRegioId = regios.find((option) => option.id === regio)?.id;
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/gemeenten", label: "Gemeenten" }, { label: "Nieuwe gemeente" }]} />
      <h1 className="text-2xl font-bold">Nieuwe gemeente</h1>
      <GemeenteCreateForm action={createGemeenteAction} regios={regios} defaultRegioId={defaultRegioId} />
    </div>
  );
}
