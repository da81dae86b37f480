import type { Metadata } from "next";
import { MessagePreferencesForm } from "@/components/account/MessagePreferencesForm";
import { Breadcrumbs } from "@/components/beheer/Breadcrumbs";
import { requireActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { getOwnPreferences } from "@/lib/mail/preferences";
import { updatePreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Berichten – Mijn account", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function BerichtvoorkeurenPage() {
  const actor = await requireActor("/account/berichten");
  const preferences = await getOwnPreferences(prisma(), actor);
  return (
    <div className="max-w-2xl space-y-6">
      <Breadcrumbs items={[{ href: "/account", label: "Mijn account" }, { label: "Berichten" }]} />
      <h1 className="text-2xl font-bold">Berichten</h1>
      <p>
        Kies per soort bericht hoe u het per e-mail ontvangt: direct, in één samenvatting per dag (elke ochtend om half acht), of niet. Berichten over de
        beveiliging van uw account, zoals een uitnodiging, een link om uw wachtwoord opnieuw in te stellen of een melding dat uw wachtwoord, tweede factor of
        koppeling is gewijzigd, krijgt u altijd direct.
      </p>
      <MessagePreferencesForm preferences={preferences} action={updatePreferencesAction} />
    </div>
  );
}
