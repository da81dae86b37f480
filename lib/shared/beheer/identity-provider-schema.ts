// The forms of /beheer/identiteitsproviders, shared by the form in the browser and the data layer.
// The client secret is write-only: the edit form leaves it empty to keep the stored one.
import * as z from "zod/mini";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

export const IDENTITY_PROVIDER_KINDS = ["OIDC", "ENTRA_ID"] as const;
export const IDENTITY_PROVIDER_KIND_LABEL: Record<(typeof IDENTITY_PROVIDER_KINDS)[number], string> = {
  OIDC: "OpenID Connect (algemeen)",
  ENTRA_ID: "Microsoft Entra ID",
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function text(missing: string, max: number) {
  return z
    .string({ error: missing })
    .check(z.trim(), z.minLength(1, missing), z.maxLength(max, `Hoogstens ${max} tekens.`), z.refine(isPlainText, PLAIN_TEXT_MESSAGE));
}

const issuer = z.string({ error: "Vul de issuer in." }).check(
  z.trim(),
  z.minLength(1, "Vul de issuer in."),
  z.maxLength(300, "Hoogstens 300 tekens."),
  z.refine((value) => {
    try {
      const url = new URL(value);
      // Tokens and secrets only travel over TLS; plain http only on this machine's loopback.
      return !url.search && !url.hash && !url.username && (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname)));
    } catch {
      return false;
    }
  }, "Vul het volledige https-adres van de issuer in, zonder ? of #, bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0."),
);

// A form sends nothing (none chosen), one value or several; any other type is a wrong choice.
const ids = z.pipe(
  z.transform((value: unknown) => (value === undefined || value === "" ? [] : typeof value === "string" ? [value] : value)),
  z
    .array(z.string({ error: "Kies uit de lijst." }).check(z.maxLength(64, "Kies uit de lijst."), z.refine(isPlainText, "Kies uit de lijst.")), {
      error: "Kies uit de lijst.",
    })
    .check(z.maxLength(1000, "Te veel gekozen.")),
);

const fields = {
  label: text("Vul de tekst voor de inlogknop in.", 80),
  kind: z.enum(IDENTITY_PROVIDER_KINDS, { error: "Kies het soort provider." }),
  issuer,
  tenantId: z.optional(z.string().check(z.trim(), z.maxLength(64, "Een tenant-id heeft 36 tekens."))),
  clientId: text("Vul de client-id in.", 200),
  gemeenteIds: ids,
  regioIds: ids,
  mayBeheerders: z.boolean({ error: "Kies ja of nee." }),
};

type Shape = { kind: string; tenantId?: string; gemeenteIds: string[]; regioIds: string[]; mayBeheerders: boolean };

const refine = z.superRefine((value: Shape, ctx) => {
  if (value.kind === "ENTRA_ID" && !GUID.test(value.tenantId ?? "")) {
    ctx.addIssue({
      code: "custom",
      path: ["tenantId"],
      message: "Vul de tenant-id (directory-id) van Entra ID in, zoals 3f0c6f4e-1234-4abc-8def-0123456789ab.",
    });
  }
  if (value.kind === "OIDC" && value.tenantId)
    ctx.addIssue({ code: "custom", path: ["tenantId"], message: "Een tenant-id hoort alleen bij Entra ID; laat dit veld leeg." });
  if (value.gemeenteIds.length === 0 && value.regioIds.length === 0 && !value.mayBeheerders) {
    ctx.addIssue({ code: "custom", path: ["gemeenteIds"], message: "Kies minstens één gemeente of regio waarvan deze provider accounts mag aanmelden." });
  }
});

const secret = () =>
  z.string({ error: "Vul het clientgeheim in." }).check(z.maxLength(500, "Hoogstens 500 tekens."), z.refine(isPlainText, PLAIN_TEXT_MESSAGE));

export const ZIdentityProviderCreateSchema = z
  .strictObject({ ...fields, clientSecret: secret().check(z.refine((value) => value.trim().length > 0, "Vul het clientgeheim in.")) })
  .check(refine);
/** Editing: an empty secret keeps the stored one. */
export const ZIdentityProviderEditSchema = z.strictObject({ ...fields, clientSecret: secret() }).check(refine);

export type TIdentityProviderEdit = z.input<typeof ZIdentityProviderEditSchema>;
export type TIdentityProviderData = z.output<typeof ZIdentityProviderEditSchema>;
