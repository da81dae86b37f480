// Mijn taken, submitting and the activity of a scan (issue 15), as the demo's Delft officers see
// them: the colleague finds the header's count and "Mijn taken", and is told that the coordinator
// submits; the coordinator sees the checklist before submitting; the activity lists who changed what.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { login, scanIdOf } from "./support/login";

test("the colleague sees the count in the header, Mijn taken, and who submits", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, "collega@delft.example");
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  const link = nav.getByRole("link", { name: /^Mijn taken, \d+ openstaand$/ });
  await expect(link).toBeVisible();
  const count = Number(/(\d+)/.exec((await link.textContent()) ?? "")![1]);
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn taken" })).toBeVisible();
  if (count === 0) {
    await expect(page.getByText("Er wacht nu niets op u")).toBeVisible();
  } else {
    await expect(page.getByText(`${count} ${count === 1 ? "taak wacht" : "taken wachten"} op u.`)).toBeVisible();
  }
  await expectNoAxeViolations(page);

  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  await page.goto(`/zelfscans/${scanId}/overzicht`);
  const indienen = page.getByRole("region", { name: "Indienen" });
  await expect(indienen.getByText("Alleen de coördinator van uw gemeente, Anouk de Vries, kan de zelfscan indienen.")).toBeVisible();
  await expect(indienen.getByRole("button", { name: "Zelfscan indienen" })).toHaveCount(0);
});

test("the coordinator sees the checklist before submitting, and the scan's activity", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  await page.goto(`/zelfscans/${scanId}/overzicht`);
  const checklist = page.getByRole("list", { name: "Controle vóór het indienen" });
  await expect(checklist.getByText(/Nog niet gereed:\s*Alle onderdelen zijn beantwoord/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Indienen" }).getByText("U kunt indienen als alle punten hierboven gereed zijn.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/zelfscans/${scanId}`);
  await page.getByRole("link", { name: "Activiteit: wie wijzigde wat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activiteit" })).toBeVisible();
  await expect(page.getByRole("table").or(page.getByText("Er is geen activiteit gevonden"))).toBeVisible();
  await page.getByLabel("Eis").selectOption("1");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/eis=1/);
  await expectNoAxeViolations(page);
});
