import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { linkClass } from "@/components/ui/styles";
import { getCurrentSession } from "@/lib/auth/current";
import { loginErrorMessage, safeReturnPath } from "@/lib/shared/auth/login-messages";
import { loginButtons } from "@/lib/auth/oidc";
import { prisma } from "@/lib/db/client";

export const metadata: Metadata = { title: "Inloggen" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  // An address may repeat a parameter (?error=a&error=b): only the first counts.
  const params = Object.fromEntries(Object.entries(await searchParams).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
  if (await getCurrentSession()) redirect(safeReturnPath(params.terug));
  const identityProviders = await loginButtons(prisma());
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Inloggen</h1>
      {params.uitgelogd && <p role="status">U bent uitgelogd.</p>}
      {params.verlopen && <p role="status">U bent automatisch uitgelogd omdat u een tijd niet actief was. Log opnieuw in om verder te gaan.</p>}
      {params.gekoppeld && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          Uw account is gekoppeld aan uw organisatie. Log nu in met de knop van uw organisatie.
        </p>
      )}
      <LoginForm returnTo={safeReturnPath(params.terug)} initialError={loginErrorMessage(params.error)} identityProviders={identityProviders} />
      <p>
        <Link href="/wachtwoord-vergeten" className={linkClass}>
          Wachtwoord vergeten?
        </Link>
      </p>
    </div>
  );
}
