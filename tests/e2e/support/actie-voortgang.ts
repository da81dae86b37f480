// The steps of an action's owner reporting progress on it in the verbeterplan: reusable by the
// issue's combined flow (a colleague who accepted an invitation updates an action they own).
import { expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

/** On the plan page of `scanId`: reports `status` with `note` on the action titled `title`, and checks the history shows it. */
export async function ownerReportsProgress(page: Page, input: { scanId: string; title: string | RegExp; status: string; note: string }) {
  await page.goto(`/zelfscans/${input.scanId}/verbeterplan`);
  const actie = page.getByRole("article", { name: input.title });
  await expect(actie).toBeVisible();
  // The owner finds the form open on their own action.
  const form = actie.locator("form").filter({ has: page.getByRole("button", { name: "Voortgang melden" }) });
  await form.getByLabel("Nieuwe status").selectOption({ label: input.status });
  await form.getByLabel("Toelichting").fill(input.note);
  await form.getByRole("button", { name: "Voortgang melden" }).click();
  await expect(form.getByText("De voortgang is gemeld.")).toBeVisible();
  const history = actie.getByRole("table", { name: /^Voortgang van/ });
  await expect(history.getByRole("row").filter({ hasText: input.note })).toContainText(input.status);
  await expectNoAxeViolations(page);
  return actie;
}
