// New accounts for a test, made the way a beheerder makes them: through the beheer pages, with an
// invitation that the invited person receives by e-mail (the run's SMTP server) and opens in a
// browser of their own to set a password.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { linkIn, sentMails, waitForMail } from "./mail";

export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A browser of its own (separate cookies), as a second person or a second device would have. */
export async function newBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  return context.newPage();
}

/**
 * On the account's page: the beheerder sends the invitation; answers the link in the mail that
 * arrives at `email` (the beheerder's page never shows it).
 */
export async function sendInvitation(admin: Page, email: string): Promise<string> {
  const before = await sentMails();
  await admin.getByRole("button", { name: /^Uitnodiging (opnieuw )?versturen$/ }).click();
  await expect(admin.getByRole("status").filter({ hasText: `De uitnodiging is per e-mail verstuurd naar ${email}.` })).toBeVisible();
  expect(await admin.content()).not.toMatch(/account\/link\//);
  const mail = await waitForMail((candidate) => candidate.to === email && candidate.subject.startsWith("Uitnodiging"), { after: before });
  return linkIn(mail, "/account/link/");
}

/**
 * The signed-in beheerder (`admin`) creates an account and sends its invitation; `invited`
 * opens the mailed link and sets `password`.
 */
export async function inviteAndSetPassword(
  admin: Page,
  invited: Page,
  account: { email: string; name: string; role: "Beheerder" | "Beleidsmedewerker"; gemeente?: string; password: string },
) {
  await admin.goto("/beheer/gebruikers/nieuw");
  await admin.getByLabel("E-mailadres", { exact: true }).fill(account.email);
  await admin.getByLabel("Naam", { exact: true }).fill(account.name);
  await admin.getByLabel("Rol", { exact: true }).selectOption({ label: account.role });
  if (account.gemeente) await admin.getByLabel("Gemeente", { exact: true }).selectOption({ label: account.gemeente });
  await admin.getByRole("button", { name: "Gebruiker aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: account.name })).toBeVisible();
  const link = await sendInvitation(admin, account.email.toLowerCase());

  await invited.goto(link);
  await invited.getByLabel("Nieuw wachtwoord").fill(account.password);
  await invited.getByLabel("Herhaal het nieuwe wachtwoord").fill(account.password);
  await invited.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(invited.getByRole("heading", { name: "Uw wachtwoord is ingesteld" })).toBeFocused();
}
