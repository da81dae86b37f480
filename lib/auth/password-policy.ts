// The password policy (NIST SP 800-63B): 12 to 64 characters counted as Unicode code points, no
// composition rules, common passwords and the account's own e-mail address refused. The server
// validates every new password with these schemas; the browser form uses password-rules.ts, the
// same rules without the list of ~49,000 common passwords.
import { dictionary } from "@zxcvbn-ts/language-common";
import { changePasswordFormRule, codePointLength, newPasswordRule, PASSWORD_MIN_LENGTH, setPasswordFormRule } from "@/lib/shared/auth/password-rules";

export { PASSWORD_MESSAGES } from "@/lib/shared/auth/password-rules";

let common: Set<string> | undefined;

/** True when the password (case-insensitively) is on the list of common passwords. */
export function isCommonPassword(password: string): boolean {
  // Only entries that are long enough to pass the length rule can ever match.
  common ??= new Set(dictionary.passwords.filter((entry) => codePointLength(entry) >= PASSWORD_MIN_LENGTH).map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}

/** Zod schema for a new password of the account with this e-mail address. */
export function newPasswordSchema(email?: string | null) {
  return newPasswordRule({ email, isCommon: isCommonPassword });
}

/** Zod schema for the set-password form (password and its repetition) of this account. */
export function setPasswordSchema(email?: string | null) {
  return setPasswordFormRule({ email, isCommon: isCommonPassword });
}

/** Zod schema for the change-password form of the account page (current password, new one twice). */
export function changePasswordSchema(email?: string | null) {
  return changePasswordFormRule({ email, isCommon: isCommonPassword });
}
