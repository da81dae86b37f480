// The role and its scope: a gemeente for a beleidsmedewerker, a regio for a project leader, nothing
// for a beheerder. Only the choice that fits the chosen role is shown.
import type { UseFormRegisterReturn } from "react-hook-form";
import { ROLE_LABEL, type RoleName } from "@/lib/shared/beheer/schemas";
import { SelectField } from "./fields";

export type GemeenteOption = { id: string; name: string; regio: string };
export type RegioOption = { id: string; name: string };

type Props = {
  allowedRoles: readonly RoleName[];
  role: RoleName | "" | undefined;
  roleProps: UseFormRegisterReturn;
  gemeenteProps: UseFormRegisterReturn;
  regioProps: UseFormRegisterReturn;
  errors: { role?: string; gemeenteId?: string; regioId?: string };
  gemeenten: GemeenteOption[];
  regios: RegioOption[];
};

export function GrantFields({ allowedRoles, role, roleProps, gemeenteProps, regioProps, errors, gemeenten, regios }: Props) {
  const showRegioInLabel = new Set(gemeenten.map((gemeente) => gemeente.regio)).size > 1;
  return (
    <>
      {allowedRoles.length > 1 ? (
        <SelectField
          id="role"
          label="Rol"
          error={errors.role}
          placeholder="Kies een rol"
          options={allowedRoles.map((name) => ({ value: name, label: ROLE_LABEL[name] }))}
          selectProps={roleProps}
        />
      ) : (
        <p>
          Rol: <strong>{ROLE_LABEL[allowedRoles[0] ?? "BELEIDSMEDEWERKER"]}</strong>
          <input type="hidden" {...roleProps} />
        </p>
      )}
      {role === "BELEIDSMEDEWERKER" && (
        <SelectField
          id="gemeenteId"
          label="Gemeente"
          error={errors.gemeenteId}
          placeholder="Kies een gemeente"
          options={gemeenten.map((gemeente) => ({
            value: gemeente.id,
            label: showRegioInLabel ? `${gemeente.name} (${gemeente.regio})` : gemeente.name,
          }))}
          selectProps={gemeenteProps}
        />
      )}
      {role === "PROJECTLEIDER" && (
        <SelectField
          id="regioId"
          label="Regio"
          error={errors.regioId}
          placeholder="Kies een regio"
          options={regios.map((regio) => ({ value: regio.id, label: regio.name }))}
          selectProps={regioProps}
        />
      )}
      {role === "LANDELIJK" && (
        <p className="max-w-prose">
          Het landelijk programmateam ziet per jaar de verdeling van de scores over alle ingediende zelfscans, landelijk en per regio. Het ziet nooit de naam,
          score, toelichting of documenten van een gemeente, en geen cijfer dat op minder dan vijf gemeenten berust.
        </p>
      )}
      {role === "BEHEERDER" && (
        <p className="max-w-prose">
          Een beheerder beheert regio&apos;s, gemeenten en gebruikers in de hele applicatie, maar ziet geen inhoud van zelfscans. Beheerders loggen altijd in
          met een tweede factor.
        </p>
      )}
    </>
  );
}
