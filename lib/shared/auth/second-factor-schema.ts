import * as z from "zod/mini";

// The form on the second-factor page: one code from the authenticator app.
export const ZTotpCodeSchema = z.object({
  code: z.string().check(
    z.trim(),
    z.minLength(1, "Vul de code uit uw authenticator-app in."),
    z.maxLength(32, "Een code heeft zes cijfers."),
    z.refine((value) => /^\d{6}$/.test(value.replace(/\s+/g, "")), "Een code heeft zes cijfers."),
  ),
});

export type TTotpCode = z.infer<typeof ZTotpCodeSchema>;

// The form that completes a login with the second factor: a code from the app or a recovery code.
export const ZSecondFactorCodeSchema = z.object({
  code: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, "Vul de code uit uw authenticator-app in, of een van uw herstelcodes."),
      z.maxLength(32, "Een code heeft zes cijfers, een herstelcode acht tekens."),
    ),
});

export type TSecondFactorCode = z.infer<typeof ZSecondFactorCodeSchema>;
