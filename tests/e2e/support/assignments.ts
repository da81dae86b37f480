// Steps of the coordinator on the Toewijzingen page, for every spec that needs them (issue 15's
// combined flow too): assign a whole eis to a colleague with a due date.
import { expect, type Page } from "@playwright/test";

/** On /zelfscans/<id>/toewijzingen, as the coordinator: assigns eis `eis` to `person` with due date `dueOn` (yyyy-mm-dd). */
export async function assignEis(page: Page, input: { scanId: string; eis: number; person: string; dueOn: string; note?: string }) {
  await page.goto(`/zelfscans/${input.scanId}/toewijzingen`);
  await expect(page.getByRole("heading", { level: 1, name: "Toewijzingen" })).toBeVisible();
  const eisen = page.getByRole("group", { name: "Eisen en onderdelen" });
  await eisen.getByRole("checkbox", { name: new RegExp(`^Eis ${input.eis}: `) }).check();
  await page.getByRole("group", { name: "Toewijzen aan" }).getByRole("checkbox", { name: input.person, exact: true }).check();
  await page.getByLabel("Termijn (optioneel)").fill(input.dueOn);
  if (input.note) await page.getByLabel("Notitie (optioneel)").fill(input.note);
  await page.getByRole("button", { name: "Toewijzen", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /toegewezen\.$/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Huidige toewijzingen" }).getByRole("row", { name: new RegExp(`Eis ${input.eis}: .*${input.person}`) }),
  ).toBeVisible();
}
