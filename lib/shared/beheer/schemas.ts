// One zod schema per beheer form, shared by the form in the browser (react-hook-form) and by the
// data layer, which validates again on the server. Forms are strict objects: a field the form does
// not have (role, active, status, passwordHash, gemeenteId where it does not belong) is refused,
// so a client cannot assign it by adding it to the request. No database or server imports here.
import { z } from "zod";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

export const ROLE_NAMES = ["BELEIDSMEDEWERKER", "PROJECTLEIDER", "BEHEERDER"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const ROLE_LABEL: Record<RoleName, string> = {
  BELEIDSMEDEWERKER: "Beleidsmedewerker",
  PROJECTLEIDER: "Regionaal projectleider",
  BEHEERDER: "Beheerder",
};

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong).refine(isPlainText, PLAIN_TEXT_MESSAGE);
}

const regioName = requiredText("Vul de naam van de regio in.", 120, "De naam mag hoogstens 120 tekens lang zijn.");
const gemeenteName = requiredText("Vul de naam van de gemeente in.", 120, "De naam mag hoogstens 120 tekens lang zijn.");
const personName = requiredText("Vul de naam in.", 120, "De naam mag hoogstens 120 tekens lang zijn.");

const slug = z
  .string({ error: "Vul de korte naam voor het webadres in." })
  .trim()
  .min(1, "Vul de korte naam voor het webadres in.")
  .max(60, "De korte naam mag hoogstens 60 tekens lang zijn.")
  .regex(SLUG_PATTERN, "Gebruik alleen kleine letters, cijfers en streepjes, zoals den-haag.");

export const emailField = z
  .string({ error: "Vul het e-mailadres in." })
  .trim()
  .toLowerCase()
  .min(1, "Vul het e-mailadres in.")
  .max(320, "Het e-mailadres is te lang.")
  .pipe(z.email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."));

/** An id chosen in a select; an empty string means "none chosen". */
const optionalId = z
  .string({ error: "Kies een waarde uit de lijst." })
  .trim()
  .max(64, "Kies een waarde uit de lijst.")
  .refine(isPlainText, "Kies een waarde uit de lijst.")
  .optional();

const grantFields = {
  role: z.enum(ROLE_NAMES, { error: "Kies een rol." }),
  gemeenteId: optionalId,
  regioId: optionalId,
};

type GrantFields = { role?: RoleName; gemeenteId?: string; regioId?: string };

/** A grant names exactly the scope its role needs: a gemeente, a regio, or nothing (beheerder). */
function refineGrant(value: GrantFields, ctx: z.RefinementCtx) {
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
    case "BEHEERDER":
      if (gemeente) ctx.addIssue({ code: "custom", path: ["gemeenteId"], message: "De rol beheerder geldt voor de hele applicatie; kies geen gemeente." });
      if (regio) ctx.addIssue({ code: "custom", path: ["regioId"], message: "De rol beheerder geldt voor de hele applicatie; kies geen regio." });
      break;
  }
}

export const ZRegioCreateSchema = z.strictObject({ name: regioName, slug });
export const ZRegioRenameSchema = z.strictObject({ name: regioName });
export const ZGemeenteCreateSchema = z.strictObject({
  name: gemeenteName,
  slug,
  regioId: z.string({ error: "Kies de regio." }).trim().min(1, "Kies de regio.").max(64, "Kies de regio.").refine(isPlainText, "Kies de regio."),
});
export const ZGemeenteRenameSchema = z.strictObject({ name: gemeenteName });

/** New user with a first grant. A project leader's form offers only beleidsmedewerker and the gemeenten of the region. */
export const ZUserCreateSchema = z.strictObject({ email: emailField, name: personName, ...grantFields }).superRefine(refineGrant);
/** Only the name can be edited; e-mail, status and roles have their own actions. */
export const ZUserEditSchema = z.strictObject({ name: personName });
/** An additional grant for an existing user. */
export const ZGrantSchema = z.strictObject(grantFields).superRefine(refineGrant);

export type TRegioCreate = z.infer<typeof ZRegioCreateSchema>;
export type TRegioRename = z.infer<typeof ZRegioRenameSchema>;
export type TGemeenteCreate = z.infer<typeof ZGemeenteCreateSchema>;
export type TGemeenteRename = z.infer<typeof ZGemeenteRenameSchema>;
export type TUserCreate = z.infer<typeof ZUserCreateSchema>;
export type TUserEdit = z.infer<typeof ZUserEditSchema>;
export type TGrant = z.infer<typeof ZGrantSchema>;

// Filters in the address bar: a wrong value is ignored rather than refused.
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const searchText = z.string().trim().max(200).refine(isPlainText).optional().catch(undefined);
const searchDate = z
  .string()
  .regex(DATE_PATTERN)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value === "" ? undefined : value);

export const ZUserFilterSchema = z.object({
  zoek: z.preprocess(firstValue, searchText),
  gemeente: z.preprocess(firstValue, z.string().max(64).optional().catch(undefined)),
  rol: z.preprocess(firstValue, z.enum(ROLE_NAMES).optional().catch(undefined)),
  status: z.preprocess(firstValue, z.enum(["actief", "gedeactiveerd"]).optional().catch(undefined)),
});
export type TUserFilter = z.infer<typeof ZUserFilterSchema>;

export const ZAuditFilterSchema = z.object({
  actie: z.preprocess(firstValue, z.string().trim().max(100).optional().catch(undefined)),
  email: z.preprocess(firstValue, searchText),
  van: z.preprocess(firstValue, searchDate),
  tot: z.preprocess(firstValue, searchDate),
  pagina: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
