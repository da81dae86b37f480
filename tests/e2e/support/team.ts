// The coordinator's invitation of a colleague, as people do it: the coordinator fills in the form on
// the team page, the mail arrives at the run's SMTP server, the colleague opens its link in a
// browser of their own, sets a password and logs in. Shared by team.spec.ts and the issue's
// combined flow.
import { expect, type Page } from "@playwright/test";
import { login } from "./login";
import { linkIn, sentMails, waitForMail } from "./mail";

/** On the team page of `gemeente` (coordinator signed in): invites the colleague; answers the link in the mail. */
async function inviteColleague(coordinator: Page, gemeente: { slug: string; name: string }, colleague: { email: string; name: string }): Promise<string> {
  const before = await sentMails();
  await coordinator.goto(`/gemeenten/${gemeente.slug}/team`);
  await coordinator.getByLabel("Naam", { exact: true }).fill(colleague.name);
  await coordinator.getByLabel("E-mailadres", { exact: true }).fill(colleague.email);
  await coordinator.getByRole("button", { name: "Collega uitnodigen" }).click();
  await expect(coordinator.getByRole("status").filter({ hasText: `${colleague.email} is uitgenodigd voor het team van ${gemeente.name}.` })).toBeFocused();
  await expect(coordinator.getByRole("row", { name: new RegExp(colleague.email.replace(/[.+]/g, "\\$&")) })).toContainText("Uitgenodigd, nog geen wachtwoord");
  const mail = await waitForMail((candidate) => candidate.to === colleague.email && candidate.subject.startsWith("Uitnodiging"), { after: before });
  return linkIn(mail, "/account/link/");
}

/** The colleague opens the invitation link, sets a password and logs in. */
async function acceptInvitation(invited: Page, link: string, account: { email: string; password: string }) {
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: "Welkom: stel uw wachtwoord in" })).toBeVisible();
  await invited.getByLabel("Nieuw wachtwoord").fill(account.password);
  await invited.getByLabel("Herhaal het nieuwe wachtwoord").fill(account.password);
  await invited.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(invited.getByRole("heading", { name: "Uw wachtwoord is ingesteld" })).toBeFocused();
  await login(invited, account.email, account.password);
}

/** Both steps: the coordinator invites, the colleague accepts and is signed in. */
export async function inviteAndAcceptColleague(
  coordinator: Page,
  invited: Page,
  gemeente: { slug: string; name: string },
  colleague: { email: string; name: string; password: string },
) {
  const link = await inviteColleague(coordinator, gemeente, colleague);
  await acceptInvitation(invited, link, colleague);
  return link;
}
