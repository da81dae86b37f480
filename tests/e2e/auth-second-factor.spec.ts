// The second factor of a beheerder. The demo beheerder has the factor published in the README
// and logs in with a code of that key from the first login on: no visitor can set up a factor of
// their own for it. A new beheerder account (invited by the demo beheerder) has no factor yet: its
// set-up is forced before anything else, then every login asks for a code from the app or a
// recovery code, and no code works twice. (playwright.config.ts runs this spec before the others.)
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { inviteAndSetPassword, newBrowser, unique } from "./support/accounts";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { enrollOnSetupPage, freshCode, loginAsBeheerder, submitPassword } from "./support/beheerder";

const CODE_FIELD = "Code uit uw authenticator-app of een herstelcode";

async function logout(page: Page) {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("U bent uitgelogd.")).toBeVisible();
}

async function submitCode(page: Page, code: string) {
  await page.getByLabel(CODE_FIELD).fill(code);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await answered;
}

test("the demo beheerder has the published factor from the first login: the password alone leads nowhere, a code of the README's key gets in", async ({
  page,
}) => {
  await submitPassword(page);
  await expect(page.getByLabel(CODE_FIELD)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // No way to the set-up page, where the first visitor used to choose the beheerder's factor.
  await page.goto("/account/tweestapsverificatie");
  await expect(page).toHaveURL(/\/login/);
  await loginAsBeheerder(page);
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toBeVisible();
  await page.goto("/account/tweestapsverificatie");
  await expect(page.getByRole("heading", { level: 1, name: "Tweestapsverificatie" })).toBeVisible();
  await expect(page.getByText("Tweestapsverificatie staat aan voor uw account.")).toBeVisible();
  await expect(page.getByTestId("totp-sleutel")).toHaveCount(0);
});

test("a new beheerder cannot get past the second factor, sets it up, and logs in with a code or a recovery code once", async ({ page, browser }) => {
  // Each code works once, so the authenticator app waits for new time steps (30 s each) several times.
  test.setTimeout(150_000);
  // The demo beheerder invites a new beheerder, who sets a password in a browser of their own.
  const email = `e2e-beheerder-${unique()}@zelfscan.example`;
  const password = "sleutels aan de haak bij de deur";
  const admin = await newBrowser(browser);
  await loginAsBeheerder(admin);
  await inviteAndSetPassword(admin, page, { email, name: "Nieuwe Beheerder", role: "Beheerder", password });
  await admin.context().close();

  // First login with the password alone: only the set-up page can be reached.
  await submitPassword(page, email, password);
  await expect(page).toHaveURL(/\/account\/tweestapsverificatie$/);
  await expect(page.getByText("Voor uw account is een tweede factor verplicht.")).toBeVisible();
  await expectNoAxeViolations(page);
  for (const path of ["/", "/beheer", "/beheer/gebruikers", "/beheer/audit"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/tweestapsverificatie$/);
  }
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toHaveCount(0);

  // A wrong code: a focused error summary, the factor stays off.
  await page.getByLabel("Code uit de app (zes cijfers)").fill("12345");
  await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  await expect(page.getByRole("alert", { name: "Tweestapsverificatie staat nog niet aan" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Een code heeft zes cijfers." })).toBeVisible();
  await expectNoAxeViolations(page);

  const state = await enrollOnSetupPage(page, email);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("link", { name: "Ik heb de codes bewaard, verder naar mijn overzicht" }).click();
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toBeVisible();
  const usedStep = state.lastStep;
  await logout(page);

  // The password alone is not enough any more; a wrong code and the code already used are refused.
  await submitPassword(page, email, password);
  await expect(page.getByLabel(CODE_FIELD)).toBeVisible();
  await expect(page.getByText("Vul de code uit uw authenticator-app in, of een van uw herstelcodes.")).toBeVisible();
  await submitCode(page, "000000");
  await expect(page.getByText("De code is onjuist of verlopen.")).toBeVisible();
  await submitCode(page, await generate({ secret: state.secret, epoch: usedStep * 30 }));
  await expect(page.getByText("De code is onjuist of verlopen.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  // A recovery code works once.
  const recoveryCode = state.recoveryCodes[0]!;
  await submitCode(page, recoveryCode.toUpperCase());
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toBeVisible();
  await logout(page);
  await submitPassword(page, email, password);
  await submitCode(page, recoveryCode);
  await expect(page.getByText("De code is onjuist of verlopen.")).toBeVisible();

  // A fresh code from the app.
  await submitCode(page, await freshCode(state));
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toBeVisible();
  await page.goto("/account/tweestapsverificatie");
  await expect(page.getByText("U heeft nog 9 ongebruikte herstelcodes.")).toBeVisible();
  await expectNoAxeViolations(page);
});
