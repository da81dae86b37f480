import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { getCurrentSession } from "@/lib/auth/current";
import { loginErrorMessage, safeReturnPath } from "@/lib/auth/login-messages";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Inloggen" };

type SearchParams = Promise<{ terug?: string; error?: string; uitgelogd?: string; verlopen?: string }>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  if (await getCurrentSession()) redirect(safeReturnPath(params.terug));
  const settings = env();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Inloggen</h1>
      {params.uitgelogd && <p role="status">U bent uitgelogd.</p>}
      {params.verlopen && (
        <p role="status">U bent automatisch uitgelogd omdat u een tijd niet actief was. Log opnieuw in om verder te gaan.</p>
      )}
      <LoginForm
        returnTo={params.terug}
        initialError={loginErrorMessage(params.error)}
        oidcLabel={settings.OIDC_ISSUER ? settings.OIDC_LABEL : null}
      />
    </div>
  );
}
