import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { linkClass } from "@/components/ui/styles";
import { getOwnAccount } from "@/lib/auth/account";
import { getCurrentSession, requireActor } from "@/lib/auth/current";
import { PASSWORD_POLICY_TEXT } from "@/lib/shared/auth/password-rules";
import { prisma } from "@/lib/db/client";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Mijn account", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const actor = await requireActor("/account");
  const session = await getCurrentSession();
  const account = await getOwnAccount(prisma(), actor);
  if (!account) return null;
  return (
    <div className="max-w-2xl space-y-8">
      <h1 className="text-2xl font-bold">Mijn account</h1>
      <dl className="grid grid-cols-1 gap-x-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Naam</dt>
        <dd>{account.name}</dd>
        <dt className="font-semibold">E-mailadres</dt>
        <dd className="break-all">{account.email}</dd>
      </dl>

      <section aria-labelledby="wachtwoord-titel" className="space-y-4">
        <h2 id="wachtwoord-titel" className="text-xl font-semibold">
          Wachtwoord wijzigen
        </h2>
        {account.hasPassword ? (
          <>
            <div className="rounded border border-slate-300 bg-slate-50 p-4">
              <p className="font-semibold">Waar uw nieuwe wachtwoord aan moet voldoen</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {PASSWORD_POLICY_TEXT.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p className="mt-2">Na het wijzigen bent u uitgelogd op al uw andere apparaten en browsers; hier blijft u ingelogd.</p>
            </div>
            <ChangePasswordForm email={account.email} action={changePasswordAction} />
          </>
        ) : (
          <p>U logt in via uw eigen organisatie en heeft in deze applicatie geen wachtwoord. Uw wachtwoord wijzigt u bij uw organisatie.</p>
        )}
      </section>

      <section aria-labelledby="berichten-titel" className="space-y-3">
        <h2 id="berichten-titel" className="text-xl font-semibold">
          Berichten
        </h2>
        <p>
          <Link href="/account/berichten" className={linkClass}>
            Kies welke e-mail u ontvangt
          </Link>{" "}
          (direct, in een dagelijkse samenvatting of niet)
        </p>
      </section>

      <section aria-labelledby="inloggen-titel" className="space-y-3">
        <h2 id="inloggen-titel" className="text-xl font-semibold">
          Inloggen
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          {session?.method === "oidc" && <li>U logt in via uw eigen organisatie; de tweede factor regelt uw organisatie daar.</li>}
          {session?.method === "password" && (
            <li>
              <Link href="/account/tweestapsverificatie" className={linkClass}>
                Tweestapsverificatie
              </Link>{" "}
              ({account.totpEnabled ? "staat aan" : "staat uit"})
            </li>
          )}
          <li>
            <Link href="/account/koppelingen" className={linkClass}>
              Koppelingen
            </Link>{" "}
            (inloggen via het account van uw eigen organisatie)
          </li>
        </ul>
      </section>
    </div>
  );
}
