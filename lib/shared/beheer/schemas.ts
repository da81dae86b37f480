// One zod schema per beheer form, shared by the form in the browser (react-hook-form) and by the
// data layer, which validates again on the server. Forms are strict objects: a field the form does
// not have (role, active, status, passwordHash, gemeenteId where it does not belong) is refused,
// so a client cannot assign it by adding it to the request. No database or server imports here.
import * as z from "zod/mini";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";
import { ROLE_NAMES, type RoleName } from "./labels";

// The roles and their labels live with the other labels; re-exported for the beheer forms.
export { ROLE_LABEL, ROLE_NAMES, type RoleName } from "./labels";

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).check(z.trim(), z.minLength(1, missing), z.maxLength(max, tooLong), z.refine(isPlainText, PLAIN_TEXT_MESSAGE));
}

const regioName = requiredText("Vul de naam van de regio in.", 120, "De naam mag hoogstens 120 tekens lang zijn.");
const gemeenteName = requiredText("Vul de naam van de gemeente in.", 120, "De naam mag hoogstens 120 tekens lang zijn.");
const personName = requiredText("Vul de naam in.", 120, "De naam mag hoogstens 120 tekens lang zijn.");

const slug = z
  .string({ error: "Vul de korte naam voor het webadres in." })
  .check(
    z.trim(),
    z.minLength(1, "Vul de korte naam voor het webadres in."),
    z.maxLength(60, "De korte naam mag hoogstens 60 tekens lang zijn."),
    z.regex(SLUG_PATTERN, "Gebruik alleen kleine letters, cijfers en streepjes, zoals den-haag."),
  );

export const emailField = z.pipe(
  z
    .string({ error: "Vul het e-mailadres in." })
    .check(z.trim(), z.toLowerCase(), z.minLength(1, "Vul het e-mailadres in."), z.maxLength(320, "Het e-mailadres is te lang.")),
  z.email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
);

/** An id chosen in a select; an empty string means "none chosen". */
const optionalId = z.optional(
  z
    .string({ error: "Kies een waarde uit de lijst." })
    .check(z.trim(), z.maxLength(64, "Kies een waarde uit de lijst."), z.refine(isPlainText, "Kies een waarde uit de lijst.")),
);

const grantFields = {
  role: z.enum(ROLE_NAMES, { error: "Kies een rol." }),
  gemeenteId: optionalId,
  regioId: optionalId,
};

type GrantFields = { role?: RoleName; gemeenteId?: string; regioId?: string };

/** A grant names exactly the scope its role needs: a gemeente, a regio, or nothing (beheerder). */
const refineGrant = z.superRefine((value: GrantFields, ctx) => {
  const gemeente = Boolean(value.gemeenteId);
  const regio = Boolean(value.regioId);
  switch (value.role) {
    case "BELEIDSMEDEWERKER":
      if (!gemeente) ctx.addIssue({ code: "custom", path: ["gemeenteId"], message: "Kies de gemeente van de beleidsmedewerker." });
      if (regio) ctx.addIssue({ code: "custom", path: ["regioId"], message: "Een beleidsmedewerker hoort bij een gemeente; kies geen regio." });
      break;
    case "PROJECTLEIDER":
      if (!regio) ctx.addIssue({ code: "custom", path: ["regioId"], message: "Kies de regio van de projectleider." });
      if (gemeente) ctx.addIssue({ code: "custom", path: ["gemeenteId"], message: "Een projectleider hoort bij een regio; kies geen gemeente." });
      break;
    case "LANDELIJK":
      if (gemeente) ctx.addIssue({ code: "custom", path: ["gemeenteId"], message: "Het landelijk programmateam ziet het hele land; kies geen gemeente." });
      if (regio) ctx.addIssue({ code: "custom", path: ["regioId"], message: "Het landelijk programmateam ziet het hele land; kies geen regio." });
      break;
    case "BEHEERDER":
      if (gemeente) ctx.addIssue({ code: "custom", path: ["gemeenteId"], message: "De rol beheerder geldt voor de hele applicatie; kies geen gemeente." });
      if (regio) ctx.addIssue({ code: "custom", path: ["regioId"], message: "De rol beheerder geldt voor de hele applicatie; kies geen regio." });
      break;
  }
});

export const ZRegioCreateSchema = z.strictObject({ name: regioName, slug });
export const ZRegioRenameSchema = z.strictObject({ name: regioName });
export const ZGemeenteCreateSchema = z.strictObject({
  name: gemeenteName,
  slug,
  regioId: z
    .string({ error: "Kies de regio." })
    .check(z.trim(), z.minLength(1, "Kies de regio."), z.maxLength(64, "Kies de regio."), z.refine(isPlainText, "Kies de regio.")),
});
export const ZGemeenteRenameSchema = z.strictObject({ name: gemeenteName });

/** New user with a first grant. A project leader's form offers only beleidsmedewerker and the gemeenten of the region. */
export const ZUserCreateSchema = z.strictObject({ email: emailField, name: personName, ...grantFields }).check(refineGrant);
/** Only the name can be edited; e-mail, status and roles have their own actions. */
export const ZUserEditSchema = z.strictObject({ name: personName });
/** An additional grant for an existing user. */
export const ZGrantSchema = z.strictObject(grantFields).check(refineGrant);

export type TRegioCreate = z.infer<typeof ZRegioCreateSchema>;
export type TGemeenteCreate = z.infer<typeof ZGemeenteCreateSchema>;
export type TUserCreate = z.infer<typeof ZUserCreateSchema>;
export type TGrant = z.infer<typeof ZGrantSchema>;

// Filters in the address bar: a wrong value is ignored rather than refused.
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const searchText = z.catch(z.optional(z.string().check(z.trim(), z.maxLength(200), z.refine(isPlainText))), undefined);
const searchDate = z.catch(
  z.optional(
    z.string().check(
      z.regex(DATE_PATTERN),
      z.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`))),
    ),
  ),
  undefined,
);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value);
/** The first value of a parameter that occurs more than once; an empty one counts as absent. */
const param = <T extends z.core.$ZodType>(schema: T) => z.pipe<z.ZodMiniTransform<unknown, unknown>, T>(z.transform(firstValue), schema);

export const ZUserFilterSchema = z.object({
  zoek: param(searchText),
  gemeente: param(z.catch(z.optional(z.string().check(z.maxLength(64))), undefined)),
  rol: param(z.catch(z.optional(z.enum(ROLE_NAMES)), undefined)),
  status: param(z.catch(z.optional(z.enum(["actief", "gedeactiveerd"])), undefined)),
});
export type TUserFilter = z.infer<typeof ZUserFilterSchema>;

export const ZAuditFilterSchema = z.object({
  actie: param(z.catch(z.optional(z.string().check(z.trim(), z.maxLength(100))), undefined)),
  email: param(searchText),
  van: param(searchDate),
  tot: param(searchDate),
  pagina: param(z._default(z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1), 1)),
});
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
