// The password rules without the list of common passwords, so that forms in the browser can use
// them without downloading that list. lib/auth/password-policy.ts adds the list; the server always
// validates with that complete policy.
import * as z from "zod/mini";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 64;

/** The rules as shown to the person choosing a password, before they type it. */
export const PASSWORD_POLICY_TEXT: readonly string[] = [
  `Minstens ${PASSWORD_MIN_LENGTH} en hoogstens ${PASSWORD_MAX_LENGTH} tekens. Spaties, leestekens en andere tekens mogen.`,
  "U hoeft geen hoofdletters, cijfers of leestekens te gebruiken. Een lange zin die u kunt onthouden is een goed wachtwoord.",
  "Veelgebruikte wachtwoorden (zoals 'qwerty123456') en uw eigen e-mailadres worden geweigerd.",
];

export const PASSWORD_MESSAGES = {
  required: "Vul een wachtwoord in.",
  tooShort: `Het wachtwoord moet minstens ${PASSWORD_MIN_LENGTH} tekens lang zijn.`,
  tooLong: `Het wachtwoord mag hoogstens ${PASSWORD_MAX_LENGTH} tekens lang zijn.`,
  common: "Dit wachtwoord komt voor in een lijst van veelgebruikte wachtwoorden. Kies een ander wachtwoord.",
  email: "Gebruik niet uw e-mailadres als wachtwoord.",
  confirmRequired: "Herhaal het wachtwoord.",
  mismatch: "De twee wachtwoorden zijn niet hetzelfde.",
  currentRequired: "Vul uw huidige wachtwoord in.",
  currentWrong: "Uw huidige wachtwoord is niet juist.",
  sameAsCurrent: "Kies een ander wachtwoord dan uw huidige.",
} as const;

/** Length in Unicode code points: an emoji or an accented letter counts as one character. */
export function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

export type PasswordRuleOptions = {
  /** The e-mail address of the account; the password may not be that address. */
  email?: string | null;
  /** True for a password on the list of common passwords (server side, see password-policy.ts). */
  isCommon?: (password: string) => boolean;
};

/**
 * The length that counts for the minimum: runs of spaces count as one (ASVS 2.1.1), so that "a"
 * followed by eleven spaces is not a 12-character password. The maximum counts every character.
 */
function countedLength(value: string): number {
  return codePointLength(value.replace(/\s{2,}/gu, " "));
}

/** A new password: 12–64 code points, not the user's e-mail address, not a common password. */
export function newPasswordRule(options: PasswordRuleOptions = {}) {
  const email = options.email?.trim().toLowerCase() || null;
  return z.string({ error: PASSWORD_MESSAGES.required }).check(
    z.superRefine((password: string, ctx) => {
      const length = codePointLength(password);
      if (length === 0) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.required });
      else if (countedLength(password) < PASSWORD_MIN_LENGTH) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.tooShort });
      else if (length > PASSWORD_MAX_LENGTH) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.tooLong });
      else if (email && password.trim().toLowerCase() === email) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.email });
      else if (options.isCommon?.(password)) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES.common });
    }),
  );
}

/** The repetition of the new password. */
const confirmField = () => z.string({ error: PASSWORD_MESSAGES.confirmRequired }).check(z.minLength(1, PASSWORD_MESSAGES.confirmRequired));

/** The form on the invitation and password-reset page: the password twice. */
export function setPasswordFormRule(options: PasswordRuleOptions = {}) {
  return z
    .strictObject({
      password: newPasswordRule(options),
      passwordConfirm: confirmField(),
    })
    .check(
      z.superRefine((value: { password: string; passwordConfirm: string }, ctx) => {
        if (typeof value.password === "string" && value.passwordConfirm && value.password !== value.passwordConfirm) {
          ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: PASSWORD_MESSAGES.mismatch });
        }
      }),
    );
}

export type TSetPasswordForm = z.infer<ReturnType<typeof setPasswordFormRule>>;

/**
 * The form on the account page: the current password, the new one twice. The server builds it
 * with the list of common passwords (password-policy.ts); the browser without.
 */
export function changePasswordFormRule(options: PasswordRuleOptions = {}) {
  return z
    .strictObject({
      // Bounded like the login form, so that nobody makes the server hash a megabyte.
      currentPassword: z
        .string({ error: PASSWORD_MESSAGES.currentRequired })
        .check(z.minLength(1, PASSWORD_MESSAGES.currentRequired), z.maxLength(1024, PASSWORD_MESSAGES.currentWrong)),
      password: newPasswordRule(options),
      passwordConfirm: confirmField(),
    })
    .check(
      z.superRefine((value: { currentPassword: string; password: string; passwordConfirm: string }, ctx) => {
        if (typeof value.password !== "string") return;
        if (value.passwordConfirm && value.password !== value.passwordConfirm) {
          ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: PASSWORD_MESSAGES.mismatch });
        }
        if (value.currentPassword && value.password === value.currentPassword) {
          ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES.sameAsCurrent });
        }
      }),
    );
}

export type TChangePasswordForm = z.infer<ReturnType<typeof changePasswordFormRule>>;
