import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Zelfscan-Demo-2026";

/** Logs in through the login form, as a person would. */
export async function login(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
