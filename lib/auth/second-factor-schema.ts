import { z } from "zod";

// The form on the second-factor page: one code from the authenticator app.
export const ZTotpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Vul de code uit uw authenticator-app in.")
    .max(32, "Een code heeft zes cijfers.")
    .refine((value) => /^\d{6}$/.test(value.replace(/\s+/g, "")), "Een code heeft zes cijfers."),
});

export type TTotpCode = z.infer<typeof ZTotpCodeSchema>;
