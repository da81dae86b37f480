import * as z from "zod/mini";

// The "Wachtwoord vergeten?" form: only the e-mail address. The browser and the server run it alike.
export const ZPasswordResetRequestSchema = z.strictObject({
  email: z.pipe(
    z
      .string({ error: "Vul uw e-mailadres in." })
      .check(z.trim(), z.toLowerCase(), z.minLength(1, { error: "Vul uw e-mailadres in.", abort: true }), z.maxLength(320, "Het e-mailadres is te lang.")),
    z.email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
  ),
});

export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequestSchema>;

/** The one answer to every well-formed request, whether the address has an account or not. */
export const PASSWORD_RESET_REQUESTED =
  "Als er een account met dit e-mailadres is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord in te stellen. De link werkt één keer en 30 minuten lang. Ziet u niets? Kijk dan ook bij uw ongewenste e-mail.";
