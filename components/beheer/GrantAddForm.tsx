"use client";

import { zodResolver } from "@/components/forms/zod-resolver";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { Result } from "@/lib/shared/result";
import { ROLE_NAMES, ZGrantSchema, type TGrant } from "@/lib/shared/beheer/schemas";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { GrantFields, type GemeenteOption, type RegioOption } from "./GrantFields";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useActionFeedback } from "@/components/forms/use-action-feedback";

const FIELDS = ["role", "gemeenteId", "regioId"] as const;

export function GrantAddForm({
  action,
  gemeenten,
  regios,
}: {
  action: (values: TGrant) => Promise<Result>;
  gemeenten: GemeenteOption[];
  regios: RegioOption[];
}) {
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setError,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TGrant>({
    resolver: zodResolver(ZGrantSchema),
    // The error summary receives focus; its links lead to the fields.
    shouldFocusError: false,
    shouldUnregister: true,
    defaultValues: { role: undefined, gemeenteId: "", regioId: "" },
  });
  const role = useWatch({ control, name: "role" });
  const feedback = useActionFeedback(setError, FIELDS);

  async function onSubmit(values: TGrant) {
    feedback.begin();
    if (feedback.handle(await action(values))) {
      reset();
      router.refresh();
    }
  }

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit, feedback.failedOnClient)} noValidate className="space-y-4">
      <ErrorSummary errors={feedback.summary(errors)} attempt={feedback.attempt} title="De rol is niet toegekend" />
      <GrantFields
        allowedRoles={ROLE_NAMES}
        role={role}
        roleProps={register("role")}
        gemeenteProps={register("gemeenteId")}
        regioProps={register("regioId")}
        errors={{ role: errors.role?.message, gemeenteId: errors.gemeenteId?.message, regioId: errors.regioId?.message }}
        gemeenten={gemeenten}
        regios={regios}
      />
      <button type="submit" disabled={isSubmitting} className={secondaryButtonClass}>
        {isSubmitting ? "Bezig met opslaan…" : "Rol toekennen"}
      </button>
      <p role="status" className="font-semibold text-green-800">
        {feedback.done}
      </p>
    </form>
  );
}
