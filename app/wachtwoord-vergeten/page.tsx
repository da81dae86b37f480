import type { Metadata } from "next";
import Link from "next/link";
import { PasswordResetRequestForm } from "@/components/auth/PasswordResetRequestForm";
import { linkClass } from "@/components/ui/styles";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Wachtwoord vergeten" };

export default function WachtwoordVergetenPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Wachtwoord vergeten</h1>
      <p>
        Vul het e-mailadres van uw account in. Hoort er een account bij, dan sturen wij een e-mail met een link waarmee u een nieuw wachtwoord instelt. De link
        werkt één keer en 30 minuten lang. Als u een nieuw wachtwoord instelt, wordt u op alle apparaten uitgelogd.
      </p>
      <p>Logt u in via uw organisatie? Dan heeft u hier geen wachtwoord; u krijgt een e-mail die zegt hoe u inlogt.</p>
      <PasswordResetRequestForm action={requestPasswordResetAction} />
      <p>
        <Link href="/login" className={linkClass}>
          Terug naar inloggen
        </Link>
      </p>
    </div>
  );
}
