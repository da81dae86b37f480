import { describe, expect, it } from "vitest";
import { changePasswordSchema, isCommonPassword, newPasswordSchema, PASSWORD_MESSAGES, setPasswordSchema } from "./password-policy";
import { changePasswordFormRule, codePointLength, setPasswordFormRule } from "@/lib/shared/auth/password-rules";

function messages(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  return result.success ? [] : result.error!.issues.map((issue) => issue.message);
}

describe("password policy", () => {
  const schema = newPasswordSchema("a.de.vries@delft.example");

  it("accepts 12 to 64 characters without composition rules", () => {
    expect(schema.safeParse("paardenbloem").success).toBe(true);
    expect(schema.safeParse("a".repeat(64)).success).toBe(true);
    expect(schema.safeParse("correct paard batterij nietje").success).toBe(true);
  });

  it("refuses fewer than 12 and more than 64 characters, in Dutch", () => {
    expect(messages(schema.safeParse("kort-wachtw"))).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(messages(schema.safeParse("a".repeat(65)))).toEqual([PASSWORD_MESSAGES.tooLong]);
    expect(messages(schema.safeParse(""))).toEqual([PASSWORD_MESSAGES.required]);
    expect(messages(schema.safeParse(undefined))).toEqual([PASSWORD_MESSAGES.required]);
    expect(PASSWORD_MESSAGES.tooShort).toBe("Het wachtwoord moet minstens 12 tekens lang zijn.");
  });

  it("counts a run of spaces as one character for the minimum length", () => {
    expect(messages(schema.safeParse(`a${" ".repeat(11)}`))).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(messages(schema.safeParse("paard     bloem"))).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(schema.safeParse("paard  bloem  zomer").success).toBe(true);
    // The maximum still counts every character that is stored.
    expect(messages(schema.safeParse(`paardenbloem${" ".repeat(60)}`))).toEqual([PASSWORD_MESSAGES.tooLong]);
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    // Eleven emoji are 22 UTF-16 code units, but only 11 characters.
    const elevenEmoji = "🔒".repeat(11);
    expect(elevenEmoji.length).toBe(22);
    expect(codePointLength(elevenEmoji)).toBe(11);
    expect(messages(schema.safeParse(elevenEmoji))).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(schema.safeParse("🔒".repeat(12)).success).toBe(true);
    // 64 emoji are 128 code units and still allowed; 65 are not.
    expect(schema.safeParse("🔑".repeat(64)).success).toBe(true);
    expect(messages(schema.safeParse("🔑".repeat(65)))).toEqual([PASSWORD_MESSAGES.tooLong]);
    expect(schema.safeParse("ijsbeërtjeß€").success).toBe(true);
  });

  it("refuses common passwords from the zxcvbn list, case-insensitively", () => {
    expect(isCommonPassword("qwerty123456")).toBe(true);
    expect(isCommonPassword("QWERTY123456")).toBe(true);
    expect(isCommonPassword("1q2w3e4r5t6y")).toBe(true);
    expect(isCommonPassword("paardenbloem-zomer")).toBe(false);
    expect(messages(schema.safeParse("QwErTy123456"))).toEqual([PASSWORD_MESSAGES.common]);
    expect(messages(schema.safeParse("123456789qwe"))).toEqual([PASSWORD_MESSAGES.common]);
  });

  it("refuses the user's own e-mail address, whatever its case", () => {
    expect(messages(schema.safeParse("a.de.vries@delft.example"))).toEqual([PASSWORD_MESSAGES.email]);
    expect(messages(schema.safeParse("A.de.Vries@Delft.EXAMPLE"))).toEqual([PASSWORD_MESSAGES.email]);
    expect(newPasswordSchema("iemand.anders@delft.example").safeParse("a.de.vries@delft.example").success).toBe(true);
  });

  it("checks the set-password form: both fields, the same value, no extra fields", () => {
    const form = setPasswordSchema("beleid@delft.example");
    expect(form.safeParse({ password: "lange zin om te onthouden", passwordConfirm: "lange zin om te onthouden" }).success).toBe(true);
    const mismatch = form.safeParse({ password: "lange zin om te onthouden", passwordConfirm: "andere zin om te onthouden" });
    expect(mismatch.error?.issues).toEqual([expect.objectContaining({ path: ["passwordConfirm"], message: PASSWORD_MESSAGES.mismatch })]);
    expect(messages(form.safeParse({ password: "lange zin om te onthouden", passwordConfirm: "" }))).toEqual([PASSWORD_MESSAGES.confirmRequired]);
    const extra = form.safeParse({ password: "lange zin om te onthouden", passwordConfirm: "lange zin om te onthouden", email: "x@y.nl" });
    expect(extra.success).toBe(false);
    expect(extra.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("leaves the common-password check out of the browser rules only", () => {
    // The browser form does not download the list; the server check still refuses the password.
    expect(setPasswordFormRule({}).safeParse({ password: "qwerty123456", passwordConfirm: "qwerty123456" }).success).toBe(true);
    expect(setPasswordSchema(null).safeParse({ password: "qwerty123456", passwordConfirm: "qwerty123456" }).success).toBe(false);
  });

  it("checks the change-password form of the account page with the same rules, in the browser and on the server", () => {
    const form = changePasswordSchema("beleid@delft.example");
    const valid = { currentPassword: "het oude wachtwoord", password: "lange zin om te onthouden", passwordConfirm: "lange zin om te onthouden" };
    expect(form.safeParse(valid).success).toBe(true);
    expect(messages(form.safeParse({ ...valid, currentPassword: "" }))).toEqual([PASSWORD_MESSAGES.currentRequired]);
    expect(messages(form.safeParse({ ...valid, currentPassword: "x".repeat(1025) }))).toEqual([PASSWORD_MESSAGES.currentWrong]);
    expect(messages(form.safeParse({ ...valid, passwordConfirm: "andere zin om te onthouden" }))).toEqual([PASSWORD_MESSAGES.mismatch]);
    expect(messages(form.safeParse({ currentPassword: valid.password, password: valid.password, passwordConfirm: valid.password }))).toEqual([
      PASSWORD_MESSAGES.sameAsCurrent,
    ]);
    expect(messages(form.safeParse({ ...valid, password: "Beleid@Delft.example", passwordConfirm: "Beleid@Delft.example" }))).toEqual([
      PASSWORD_MESSAGES.email,
    ]);
    expect(form.safeParse({ ...valid, userId: "iemand-anders" }).error?.issues[0]?.code).toBe("unrecognized_keys");
    // The browser's rules lack only the list of common passwords.
    const common = { ...valid, password: "qwerty123456", passwordConfirm: "qwerty123456" };
    expect(changePasswordFormRule({ email: "beleid@delft.example" }).safeParse(common).success).toBe(true);
    expect(messages(form.safeParse(common))).toEqual([PASSWORD_MESSAGES.common]);
  });
});
