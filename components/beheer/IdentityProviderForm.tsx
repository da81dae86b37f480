"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/components/forms/zod-resolver";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { primaryButtonClass } from "@/components/ui/styles";
import {
  IDENTITY_PROVIDER_KIND_LABEL,
  IDENTITY_PROVIDER_KINDS,
  ZIdentityProviderCreateSchema,
  ZIdentityProviderEditSchema,
  type TIdentityProviderEdit,
} from "@/lib/shared/beheer/identity-provider-schema";
import type { Result } from "@/lib/shared/result";
import { SelectField, TextField } from "./fields";

const FIELDS = ["label", "kind", "issuer", "tenantId", "clientId", "clientSecret", "gemeenteIds", "regioIds", "mayBeheerders"] as const;

type Organisations = { regios: { id: string; name: string; gemeenten: { id: string; name: string }[] }[] };

/** New or edit: the secret field is always empty; on edit, empty keeps the stored secret. */
export function IdentityProviderForm({
  mode,
  action,
  organisations,
  defaults,
}: {
  mode: "nieuw" | "wijzigen";
  action: (values: TIdentityProviderEdit) => Promise<Result<{ href: string }>>;
  organisations: Organisations;
  defaults?: Omit<TIdentityProviderEdit, "clientSecret">;
}) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<TIdentityProviderEdit>({
    resolver: zodResolver(mode === "nieuw" ? ZIdentityProviderCreateSchema : ZIdentityProviderEditSchema),
    shouldFocusError: false,
    defaultValues: {
      label: "",
      kind: "OIDC",
      issuer: "",
      tenantId: "",
      clientId: "",
      gemeenteIds: [],
      regioIds: [],
      mayBeheerders: false,
      ...defaults,
      clientSecret: "",
    },
  });
  const feedback = useActionFeedback(setError, FIELDS);

  async function onSubmit(values: TIdentityProviderEdit) {
    feedback.begin();
    const result = await action(values);
    if (feedback.handle(result)) {
      setValue("clientSecret", "");
      router.push(result.data.href);
      router.refresh();
    }
  }

  const fieldsetError = (name: "gemeenteIds" | "regioIds") => errors[name]?.message as string | undefined;

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-5">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De identiteitsprovider is niet opgeslagen" />
      {feedback.done && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
          {feedback.done}
        </p>
      )}
      <TextField
        id="label"
        label="Tekst op de inlogknop"
        hint="Bijvoorbeeld: Inloggen met uw account van gemeente Delft"
        error={errors.label?.message}
        inputProps={{ ...register("label"), autoComplete: "off" }}
      />
      <SelectField
        id="kind"
        label="Soort provider"
        error={errors.kind?.message}
        options={IDENTITY_PROVIDER_KINDS.map((kind) => ({ value: kind, label: IDENTITY_PROVIDER_KIND_LABEL[kind] }))}
        selectProps={register("kind")}
      />
      <TextField
        id="issuer"
        label="Issuer"
        hint="Het https-adres waaronder /.well-known/openid-configuration staat. Entra ID: https://login.microsoftonline.com/<tenant-id>/v2.0"
        error={errors.issuer?.message}
        inputProps={{ ...register("issuer"), autoComplete: "off", spellCheck: false, inputMode: "url" }}
      />
      <TextField
        id="tenantId"
        label="Tenant-id (alleen Entra ID)"
        required={false}
        hint="De directory-id van de tenant; alleen tokens van deze tenant worden geaccepteerd."
        error={errors.tenantId?.message}
        inputProps={{ ...register("tenantId"), autoComplete: "off", spellCheck: false }}
      />
      <TextField
        id="clientId"
        label="Client-id"
        error={errors.clientId?.message}
        inputProps={{ ...register("clientId"), autoComplete: "off", spellCheck: false }}
      />
      <TextField
        id="clientSecret"
        label="Clientgeheim"
        required={mode === "nieuw" ? undefined : false}
        hint={
          mode === "nieuw"
            ? "Wordt versleuteld opgeslagen en daarna nooit meer getoond."
            : "Wordt nooit getoond. Laat leeg om het opgeslagen geheim te houden; vul een nieuw in om het te vervangen."
        }
        error={errors.clientSecret?.message}
        inputProps={{ ...register("clientSecret"), type: "password", autoComplete: "new-password", spellCheck: false }}
      />

      <fieldset className="space-y-3" aria-describedby={fieldsetError("regioIds") ? "regioIds-fout" : undefined}>
        <legend className="font-semibold">Regio&apos;s waarvan deze provider accounts mag aanmelden (met al hun gemeenten)</legend>
        {fieldsetError("regioIds") && (
          <p id="regioIds-fout" className="font-semibold text-red-800">
            {fieldsetError("regioIds")}
          </p>
        )}
        <ul id="regioIds" className="grid gap-1 sm:grid-cols-2">
          {organisations.regios.map((regio) => (
            <li key={regio.id}>
              <label className="flex items-center gap-2">
                <input type="checkbox" value={regio.id} className="h-5 w-5" {...register("regioIds")} />
                {regio.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="space-y-3" aria-describedby={fieldsetError("gemeenteIds") ? "gemeenteIds-fout" : undefined}>
        <legend className="font-semibold">Losse gemeenten waarvan deze provider accounts mag aanmelden</legend>
        {fieldsetError("gemeenteIds") && (
          <p id="gemeenteIds-fout" className="font-semibold text-red-800">
            {fieldsetError("gemeenteIds")}
          </p>
        )}
        <div id="gemeenteIds" className="space-y-3">
          {organisations.regios.map((regio) => (
            <fieldset key={regio.id}>
              <legend className="text-sm font-semibold text-slate-700">{regio.name}</legend>
              <ul className="grid gap-1 sm:grid-cols-3">
                {regio.gemeenten.map((gemeente) => (
                  <li key={gemeente.id}>
                    <label className="flex items-center gap-2">
                      <input type="checkbox" value={gemeente.id} className="h-5 w-5" {...register("gemeenteIds")} />
                      {gemeente.name}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </div>
      </fieldset>

      <div>
        <label className="flex items-center gap-2 font-semibold">
          <input id="mayBeheerders" type="checkbox" className="h-5 w-5" {...register("mayBeheerders")} />
          Deze provider mag ook beheerders aanmelden
        </label>
        <p className="mt-1 text-sm text-slate-700">Een beheerder vult na het inloggen altijd nog de eigen tweede factor van deze applicatie in.</p>
      </div>

      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : mode === "nieuw" ? "Identiteitsprovider toevoegen" : "Wijzigingen opslaan"}
      </button>
    </form>
  );
}
