import type { InputHTMLAttributes } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/shared/auth/password-rules";
import { TextField } from "./fields";

/**
 * The new password and its repetition, as every form that sets a password asks them (invitation,
 * reset, change): password managers are told it is a new password.
 */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: { inputProps: InputHTMLAttributes<HTMLInputElement>; error?: string };
  confirm: { inputProps: InputHTMLAttributes<HTMLInputElement>; error?: string };
}) {
  return (
    <>
      <TextField
        id="password"
        label="Nieuw wachtwoord"
        hint={`Minstens ${PASSWORD_MIN_LENGTH} en hoogstens ${PASSWORD_MAX_LENGTH} tekens.`}
        error={password.error}
        inputProps={{ ...password.inputProps, type: "password", autoComplete: "new-password" }}
      />
      <TextField
        id="passwordConfirm"
        label="Herhaal het nieuwe wachtwoord"
        error={confirm.error}
        inputProps={{ ...confirm.inputProps, type: "password", autoComplete: "new-password" }}
      />
    </>
  );
}
