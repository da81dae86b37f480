// Session hygiene in the browser (issue 12, point 5): "Mijn account" with the password change
// (current password required, other sessions end, this one stays), the demo accounts keeping their
// published password, and a new login in the same browser ending the session it had before.
import { expect, test, type Page } from "@playwright/test";
import { inviteAndSetPassword, newBrowser, unique } from "./support/accounts";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { loginAsBeheerder } from "./support/beheerder";
import { login } from "./support/login";

const FIRST_PASSWORD = "fietsen langs de Schie in de zomer";
const NEW_PASSWORD = "een nieuwe zin voor een nieuw jaar";
const errorSummary = (page: Page) => page.getByRole("alert", { name: "Uw wachtwoord is niet gewijzigd" });

async function fillPasswords(page: Page, current: string, next: string, repeat = next) {
  await page.getByLabel("Huidig wachtwoord").fill(current);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(next);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(repeat);
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
}

test("a user changes their own password on Mijn account: the current one is needed, other sessions end, this one stays", async ({ page, browser }) => {
  const email = `e2e-account-${unique()}@delft.example`;
  const admin = await newBrowser(browser);
  await loginAsBeheerder(admin);
  await inviteAndSetPassword(admin, page, { email, name: "Anna Account", role: "Beleidsmedewerker", gemeente: "Delft (Haaglanden)", password: FIRST_PASSWORD });
  await admin.context().close();

  // The same user on a second device.
  const other = await newBrowser(browser);
  await login(other, email, FIRST_PASSWORD);
  await login(page, email, FIRST_PASSWORD);

  // Reachable from the header.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mijn account" })).toBeVisible();
  await expect(page.getByText("Anna Account", { exact: true }).last()).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Tweestapsverificatie" })).toHaveAttribute("href", "/account/tweestapsverificatie");
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Nothing filled in: a focused error summary with links to the fields.
  await page.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(page.getByRole("link", { name: "Vul uw huidige wachtwoord in." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Vul een wachtwoord in." })).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong current password and a common new one are refused by the server.
  await fillPasswords(page, "niet mijn wachtwoord", NEW_PASSWORD);
  await expect(page.getByRole("link", { name: "Uw huidige wachtwoord is niet juist." })).toBeVisible();
  await expect(errorSummary(page)).toBeFocused();
  await fillPasswords(page, FIRST_PASSWORD, "Qwerty123456");
  await expect(page.getByRole("link", { name: /veelgebruikte wachtwoorden/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await fillPasswords(page, FIRST_PASSWORD, NEW_PASSWORD);
  await expect(page.getByRole("status").filter({ hasText: "Uw wachtwoord is gewijzigd. U bent uitgelogd op uw andere apparaat of browser." })).toBeFocused();
  await expect(page.getByLabel("Huidig wachtwoord")).toHaveValue("");
  await expectNoAxeViolations(page);

  // The other device is signed out; this browser stays signed in.
  await other.goto("/gemeenten/delft");
  await expect(other).toHaveURL(/\/login/);
  await other.context().close();
  await page.goto("/gemeenten/delft");
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Delft" })).toBeVisible();

  // Only the new password works from now on.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("U bent uitgelogd.")).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByText("Het e-mailadres of het wachtwoord is onjuist.")).toBeVisible();
  await login(page, email, NEW_PASSWORD);
});

test("the demo accounts keep their published password", async ({ page }) => {
  await login(page, "beleid@rijswijk.example");
  await page.goto("/account");
  await fillPasswords(page, "Zelfscan-Demo-2026", NEW_PASSWORD);
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page)).toContainText("Op deze demo-omgeving kunt u het wachtwoord van de demo-accounts niet wijzigen");
  await expectNoAxeViolations(page);
});

test("a new login in the same browser ends the session that browser had", async ({ page, context, browser }) => {
  // Two tabs with the login form; the first signs in as one user.
  const secondTab = await context.newPage();
  await secondTab.goto("/login");
  await login(page, "beleid@delft.example");
  const earlier = await context.cookies();
  expect(earlier.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

  // The earlier session works wherever its cookie is presented...
  const elsewhere = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await elsewhere.addCookies(earlier);
  const probe = await elsewhere.newPage();
  await probe.goto("/gemeenten/delft");
  await expect(probe.getByRole("heading", { level: 1, name: "Gemeente Delft" })).toBeVisible();

  // ...until someone else signs in in the same browser: then it has ended on the server.
  await secondTab.getByLabel("E-mailadres").fill("beleid@rijswijk.example");
  await secondTab.getByLabel("Wachtwoord").fill("Zelfscan-Demo-2026");
  await secondTab.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(secondTab).not.toHaveURL(/\/login/);
  await probe.goto("/gemeenten/delft");
  await expect(probe).toHaveURL(/\/login/);
  await page.goto("/gemeenten/rijswijk");
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Rijswijk" })).toBeVisible();
  await elsewhere.close();
});
