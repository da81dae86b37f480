import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";

test("the start page speaks Dutch, explains the zelfscan and has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1, name: "Zelfscan Werken aan Veiligheid" })).toBeVisible();
  await expect(page.getByText(/de 38 onderdelen van het kwaliteitskader/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a keyboard user can skip to the content and open the kwaliteitskader", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Direct naar de inhoud" })).toBeFocused();
  await page.getByRole("link", { name: "Lees het kwaliteitskader" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/kwaliteitskader$/);
});

test("the kwaliteitskader shows all ten eisen with the official texts", async ({ page }) => {
  await page.goto("/kwaliteitskader");
  await expect(page.getByRole("heading", { level: 1, name: "Werken aan Veiligheid voor lokale (wijk)teams en gemeenten" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Eis \d+:/ })).toHaveCount(10);
  await expect(page.getByText("Hoe casuïstiek met elkaar wordt geëvalueerd zodat gezamenlijk wordt geleerd.")).toBeVisible();
  await expect(page.getByText("toegang hebben tot aandachtsfunctionarissen huiselijk geweld en kindermishandeling")).toBeVisible();
  for (const label of ["Niet ingericht", "In ontwikkeling", "Grotendeels ingericht", "Volledig ingericht en geborgd", "Weet ik niet"]) {
    await expect(page.getByText(label, { exact: false }).first()).toBeVisible();
  }
  await page.getByText("Voetnoten bij eis 3").click();
  await expect(page.getByRole("link", { name: "https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the kwaliteitskader reads at 320 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/kwaliteitskader");
  await expectNoHorizontalScroll(page);
});

test("the health endpoint names the embedded database and the framework version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({
    status: "ok",
    database: "embedded",
    framework: { id: "vng-werken-aan-veiligheid", version: "2019" },
  });
});
