// New accounts for a test, made the way a beheerder makes them: through the beheer pages, with an
// invitation link that the invited person opens in a browser of their own to set a password.
import { expect, test, type Browser, type Page } from "@playwright/test";

export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A browser of its own (separate cookies), as a second person or a second device would have. */
export async function newBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  return context.newPage();
}

/**
 * The signed-in beheerder (`admin`) creates an account and makes its invitation link; `invited`
 * opens it and sets `password`.
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
  await admin.getByRole("button", { name: "Uitnodigingslink maken" }).click();
  const link = await admin.getByLabel("Uitnodigingslink", { exact: true }).inputValue();

  await invited.goto(link);
  await invited.getByLabel("Nieuw wachtwoord").fill(account.password);
  await invited.getByLabel("Herhaal het nieuwe wachtwoord").fill(account.password);
  await invited.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(invited.getByRole("heading", { name: "Uw wachtwoord is ingesteld" })).toBeFocused();
}
