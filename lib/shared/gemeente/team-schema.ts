// The forms of a gemeente's team page (lib/gemeente/team.ts), shared by the browser
// (react-hook-form) and the server. Strict objects: a role, gemeente or status cannot be added to
// the request; a colleague the coordinator invites gets the officer role of their gemeente and
// nothing more.
import * as z from "zod/mini";
import { emailField } from "@/lib/shared/beheer/schemas";
import { PLAIN_TEXT_MESSAGE, isPlainText } from "@/lib/shared/forms/text";

const colleagueName = z
  .string({ error: "Vul de naam van uw collega in." })
  .check(
    z.trim(),
    z.minLength(1, "Vul de naam van uw collega in."),
    z.maxLength(120, "De naam mag hoogstens 120 tekens lang zijn."),
    z.refine(isPlainText, PLAIN_TEXT_MESSAGE),
  );

/** The coordinator invites a colleague: name and e-mail address, nothing else. */
export const ZColleagueInviteSchema = z.strictObject({ name: colleagueName, email: emailField });
export type TColleagueInvite = z.infer<typeof ZColleagueInviteSchema>;

/** The status of a member of the team, as the team page shows it. */
export const TEAM_STATUS_LABEL = {
  actief: "Actief",
  uitgenodigd: "Uitgenodigd, nog geen wachtwoord",
  gedeactiveerd: "Gedeactiveerd",
} as const;
export type TeamStatus = keyof typeof TEAM_STATUS_LABEL;
