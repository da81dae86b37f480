import type { Metadata } from "next";
import Link from "next/link";
import { LinkProviderButton } from "@/components/auth/LinkProviderButton";
import { SetPasswordForm } from "@/components/beheer/SetPasswordForm";
import { linkClass } from "@/components/ui/styles";
import { invitationProviders } from "@/lib/auth/oidc";
import { PASSWORD_POLICY_TEXT } from "@/lib/shared/auth/password-rules";
import { describeAccountLink } from "@/lib/beheer/account-links";
import { prisma } from "@/lib/db/client";
import { formatDateTime } from "@/lib/shared/format";
import { setPasswordAction, startInvitationLinkAction } from "./actions";

// The token is in the address: never send it on to another site, never cache the page.
export const metadata: Metadata = { title: "Wachtwoord instellen", referrer: "no-referrer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function AccountLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeAccountLink(prisma(), token);

  if (link.status !== "geldig") {
    const text = {
      gebruikt: "Deze link is al gebruikt. Een link werkt maar één keer.",
      verlopen:
        "Deze link is verlopen of vervangen door een nieuwere link. Een uitnodiging is 72 uur geldig, een link om een nieuw wachtwoord in te stellen 30 minuten.",
      onbekend: "Deze link werkt niet. Controleer of u de hele link heeft gekopieerd.",
    }[link.status];
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">Deze link werkt niet meer</h1>
        <p>{text}</p>
        <p>
          Vraag zelf een nieuwe link aan met{" "}
          <Link href="/wachtwoord-vergeten" className={linkClass}>
            Wachtwoord vergeten?
          </Link>
          , of vraag uw regionaal projectleider of de beheerder om een nieuwe uitnodiging. Heeft u al een wachtwoord ingesteld, log dan gewoon in.
        </p>
        <p>
          <Link href="/login" className={linkClass}>
            Naar de inlogpagina
          </Link>
        </p>
      </div>
    );
  }

  const invitation = link.purpose === "UITNODIGING";
  const providers = invitation ? ((await invitationProviders(prisma(), token)) ?? []) : [];
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">{invitation ? "Welkom: stel uw wachtwoord in" : "Stel een nieuw wachtwoord in"}</h1>
      <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Uw e-mailadres</dt>
        <dd>{link.email}</dd>
        <dt className="font-semibold">Deze link is geldig tot</dt>
        <dd>{formatDateTime(link.expiresAt)}</dd>
      </dl>
      <section aria-labelledby="eisen-titel" className="rounded border border-slate-300 bg-slate-50 p-4">
        <h2 id="eisen-titel" className="font-semibold">
          Waar uw wachtwoord aan moet voldoen
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {PASSWORD_POLICY_TEXT.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {!invitation && <p className="mt-2">Als u een nieuw wachtwoord instelt, wordt u overal uitgelogd.</p>}
      </section>
      <SetPasswordForm email={link.email} resetting={!invitation} action={setPasswordAction.bind(null, token)} />
      {providers.length > 0 && (
        <section aria-labelledby="koppelen-titel" className="space-y-3 border-t border-slate-300 pt-4">
          <h2 id="koppelen-titel" className="text-xl font-semibold">
            Of koppel uw account aan uw organisatie
          </h2>
          <p>
            Dan logt u in via uw organisatie in plaats van met een wachtwoord. Deze link werkt daarna niet meer; een wachtwoord kunt u later nog laten
            instellen.
          </p>
          <ul className="space-y-3">
            {providers.map((provider) => (
              <li key={provider.id}>
                <LinkProviderButton label={provider.label} callbackUrl="/login" start={startInvitationLinkAction.bind(null, token, provider.id)} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
