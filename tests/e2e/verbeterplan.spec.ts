// The verbeterplan as a policy officer makes it: an action through the form (with the error
// summary first), the order changed, and the exports as a user downloads them: the PDF checked
// with poppler (tagged, title, embedded fonts, every gap and every action's owner and deadline)
// and the Excel workbook read back.
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { headingsOf, nodesOf, readStructureText, squeeze, tableOf, textOf } from "../support/pdf";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { login, scanIdOf } from "./support/login";

const TITLE = `E2E: werkinstructie borgen ${Date.now().toString(36)}`;

test("a policy officer adds an action, orders the plan and downloads it as a tagged PDF and as Excel", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Nulmeting 2021");
  await page.goto(`/zelfscans/${scanId}`);
  await page.getByRole("link", { name: "Verbeterplan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Verbeterplan Delft – Nulmeting 2021" })).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.getByRole("region", { name: "Nieuwe actie" });
  await form.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(form.getByRole("alert", { name: "De actie is niet opgeslagen" })).toBeFocused();
  await expect(form.getByRole("link", { name: "Geef de actie een titel van ten minste 3 tekens." })).toBeVisible();
  await expectNoAxeViolations(page);

  await form.getByLabel("Titel van de actie").fill(TITLE);
  await form.getByRole("checkbox", { name: /^3a / }).check();
  await form.getByRole("radio", { name: "Een externe partij" }).check();
  await form.getByLabel("Naam van de externe partij").fill("Petra de Wit-Özdemir");
  await form.getByLabel("Rol van de eigenaar").fill("Teamleider wijkteam");
  await form.getByLabel("Partners (gescheiden door komma's)").fill("Veilig Thuis, GGD");
  await form.getByLabel("Deadline").fill("2027-03-31");
  await form.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(form.getByText("De actie is toegevoegd.")).toBeVisible();
  const added = page.getByRole("article", { name: new RegExp(TITLE) });
  await expect(added).toContainText("31 maart 2027");
  await expect(added).toContainText("Petra de Wit-Özdemir (externe partij), Teamleider wijkteam");

  await added.getByRole("button", { name: `${TITLE} omhoog` }).click();
  await expect(page.getByText("De volgorde is aangepast.")).toBeVisible();
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // What the plan says, as the page shows it: every action's owner and deadline.
  const acties = await page.getByRole("article").evaluateAll((articles) =>
    articles.map((article) => {
      const value = (term: string) => [...article.querySelectorAll("dt")].find((dt) => dt.textContent === term)?.nextElementSibling?.textContent ?? "";
      return { owner: value("Eigenaar"), deadline: value("Deadline") };
    }),
  );
  expect(acties.length).toBeGreaterThan(1);
  // Each action as the page shows it (heading, description and the list of its details), without the editing controls.
  const actieTexts = await page.getByRole("article").evaluateAll((articles) =>
    articles.map((article) => ({
      heading: article.querySelector("h3")!.textContent!,
      text: [...article.children]
        .filter((child) => ["H3", "P", "DL"].includes(child.tagName))
        .map((child) => child.textContent)
        .join(" "),
    })),
  );

  // The gaps, as the report lists them.
  await page.goto(`/zelfscans/${scanId}/rapport`);
  await expectNoAxeViolations(page);
  const gapHeadings = await page.getByRole("heading", { level: 3 }).allInnerTexts();
  const gapIds = gapHeadings.map((text) => /^Onderdeel (\w+):/.exec(text)?.[1]).filter(Boolean);
  expect(gapIds.length).toBeGreaterThan(0);
  const scoreRows = await page
    .getByRole("table", { name: "Score per eis", exact: true })
    .locator("tr")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent!)));
  const kengetallen = await page
    .getByRole("region", { name: "Samenvatting" })
    .getByRole("listitem")
    .evaluateAll((cards) => cards.map((card) => [...card.children].map((part) => part.textContent!).filter(Boolean)));
  expect(kengetallen).toHaveLength(4);
  await page.goto(`/zelfscans/${scanId}/verbeterplan`);

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Verbeterplan downloaden (pdf)" }).click();
  const pdfFile = test.info().outputPath("verbeterplan.pdf");
  await (await pdfDownload).saveAs(pdfFile);
  const info = execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" });
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  expect(info).toMatch(/^Title:\s+Verbeterplan Werken aan Veiligheid – Delft – Nulmeting 2021$/m);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThan(40);
  const fonts = execFileSync("pdffonts", [pdfFile], { encoding: "utf8" }).trim().split("\n").slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe("yes");
  const text = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("Delft");
  for (const id of gapIds) expect(text, `onderdeel ${id}`).toContain(`Onderdeel ${id}:`);
  for (const actie of acties) {
    for (const part of actie.owner.split(", ").filter((value) => value !== "nog niet bepaald")) expect(text, part).toContain(part);
    if (actie.deadline !== "nog niet bepaald") expect(text, actie.deadline).toContain(actie.deadline);
  }

  // The PDF renders the pages' own components, so it says what they say: the report's gaps and
  // then the plan's actions as its level-3 headings, in the same order, nothing left out or
  // added; each action with the same details; the same table per requirement and the same figures.
  const structure = readStructureText(pdfFile);
  // The actions twice: in the plan, and again in the Voortgangsrapportage for the college.
  const actieHeadings = actieTexts.map((actie) => actie.heading);
  expect(headingsOf(structure, 3).map(squeeze)).toEqual([...gapHeadings, ...actieHeadings, ...actieHeadings].map(squeeze));
  expect(nodesOf(structure, "Art").map((node) => squeeze(textOf(node)))).toEqual(actieTexts.map((actie) => squeeze(actie.text)));
  expect(tableOf(structure, "Score per eis").map((row) => row.cells.map((cell) => squeeze(cell.text)))).toEqual(scoreRows.map((row) => row.map(squeeze)));
  // The figures of the summary (poppler leaves the <strong> of a figure out of the structure, so from the text).
  for (const part of kengetallen.flat()) expect(squeeze(text), part).toContain(squeeze(part));

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Acties downloaden (Excel)" }).click();
  const xlsxFile = test.info().outputPath("verbeterplan.xlsx");
  await (await xlsxDownload).saveAs(xlsxFile);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxFile);
  const sheet = workbook.getWorksheet("Verbeterplan")!;
  expect(sheet.getRow(1).getCell(2).value).toBe("actie");
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
  const row = rows.find((values) => values.includes(TITLE))!;
  expect(row).toBeDefined();
  expect(row[5]).toBe("Petra de Wit-Özdemir");
  expect(row[6]).toBe("externe partij");
  expect(row[9]).toEqual(new Date("2027-03-31T00:00:00Z"));

  const csv = await page.request.get(`/zelfscans/${scanId}/verbeterplan.csv`);
  expect(csv.headers()["cache-control"]).toBe("no-store");
  expect(await csv.text()).toContain(`"${TITLE}";`);
});

