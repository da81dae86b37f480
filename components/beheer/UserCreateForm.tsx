"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { Result } from "@/lib/shared/result";
import { ZUserCreateSchema, type RoleName, type TUserCreate } from "@/lib/shared/beheer/schemas";
import { TextField } from "./fields";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { GrantFields, type GemeenteOption, type RegioOption } from "./GrantFields";
import { primaryButtonClass } from "@/components/ui/styles";
import { useActionFeedback } from "@/components/forms/use-action-feedback";

const FIELDS = ["email", "name", "role", "gemeenteId", "regioId"] as const;

export function UserCreateForm({
  action,
  allowedRoles,
  gemeenten,
  regios,
  submitLabel = "Gebruiker aanmaken",
  errorTitle = "De gebruiker is niet aangemaakt",
}: {
  submitLabel?: string;
  errorTitle?: string;
  action: (values: TUserCreate) => Promise<Result<{ href: string }>>;
  allowedRoles: readonly RoleName[];
  gemeenten: GemeenteOption[];
  regios: RegioOption[];
}) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TUserCreate>({
    resolver: zodResolver(ZUserCreateSchema),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    // Fields that are not shown (the scope of another role) are left out of what is sent.
    shouldUnregister: true,
    defaultValues: { email: "", name: "", role: allowedRoles.length === 1 ? allowedRoles[0] : undefined, gemeenteId: "", regioId: "" },
  });
  const role = useWatch({ control, name: "role" });
  const feedback = useActionFeedback(setError, FIELDS);

  async function onSubmit(values: TUserCreate) {
    feedback.begin();
    const result = await action(values);
    if (feedback.handle(result)) router.push(result.data.href);
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title={errorTitle} />
      <TextField
        id="email"
        label="E-mailadres"
        hint="Met dit adres logt de gebruiker in. Heeft iemand al een account met dit adres, dan krijgt dat account de rol erbij."
        error={errors.email?.message}
        inputProps={{ ...register("email"), type: "email", autoComplete: "off", spellCheck: false }}
      />
      <TextField id="name" label="Naam" error={errors.name?.message} inputProps={{ ...register("name"), autoComplete: "off" }} />
      <GrantFields
        allowedRoles={allowedRoles}
        role={role}
        roleProps={register("role")}
        gemeenteProps={register("gemeenteId")}
        regioProps={register("regioId")}
        errors={{ role: errors.role?.message, gemeenteId: errors.gemeenteId?.message, regioId: errors.regioId?.message }}
        gemeenten={gemeenten}
        regios={regios}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : submitLabel}
      </button>
    </form>
  );
}
