// The idle timeout (WCAG 2.2.1): two minutes before the session ends the user is warned in a
// dialog and can stay signed in; doing nothing ends at the login page. The browser's clock is run
// forward; the server's idle timer is the real one (30 minutes), so the server still counts the
// session as valid and the warning is driven by what the server reports.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { login } from "./support/login";

test("after 28 idle minutes a dialog warns; staying signed in asks the server, doing nothing leads to the login page", async ({ page }) => {
  await page.clock.install();
  await login(page, "beleid@rijswijk.example");
  await page.goto("/gemeenten/rijswijk");
  const dialog = page.getByRole("dialog", { name: "U wordt bijna uitgelogd" });
  await expect(dialog).toBeHidden();

  await page.clock.fastForward("28:30");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("wordt u automatisch uitgelogd");
  await expect(dialog.getByRole("button", { name: "Ingelogd blijven" })).toBeFocused();
  await expectNoAxeViolations(page);

  const extended = page.waitForResponse((response) => response.url().endsWith("/api/sessie") && response.request().method() === "POST");
  await page.keyboard.press("Enter");
  expect((await extended).status()).toBe(200);

  // Nothing more from the user: when the session's end passes, the page goes to the login page,
  // and the session has ended on the server too, although the server's own clock has not got there.
  await page.clock.fastForward("31:00");
  await expect(page).toHaveURL(/\/login\?verlopen=1/);
  await expect(page.getByRole("status").filter({ hasText: "automatisch uitgelogd" })).toBeVisible();
  expect((await page.request.get("/api/sessie")).status()).toBe(401);
  await page.goto("/gemeenten/rijswijk");
  await expect(page).toHaveURL(/\/login/);
});
