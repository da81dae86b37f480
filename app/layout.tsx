import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Zelfscan Werken aan Veiligheid", template: "%s | Zelfscan Werken aan Veiligheid" },
  description:
    "Gemeenten toetsen hoe hun lokale (wijk)teams zijn toegerust op de aanpak van huiselijk geweld en kindermishandeling en maken een verbeterplan.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
  return (
    <html lang="nl">
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900">
        <a
          href="#inhoud"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2 focus:text-slate-900"
        >
          Direct naar de inhoud
        </a>
        <SiteHeader />
        <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter frameworkLabel={`${framework.publisher}-kwaliteitskader "${framework.title}" (versie ${framework.version})`} />
      </body>
    </html>
  );
}
