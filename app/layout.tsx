import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SessionTimeout } from "@/components/auth/SessionTimeout";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader, type NavItem } from "@/components/layout/SiteHeader";
import { MeldingProvider } from "@/components/ui/Melding";
import { RequestReferenceProvider } from "@/components/ui/RequestReference";
import { isBeheerder, isLandelijk, leaderRegioIds } from "@/lib/access/grants";
import { currentActor, getCurrentSession } from "@/lib/auth/current";
import { takenLinkLabel } from "@/lib/shared/taken/groups";
import { mijnTakenOfThisRequest } from "@/lib/taken/queries";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Zelfscan Werken aan Veiligheid", template: "%s | Zelfscan Werken aan Veiligheid" },
  description: "Gemeenten toetsen hoe hun lokale (wijk)teams zijn toegerust op de aanpak van huiselijk geweld en kindermishandeling en maken een verbeterplan.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  // server.mjs's id of this request, for the error page's reference.
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  // The header only shows navigation; every page checks access itself.
  const session = await getCurrentSession();
  const signedIn = session?.mfaSatisfied ? session : null;
  const actor = signedIn ? await currentActor() : null;
  const taken = actor ? ((await mijnTakenOfThisRequest())?.count ?? 0) : 0;
  const nav: NavItem[] = [
    ...(signedIn ? [{ href: "/", label: "Mijn overzicht" }] : []),
    ...(actor ? [{ href: "/taken", label: "Mijn taken", badge: { shown: String(taken), spoken: takenLinkLabel(taken).slice("Mijn taken".length) } }] : []),
    ...(signedIn && isLandelijk(signedIn.user) ? [{ href: "/landelijk", label: "Landelijk overzicht" }] : []),
    ...(signedIn && (isBeheerder(signedIn.user) || leaderRegioIds(signedIn.user).length > 0) ? [{ href: "/beheer", label: "Beheer" }] : []),
    { href: "/kwaliteitskader", label: "Kwaliteitskader" },
    ...(signedIn ? [{ href: "/account", label: "Mijn account" }] : []),
    ...(signedIn?.method === "password" ? [{ href: "/account/tweestapsverificatie", label: "Tweestapsverificatie" }] : []),
    ...(signedIn ? [{ href: "/account/koppelingen", label: "Koppelingen" }] : []),
  ];
  return (
    <html lang="nl">
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900">
        <a
          href="#inhoud"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:p-2 focus:text-slate-900"
        >
          Direct naar de inhoud
        </a>
        <SiteHeader userName={session?.user.name ?? null} nav={nav} />
        {session && <SessionTimeout key={session.sessionId} initialExpiresAt={session.idleExpiresAt.toISOString()} />}
        <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          <RequestReferenceProvider requestId={requestId}>
            <MeldingProvider>{children}</MeldingProvider>
          </RequestReferenceProvider>
        </main>
        <SiteFooter frameworkLabel={`${framework.publisher}-kwaliteitskader "${framework.title}" (versie ${framework.version})`} />
      </body>
    </html>
  );
}
