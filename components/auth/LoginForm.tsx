"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { lazyModule, lazyResolver } from "@/components/forms/lazy-resolver";
import { ErrorSummary, type SummaryError } from "@/components/ui/ErrorSummary";
import { loginErrorMessage, safeReturnPath } from "@/lib/shared/auth/login-messages";
import type { TLogin } from "@/lib/shared/auth/login-schema";

// The schema and zod load lazily (components/forms/lazy-resolver.ts).
const validation = lazyModule(() => import("./login-validation"));
const resolver = lazyResolver<TLogin, typeof import("./login-validation")>(validation, (loaded) => loaded.loginResolver);
// next-auth's client (about 10 kB gzip: it is compiled with a regenerator runtime) is needed only
// when the user signs in; it loads after the page has become usable, as the schema does.
const nextAuth = lazyModule(() => import("next-auth/react"));
const SIGN_IN_UNAVAILABLE = "Inloggen kon niet worden gestart. Controleer de verbinding en probeer het opnieuw.";

const inputClass = "mt-1 block w-full rounded border border-slate-600 px-3 py-2 text-base";

export function LoginForm({
  returnTo,
  initialError,
  identityProviders = [],
}: {
  returnTo?: string;
  initialError?: string | null;
  identityProviders?: { nextAuthId: string; label: string }[];
}) {
  const router = useRouter();
  const [askCode, setAskCode] = useState(false);
  const [serverError, setServerError] = useState<string | null>(initialError ?? null);
  // The identity provider whose login page the browser is being sent to.
  const [redirecting, setRedirecting] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TLogin>({
    resolver,
    defaultValues: { email: "", password: "", code: "" },
    // Focus goes to the error summary, which links to each field.
    shouldFocusError: false,
  });

  useEffect(() => {
    validation.preload();
    nextAuth.preload();
    // Back from the provider's page out of the browser's cache: the buttons work again.
    const restored = (event: PageTransitionEvent) => event.persisted && setRedirecting(null);
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  async function onSubmit(values: TLogin) {
    setServerError(null);
    const client = await nextAuth.load().catch(() => null);
    if (!client) {
      setServerError(SIGN_IN_UNAVAILABLE);
      return;
    }
    // signIn rejects when the server cannot be reached: the user is told so and can try again.
    const result = await client.signIn("credentials", { ...values, redirect: false }).catch(() => undefined);
    if (result === undefined) {
      setServerError(SIGN_IN_UNAVAILABLE);
      return;
    }
    if (!result || result.error) {
      if (result?.error === "code-required") setAskCode(true);
      setServerError(loginErrorMessage(result?.error ?? "invalid"));
      return;
    }
    router.replace(safeReturnPath(returnTo));
    router.refresh();
  }

  const summary: SummaryError[] = [
    ...(errors.email?.message ? [{ field: "email", message: errors.email.message }] : []),
    ...(errors.password?.message ? [{ field: "password", message: errors.password.message }] : []),
    ...(errors.root?.message ? [{ message: errors.root.message }] : []),
    ...(serverError ? [{ field: askCode ? "code" : undefined, message: serverError }] : []),
  ];

  return (
    <div className="space-y-6">
      <ErrorSummary key={submitCount} errors={summary} title="Inloggen is niet gelukt" />
      <form method="post" onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
        <div>
          <label htmlFor="email" className="block font-semibold">
            E-mailadres
          </label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            className={inputClass}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-fout" : undefined}
            {...register("email")}
          />
          {errors.email && (
            <p id="email-fout" className="mt-1 text-red-800">
              {errors.email.message}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="password" className="block font-semibold">
            Wachtwoord
          </label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            className={inputClass}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-fout" : undefined}
            {...register("password")}
          />
          {errors.password && (
            <p id="password-fout" className="mt-1 text-red-800">
              {errors.password.message}
            </p>
          )}
        </div>
        {askCode && (
          <div>
            <label htmlFor="code" className="block font-semibold">
              Code uit uw authenticator-app of een herstelcode
            </label>
            <input id="code" type="text" inputMode="text" autoComplete="one-time-code" className={inputClass} {...register("code")} />
          </div>
        )}
        <button
          type="submit"
          disabled={isSubmitting}
          className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {isSubmitting ? "Bezig met inloggen…" : "Inloggen"}
        </button>
      </form>
      {identityProviders.length > 0 && (
        <section aria-labelledby="organisatie-titel" className="space-y-3 border-t border-slate-300 pt-4">
          <h2 id="organisatie-titel" className="text-lg font-semibold">
            Of log in via uw organisatie
          </h2>
          <ul className="space-y-2">
            {identityProviders.map((provider) => (
              <li key={provider.nextAuthId}>
                <button
                  type="button"
                  disabled={redirecting !== null}
                  aria-busy={redirecting === provider.nextAuthId}
                  onClick={() => {
                    setServerError(null);
                    setRedirecting(provider.nextAuthId);
                    // On success the browser leaves for the provider; on failure the button works again.
                    nextAuth
                      .load()
                      .then((client) => client.signIn(provider.nextAuthId, { callbackUrl: safeReturnPath(returnTo) }))
                      .catch(() => {
                        setRedirecting(null);
                        setServerError(SIGN_IN_UNAVAILABLE);
                      });
                  }}
                  className="rounded border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800 disabled:opacity-70"
                >
                  {redirecting === provider.nextAuthId ? `${provider.label}: bezig met doorsturen…` : provider.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
