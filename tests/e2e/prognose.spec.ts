// Targets and the projected score (issue 17): Delft's officer gives an action a level ("Beoogd
// niveau na afronding") and the rapport's projected score for that eis rises; the project leader of
// Haaglanden sees the same per gemeente on the round's prognose page; others get 404. With axe.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { delftScanId } from "./support/demo-ids";
import { login } from "./support/login";

const TITLE = `E2E: beoogd niveau ${Date.now().toString(36)}`;
const score = (text: string) => Number(text.trim().replace(",", "."));

/** The rapport's row of one eis in "Score per eis": its cells' texts. */
async function eisRow(page: Page, eis: string): Promise<string[]> {
  const row = page
    .getByRole("table", { name: "Score per eis", exact: true })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${eis}\\. `) }) });
  return row.locator("th, td").allInnerTexts();
}

test("an officer sets a doelscore on an action and the rapport's projected score for its eis rises; the leader's prognose shows it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, "beleid@delft.example");
  const scanId = await delftScanId(page);

  // A gap without an action yet, as the rapport lists it.
  await page.goto(`/zelfscans/${scanId}/rapport`);
  const header = await page.getByRole("table", { name: "Score per eis", exact: true }).getByRole("columnheader").allInnerTexts();
  expect(header).toEqual(["Eis", "Score (0–3)", "Percentage", "Verwacht na de acties", "Doelniveau", "Beantwoord"]);
  const openGap = page.locator("li.gat").filter({ hasText: "Nog geen actie." }).first();
  const onderdeel = /^Onderdeel (\w+):/.exec(await openGap.getByRole("heading", { level: 3 }).innerText())![1]!;
  const eis = /^\d+/.exec(onderdeel)![0];
  const before = await eisRow(page, eis);
  expect(score(before[3]!)).toBe(score(before[1]!));
  await expect(page.getByRole("img", { name: /huidige score, daaronder de verwachte score/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The action, first without a level: it projects nothing.
  await page.goto(`/zelfscans/${scanId}/verbeterplan`);
  const form = page.getByRole("region", { name: "Nieuwe actie" });
  await form.getByLabel("Titel van de actie").fill(TITLE);
  await form.getByRole("checkbox", { name: new RegExp(`^${onderdeel} `) }).check();
  await form.getByRole("radio", { name: "Een externe partij" }).check();
  await form.getByLabel("Naam van de externe partij").fill("Wijkteamaanbieder");
  await expect(form.getByLabel("Beoogd niveau na afronding")).toHaveValue("");
  await form.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(form.getByText("De actie is toegevoegd.")).toBeVisible();
  const added = page.getByRole("article", { name: new RegExp(TITLE) });
  await expect(added).toContainText(/Beoogd niveau na afronding\s*geen/);

  // Now with a level: the scale's labels are the choices.
  await added.getByText("Bewerken", { exact: true }).click();
  const level = added.getByLabel("Beoogd niveau na afronding");
  await expect(level.getByRole("option")).toHaveText([
    "Geen",
    "0 – Niet ingericht",
    "1 – In ontwikkeling",
    "2 – Grotendeels ingericht",
    "3 – Volledig ingericht en geborgd",
  ]);
  await level.selectOption({ label: "3 – Volledig ingericht en geborgd" });
  await added.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(added.getByText("De actie is opgeslagen.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("article", { name: new RegExp(TITLE) })).toContainText(/Beoogd niveau na afronding\s*3 – Volledig ingericht en geborgd/);
  // The plan's own table names the action among those that raise the eis.
  const planRow = page
    .getByRole("table", { name: /^Huidige, verwachte en beoogde score per eis/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${eis}\\. `) }) });
  await expect(planRow).toContainText(TITLE);
  await expectNoAxeViolations(page);

  await page.goto(`/zelfscans/${scanId}/rapport`);
  const after = await eisRow(page, eis);
  expect(after[1]).toBe(before[1]);
  expect(score(after[3]!)).toBeGreaterThan(score(before[3]!));
  expect(after[4]).toBe(before[4]);

  // The project leader of Haaglanden: the round's prognose, Delft with the same figures.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await login(leader, "projectleider@haaglanden.example");
  await leader.goto("/regios/haaglanden/meetrondes");
  await leader.getByRole("link", { name: "Prognose Herhaalmeting 2026", exact: true }).click();
  await expect(leader.getByRole("heading", { level: 1, name: "Prognose Herhaalmeting 2026 – regio Haaglanden" })).toBeVisible();
  const delftTotal = leader
    .getByRole("table", { name: /^Totaalscore per gemeente/ })
    .getByRole("row")
    .filter({ has: leader.getByRole("rowheader", { name: "Delft", exact: true }) });
  const [, , current, projected] = await delftTotal.locator("th, td").allInnerTexts();
  expect(score(projected!)).toBeGreaterThan(score(current!));
  const delftEis = leader
    .getByRole("table", { name: /^Delft: score per eis/ })
    .getByRole("row")
    .filter({ has: leader.getByRole("rowheader", { name: new RegExp(`^${eis}\\. `) }) });
  expect(await delftEis.locator("td").allInnerTexts()).toEqual([after[1], after[3], after[4]]);
  await expectNoAxeViolations(leader);
  await leader.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(leader);
  const prognoseUrl = leader.url();
  await leaderContext.close();

  // Delft's officer is no leader: the prognose page does not exist for them.
  const response = await page.goto(prognoseUrl);
  expect(response?.status()).toBe(404);
});
