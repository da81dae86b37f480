import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { RegioCreateForm } from "@/components/beheer/RegioCreateForm";
import { isBeheerder } from "@/lib/access/grants";
import { auditRefusal } from "@/lib/access/refusal";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { createRegioAction } from "../actions";

export const metadata: Metadata = { title: "Nieuwe regio – Beheer" };

export default async function NieuweRegioPage() {
  const actor = await requireActor("/beheer/regios/nieuw");
  if (!isBeheerder(actor)) {
    await auditRefusal(prisma(), actor, { type: "Beheer", byRole: true }, "regio aanmaken");
    notFound();
  }
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: "/beheer", label: "Beheer" }, { href: "/beheer/regios", label: "Regio's" }, { label: "Nieuwe regio" }]} />
      <h1 className="text-2xl font-bold">Nieuwe regio</h1>
      <RegioCreateForm action={createRegioAction} />
    </div>
  );
}
