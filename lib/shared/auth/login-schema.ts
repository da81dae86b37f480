import * as z from "zod/mini";

// The login form; the same rules bound what the credentials provider accepts. In zod/mini, like
// every schema the browser runs (see lib/shared/forms/zod.ts); the form loads it lazily.
export const ZLoginSchema = z.object({
  email: z.pipe(
    z.string().check(z.trim(), z.minLength(1, { error: "Vul uw e-mailadres in.", abort: true }), z.maxLength(320)),
    z.email("Vul een geldig e-mailadres in."),
  ),
  password: z.string().check(z.minLength(1, "Vul uw wachtwoord in."), z.maxLength(1024)),
  code: z.optional(z.string().check(z.trim(), z.maxLength(32))),
});

export type TLogin = z.infer<typeof ZLoginSchema>;