test("merging two actions combines their items; a colleague's change since the page was loaded makes it a conflict that loses nothing", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const [kept, merged, changed] = [`E2E samen houden ${stamp}`, `E2E samen opgaan ${stamp}`, `E2E samen opgaan, door een collega aangevuld ${stamp}`];
  await login(page, "beleid@rijswijk.example");
  const scanId = await scanIdOf(page, "rijswijk", "Nulmeting 2021");
  const planUrl = `/zelfscans/${scanId}/verbeterplan`;
  await page.goto(planUrl);
  const form = page.getByRole("region", { name: "Nieuwe actie" });
  for (const [title, onderdeel] of [
    [kept, /^3a /],
    [merged, /^3b /],
  ] as const) {
    await form.getByLabel("Titel van de actie").fill(title);
    await form.getByRole("checkbox", { name: onderdeel }).check();
    await form.getByRole("radio", { name: "Een externe partij" }).check();
    await form.getByLabel("Naam van de externe partij").fill("Wijkteamaanbieder");
    await form.getByRole("button", { name: "Actie toevoegen" }).click();
    await expect(page.getByRole("article", { name: new RegExp(title) })).toBeVisible();
    await page.goto(planUrl);
  }
  const article = (title: string) => page.getByRole("article", { name: new RegExp(`^\\d+\\. ${title}$`) });
  const mergeChosen = async (titles: string[]) => {
    for (const title of titles) await article(title).getByRole("checkbox", { name: "Kiezen om samen te voegen" }).check();
    await page.getByRole("button", { name: "Gekozen acties samenvoegen" }).click();
  };

  // A colleague changes one of the two after this page was loaded.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const colleague = await context.newPage();
  await login(colleague, "beleid@rijswijk.example");
  await colleague.goto(planUrl);
  const theirs = colleague.getByRole("article", { name: new RegExp(`^\\d+\\. ${merged}$`) });
  await theirs.getByText("Bewerken", { exact: true }).click();
  await theirs.getByLabel("Titel van de actie").fill(changed);
  await theirs.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(colleague.getByText("De actie is opgeslagen.")).toBeVisible();
  await expect(colleague.getByRole("article", { name: new RegExp(`^\\d+\\. ${changed}$`) })).toBeVisible();
  await context.close();

  await mergeChosen([kept, merged]);
  await expect(page.getByRole("alert").filter({ hasText: "Er is niets samengevoegd" })).toHaveText(
    "Iemand anders heeft een van de gekozen acties intussen gewijzigd of verwijderd. Er is niets samengevoegd; bekijk de actuele stand en kies opnieuw.",
  );
  await expect(article(kept)).toContainText("3a");
  await expect(article(changed)).toContainText("3b");
  await expectNoAxeViolations(page);

  // On the current plan, the merge goes through: one action with the items of both.
  await mergeChosen([kept, changed]);
  await expect(page.getByRole("status").filter({ hasText: "De acties zijn samengevoegd tot één actie." })).toBeVisible();
  await expect(article(kept).locator("dd").first()).toHaveText("3a, 3b");
  await expect(article(changed)).toHaveCount(0);
});
