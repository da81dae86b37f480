// A gemeente's benchmarks and its development over time, as Delft's policy officer sees them: the
// rapport puts Delft's score per eis beside the median and quartiles of Haaglanden and of the
// country (anonymous, none suppressed in the demo's 2026), and the gemeente page puts the
// nulmeting 2021 beside the herhaalmeting 2026 (a draft, marked provisional). With axe, at 320 px.
import { expect, test, type Locator } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { login, scanIdOf } from "./support/login";

const cellTexts = (row: Locator) => row.getByRole("cell").allInnerTexts();

test("Delft's officer sees the region's and the national figures per eis on the rapport", async ({ page }) => {
  await login(page, "beleid@delft.example");
  for (const [meetronde, jaar, regio, landelijk] of [
    ["Herhaalmeting 2026", 2026, "5", "11"],
    ["Nulmeting 2021", 2021, "9", "9"],
  ] as const) {
    const scanId = await scanIdOf(page, "delft", meetronde);
    await page.goto(`/zelfscans/${scanId}/rapport`);
    await expect(page.getByRole("heading", { level: 2, name: "Vergelijking met de regio en het land" })).toBeVisible();
    const table = page.getByRole("table", { name: `Score per eis (0–3): Delft, regio Haaglanden en landelijk, ${jaar}` });
    await expect(table.getByRole("columnheader", { name: "Regio Haaglanden" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Landelijk" })).toBeVisible();
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(10);
    for (let index = 0; index < 10; index++) {
      const row = rows.nth(index);
      await expect(row.getByRole("rowheader")).toContainText(`Eis ${index + 1}`);
      const cells = await cellTexts(row);
      // Delft's score, then per selection the median, Q1–Q3 and the number of gemeenten.
      expect(cells, `${meetronde}, eis ${index + 1}`).toHaveLength(7);
      expect(cells[1]).toMatch(/^\d(,\d+)?$/);
      expect(cells[2]).toMatch(/^\d(,\d+)? – \d(,\d+)?$/);
      expect(cells[3]).toBe(regio);
      expect(cells[5]).toMatch(/^\d(,\d+)? – \d(,\d+)?$/);
      expect(cells[6]).toBe(landelijk);
    }
    await expect(table).not.toContainText("onderdrukt");
    // No other gemeente is named anywhere in the section.
    const section = page.getByRole("region", { name: "Vergelijking met de regio en het land" });
    for (const name of ["Den Haag", "Zoetermeer", "Rijswijk", "Westland", "Dordrecht"]) await expect(section).not.toContainText(name);
    await expect(page.getByRole("img", { name: /Diagram: per eis de score van Delft/ })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
});

test("the gemeente page of Delft shows the nulmeting 2021 beside the herhaalmeting 2026, marked provisional", async ({ page }) => {
  await login(page, "beleid@delft.example");
  await page.goto("/gemeenten/delft");
  const section = page.getByRole("region", { name: "Ontwikkeling sinds de nulmeting" });
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("Ontwikkeling sinds de nulmeting");
  await expect(section).toContainText("Voorlopig: de herhaalmeting Herhaalmeting 2026 is nog niet ingediend");
  const eisen = section.getByRole("table", { name: "Delft per eis: Nulmeting 2021 en Herhaalmeting 2026 (voorlopig)" });
  await expect(eisen.getByRole("columnheader")).toHaveText(["Eis", "Nulmeting 2021", "Herhaalmeting 2026 (voorlopig)", "Verandering"]);
  const rows = eisen.locator("tbody tr");
  await expect(rows).toHaveCount(11);
  await expect(rows.last().getByRole("rowheader")).toHaveText("Totaal");
  // Every eis has a nulmeting score; the change is said in words (beter, gelijk, slechter) or as not comparable.
  for (let index = 0; index < 10; index++) {
    const cells = await cellTexts(rows.nth(index));
    expect(cells[0]).toMatch(/^\d(,\d+)?$/);
    expect(cells[2]).toMatch(/^(beter|gelijk|slechter) \(|^niet te vergelijken/);
  }
  const onderdelen = section.getByRole("table", { name: "Delft per onderdeel: Nulmeting 2021 en Herhaalmeting 2026 (voorlopig)" });
  await expect(onderdelen.locator("tbody tr")).toHaveCount(38);
  await expect(section.getByRole("img", { name: /score van Delft per eis in Nulmeting 2021 en Herhaalmeting 2026/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
});
