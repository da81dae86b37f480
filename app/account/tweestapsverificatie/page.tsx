import type { Metadata } from "next";
import QRCode from "qrcode";
import { SecondFactorCodeForm } from "@/components/auth/SecondFactorCodeForm";
import { TotpCodeForm } from "@/components/auth/TotpCodeForm";
import { requireSessionForMfaSetup } from "@/lib/auth/current";
import { mustUseSecondFactor } from "@/lib/auth/login";
import { pendingTotpSetup, unusedRecoveryCodeCount } from "@/lib/auth/second-factor";
import { formatSecretForDisplay } from "@/lib/auth/totp";
import { prisma } from "@/lib/db/client";
import { confirmTotpAction, enterSecondFactorAction, renewRecoveryCodesAction } from "./actions";

export const metadata: Metadata = { title: "Tweestapsverificatie", robots: { index: false, follow: false } };

export default async function SecondFactorPage() {
  const session = await requireSessionForMfaSetup();
  const setup = await pendingTotpSetup(prisma(), session.user);
  if (!setup && !session.mfaSatisfied) {
    // "Code invoeren": the factor is on, this session has not passed it yet (an OIDC login of a
    // beheerder, or of everyone with MFA_REQUIRED_FOR_ALL).
    return (
      <div className="max-w-2xl space-y-6">
        <h1 className="text-2xl font-bold">Tweestapsverificatie: code invoeren</h1>
        <p className="rounded border-l-4 border-brand-700 bg-brand-50 p-3">
          U bent ingelogd via uw organisatie. Voor uw account vraagt deze applicatie daarna ook haar eigen tweede factor. Vul de code uit uw authenticator-app
          in, of een van uw herstelcodes.
        </p>
        <SecondFactorCodeForm action={enterSecondFactorAction} />
      </div>
    );
  }
  if (session.method === "oidc" && session.mfaSatisfied && setup) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">Tweestapsverificatie</h1>
        <p>U logt in via uw eigen organisatie. De tweede factor regelt uw organisatie daar; in deze applicatie hoeft u niets in te stellen.</p>
      </div>
    );
  }

  if (!setup) {
    const remaining = await unusedRecoveryCodeCount(prisma(), session.user.id);
    return (
      <div className="max-w-2xl space-y-6">
        <h1 className="text-2xl font-bold">Tweestapsverificatie</h1>
        <p>Tweestapsverificatie staat aan voor uw account. U logt in met uw wachtwoord en een code uit uw authenticator-app.</p>
        <p>
          U heeft nog <strong>{remaining}</strong> ongebruikte herstelcode{remaining === 1 ? "" : "s"}.
        </p>
        <section aria-labelledby="vernieuwen-titel" className="space-y-3">
          <h2 id="vernieuwen-titel" className="text-xl font-semibold">
            Nieuwe herstelcodes maken
          </h2>
          <p>Uw oude herstelcodes werken daarna niet meer. Bevestig met een code uit uw app.</p>
          <TotpCodeForm action={renewRecoveryCodesAction} submitLabel="Nieuwe herstelcodes maken" failureTitle="Er zijn geen nieuwe herstelcodes gemaakt" />
        </section>
      </div>
    );
  }

  const required = mustUseSecondFactor({ totpEnabled: false }, session.user.grants);
  const qr = await QRCode.toString(setup.uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Tweestapsverificatie instellen</h1>
      {required && !session.mfaSatisfied && (
        <p className="rounded border-l-4 border-brand-700 bg-brand-50 p-3">
          Voor uw account is een tweede factor verplicht. Stel die nu in; daarna kunt u verder.
        </p>
      )}
      <ol className="list-decimal space-y-6 pl-6">
        <li>
          <p>Open een authenticator-app op uw telefoon (bijvoorbeeld die van Microsoft, Google of FreeOTP) en scan deze QR-code.</p>
          {/* The SVG is generated here from our own data; as an image it cannot run anything. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`}
            alt="QR-code om deze applicatie aan uw authenticator-app toe te voegen"
            width={200}
            height={200}
            className="mt-2 border border-slate-300"
          />
          <p className="mt-2">Kunt u niet scannen? Typ dan deze sleutel over:</p>
          <p className="mt-1 font-mono text-lg break-all" data-testid="totp-sleutel">
            {formatSecretForDisplay(setup.secret)}
          </p>
        </li>
        <li>
          <p className="mb-2">Vul de code in die de app nu laat zien.</p>
          <TotpCodeForm action={confirmTotpAction} submitLabel="Tweestapsverificatie aanzetten" failureTitle="Tweestapsverificatie staat nog niet aan" />
        </li>
      </ol>
    </div>
  );
}
