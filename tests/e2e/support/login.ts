import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Zelfscan-Demo-2026";

/** Logs in through the login form, as a person would. */
export async function login(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The id of a gemeente's scan in a round, found as a user finds it: through the gemeente page. */
export async function scanIdOf(page: Page, gemeenteSlug: string, meetronde: string): Promise<string> {
  await page.goto(`/gemeenten/${gemeenteSlug}`);
  const href = await page.getByRole("link", { name: `Zelfscan ${meetronde} bekijken` }).getAttribute("href");
  return href!.split("/").at(-1)!;
}
