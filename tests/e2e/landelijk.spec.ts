// The national programme team (issue 17): the spread of the submitted scans per year, nationally
// and per region, without ever naming a gemeente: not on its pages, not in its exports. Expected
// figures come from the demo data module (lib/demo/data.ts), the same source the seed writes.
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_MEETRONDES, DEMO_REGIOS, demoAnswers } from "@/lib/demo/data";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { loginAsBeheerder } from "./support/beheerder";
import { delftScanId } from "./support/demo-ids";
import { login } from "./support/login";

const LANDELIJK = "landelijk@zelfscan.example";
const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const GEMEENTE_NAMES = DEMO_REGIOS.flatMap((regio) => regio.gemeenten.map((gemeente) => gemeente.name));
const ONDERDRUKT = "onderdrukt (minder dan 5 gemeenten)";

/** The year of a demo round as the app counts it: the UTC year of its start (midnight in Amsterdam). */
const yearOf = (startsOn: string) => new Date(`${startsOn}T00:00:00+01:00`).getUTCFullYear();

/** The demo's counted scans of a year: submitted, one per gemeente (its latest round that year). */
function countedScans(jaar: number) {
  const latest = new Map<string, { regio: string; answers: ReturnType<typeof demoAnswers> }>();
  const rounds = DEMO_MEETRONDES.filter((meetronde) => yearOf(meetronde.startsOn) === jaar).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (const meetronde of rounds) {
    const regio = DEMO_REGIOS.find((candidate) => candidate.slug === meetronde.regio)!;
    for (const plan of meetronde.scans.filter((candidate) => candidate.submitted)) {
      const gemeente = regio.gemeenten.find((candidate) => candidate.slug === plan.gemeente)!;
      latest.set(gemeente.slug, { regio: regio.slug, answers: demoAnswers(gemeente, meetronde.name, plan.progress, framework.onderdelen) });
    }
  }
  return [...latest.values()];
}

const JAREN = [
  ...new Set(DEMO_MEETRONDES.filter((meetronde) => meetronde.scans.some((scan) => scan.submitted)).map((meetronde) => yearOf(meetronde.startsOn))),
].sort((a, b) => b - a);

function expectNoGemeenteName(text: string, where: string) {
  for (const name of GEMEENTE_NAMES) expect(text, `${where} noemt ${name}`).not.toContain(name);
}

/** The whole page as served (markup, attributes, scripts) and as read. */
async function expectPageWithoutNames(page: Page, where: string) {
  expectNoGemeenteName(await page.content(), where);
  expectNoGemeenteName(await page.locator("body").innerText(), where);
}

test.describe("the national programme team", () => {
  test("is led from the start page and the header to the national view, and to no gemeente", async ({ page }) => {
    await login(page, LANDELIJK);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn overzicht" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Landelijk overzicht" })).toHaveAttribute("href", "/landelijk");
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs).toContain("/landelijk");
    expect(hrefs.filter((href) => /^\/(gemeenten|zelfscans|regios)\b/.test(href ?? ""))).toEqual([]);
    await expect(page.getByText("Uw account heeft nog geen gemeente of regio")).toHaveCount(0);
    await expectPageWithoutNames(page, "de startpagina");
    await expectNoAxeViolations(page);

    await page
      .getByRole("main")
      .getByRole("link", { name: /landelijk overzicht/i })
      .first()
      .click();
    await expect(page).toHaveURL(/\/landelijk$/);
    await expect(page.getByRole("heading", { level: 1, name: "Landelijk overzicht" })).toBeVisible();
  });

  test("sees every year and region without a gemeente's name; 2026 shows nationally, Hollands Midden is suppressed", async ({ page }) => {
    test.setTimeout(180_000);
    await login(page, LANDELIJK);
    await page.goto("/landelijk");
    expect(JAREN).toEqual([2026, 2024, 2021]);
    // The latest year by default, with the suppression rule explained in words.
    await expect(page.getByLabel("Jaar", { exact: true })).toHaveValue("2026");
    await expect(page.getByLabel("Regio", { exact: true })).toHaveValue("");
    await expect(page.getByRole("region", { name: "Zo blijven gemeenten onherkenbaar" })).toContainText("minder dan 5 gemeenten");
    await expect(page.getByText("11 gemeenten met een ingediende zelfscan")).toBeVisible();

    // National 2026: every eis and every onderdeel shows its figures.
    const eisen = page.getByRole("table", { name: "Verdeling per eis, landelijk, 2026 (score 0 tot 3)" });
    await expect(eisen.locator("tbody tr")).toHaveCount(framework.requirements.length);
    await expect(eisen).not.toContainText("onderdrukt");
    for (const row of await eisen.locator("tbody tr").all()) await expect(row.locator("td").first()).toHaveText("11");
    const onderdelen = page.getByRole("table", { name: /^Verdeling per onderdeel, landelijk, 2026/ });
    await expect(onderdelen.locator("tbody tr")).toHaveCount(framework.onderdelen.length);
    await expect(onderdelen).not.toContainText("onderdrukt");
    // "Aantal gemeenten dat dit goed doet (score 3)", computed here from the demo data module.
    const scans2026 = countedScans(2026);
    expect(scans2026).toHaveLength(11);
    const headers = await onderdelen.locator("thead th").allInnerTexts();
    const goed = headers.findIndex((header) => header.startsWith("Aantal gemeenten dat dit goed doet (score 3)"));
    expect(goed).toBeGreaterThan(0);
    for (const [index, onderdeel] of framework.onderdelen.entries()) {
      // "Weet ik niet" has no score, so it is not counted as doing it well.
      const expected = scans2026.filter((scan) => scan.answers.find((answer) => answer.onderdeelId === onderdeel.id)!.score === 3).length;
      await expect(onderdelen.locator("tbody tr").nth(index).locator("th, td").nth(goed), onderdeel.id).toHaveText(String(expected));
    }
    // The bar repeats the counts in its name; the numbers stay in the table.
    await expect(onderdelen.getByRole("img").first()).toHaveAttribute(
      "aria-label",
      /^Verdeling: score 0 \d+, score 1 \d+, score 2 \d+, score 3 \d+, weet ik niet \d+$/,
    );

    // Per region: Haaglanden (5) and Zuid-Holland Zuid (6) shown, Hollands Midden (none) suppressed.
    const perRegio = page.getByRole("table", { name: "Mediaan per eis per regio, 2026" });
    await expect(
      perRegio
        .getByRole("row", { name: /^Haaglanden/ })
        .locator("td")
        .first(),
    ).toHaveText("5");
    await expect(
      perRegio
        .getByRole("row", { name: /^Zuid-Holland Zuid/ })
        .locator("td")
        .first(),
    ).toHaveText("6");
    await expect(perRegio.getByRole("row", { name: /^Hollands Midden/ }).locator("td")).toHaveText([ONDERDRUKT]);
    await expectPageWithoutNames(page, "/landelijk");
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The filter form: a region of a year.
    await page.getByLabel("Regio", { exact: true }).selectOption({ label: "Hollands Midden" });
    await page.getByRole("button", { name: "Tonen" }).click();
    await expect(page).toHaveURL(/\/landelijk\?jaar=2026&regio=hollands-midden$/);
    await expect(page.getByRole("heading", { level: 2, name: "Regio Hollands Midden in 2026" })).toBeVisible();
    await expect(page.getByText(`Alle cijfers zijn ${ONDERDRUKT}.`)).toBeVisible();
    const hmEisen = page.getByRole("table", { name: /^Verdeling per eis, regio Hollands Midden, 2026/ });
    await expect(hmEisen.locator("tbody td")).toHaveText(Array(framework.requirements.length).fill(ONDERDRUKT));
    await expect(page.getByRole("table", { name: /^Verdeling per onderdeel, regio Hollands Midden, 2026/ }).locator("tbody td")).toHaveText(
      Array(framework.onderdelen.length).fill(ONDERDRUKT),
    );
    await expectNoAxeViolations(page);

    // Every year, nationally and per region: never a gemeente's name; the counts as the demo has them.
    for (const jaar of JAREN) {
      const scans = countedScans(jaar);
      for (const regio of [null, ...DEMO_REGIOS.map((candidate) => candidate)]) {
        const response = await page.goto(`/landelijk?jaar=${jaar}${regio ? `&regio=${regio.slug}` : ""}`);
        expect(response!.status()).toBe(200);
        const where = `/landelijk ${jaar} ${regio?.name ?? "landelijk"}`;
        await expectPageWithoutNames(page, where);
        const n = regio ? scans.filter((scan) => scan.regio === regio.slug).length : scans.length;
        if (n >= 5) await expect(page.getByText(`${n} gemeenten met een ingediende zelfscan`), where).toBeVisible();
        else await expect(page.getByText(`Alle cijfers zijn ${ONDERDRUKT}.`), where).toBeVisible();
      }
    }
    // An unknown region or year, or nonsense: not found.
    for (const query of ["?regio=bestaat-niet", "?jaar=1999", "?jaar=twintig"]) expect((await page.goto(`/landelijk${query}`))!.status(), query).toBe(404);
  });

  test("downloads CSV, xlsx and open-data JSON of every year without a gemeente's name, and the schema", async ({ page }) => {
    await login(page, LANDELIJK);
    await page.goto("/landelijk?jaar=2026");
    const downloads = page.getByRole("region", { name: "Downloaden (2026)" });
    for (const name of [
      "Verdeling 2026 als CSV",
      "Verdeling 2026 als Excel-bestand (xlsx)",
      "Verdeling 2026 als open data (JSON)",
      "Beschrijving van de open data (JSON Schema)",
    ]) {
      await expect(downloads.getByRole("link", { name })).toBeVisible();
    }
    for (const jaar of JAREN) {
      const csv = await page.request.get(`/landelijk/verdeling.csv?jaar=${jaar}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-disposition"]).toMatch(/^attachment/);
      const csvText = await csv.text();
      expectNoGemeenteName(csvText, `CSV ${jaar}`);
      expect(csvText).toContain("Haaglanden");

      const xlsx = await page.request.get(`/landelijk/verdeling.xlsx?jaar=${jaar}`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()["content-disposition"]).toMatch(/^attachment/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.body()) as unknown as ArrayBuffer);
      const cells: string[] = [workbook.title, workbook.subject, workbook.creator, workbook.keywords, workbook.description].filter(Boolean);
      workbook.eachSheet((sheet) => {
        cells.push(sheet.name);
        sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text))));
      });
      expect(cells.length).toBeGreaterThan(framework.onderdelen.length);
      expectNoGemeenteName(cells.join("\n"), `xlsx ${jaar}`);

      const json = await page.request.get(`/landelijk/verdeling.json?jaar=${jaar}`);
      expect(json.status()).toBe(200);
      const jsonText = await json.text();
      expectNoGemeenteName(jsonText, `JSON ${jaar}`);
      JSON.parse(jsonText);
    }
    // 2026 nationally is shown in the open data: figures, not only suppressions.
    const open2026 = await (await page.request.get("/landelijk/verdeling.json?jaar=2026")).text();
    expect(open2026).toMatch(/"onderdrukt":\s*false/);
    expect(open2026).toMatch(/"onderdrukt":\s*true/);
    const schema = await page.request.get("/landelijk/verdeling.schema.json");
    expect(schema.status()).toBe(200);
    expect(((await schema.json()) as { $schema?: string }).$schema).toMatch(/json-schema\.org/);
  });

  test("a beheerder grants the role without a gemeente or region", async ({ page }) => {
    const email = `e2e-landelijk-${Date.now().toString(36)}@zelfscan.example`;
    await loginAsBeheerder(page);
    await page.goto("/beheer/gebruikers/nieuw");
    await page.getByLabel("E-mailadres", { exact: true }).fill(email);
    await page.getByLabel("Naam", { exact: true }).fill("Lotte Landelijk");
    await page.getByLabel("Rol", { exact: true }).selectOption({ label: "Landelijk programmateam" });
    await expect(page.getByText("Het landelijk programmateam ziet per jaar de verdeling van de scores")).toBeVisible();
    await expect(page.getByLabel("Gemeente", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Regio", { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lotte Landelijk" })).toBeVisible();
    await expect(page.getByText("De gebruiker is aangemaakt.")).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Landelijk programmateam");
    await expectNoAxeViolations(page);
  });

  test("gets not-found on a gemeente's page, a scan and a region's page; an officer gets it on the national view", async ({ page, browser }) => {
    // A scan id, as Delft's officer finds it.
    const officer = await browser.newPage();
    await login(officer, "beleid@delft.example");
    const scanId = await delftScanId(officer);
    // And the national view is the national team's only: others get not-found, page and exports.
    for (const path of ["/landelijk", "/landelijk/verdeling.csv?jaar=2026", "/landelijk/verdeling.json?jaar=2026"]) {
      expect((await officer.request.get(path)).status(), `beleidsmedewerker: ${path}`).toBe(404);
    }
    await officer.close();

    await login(page, LANDELIJK);
    for (const path of ["/gemeenten/delft", "/gemeenten/delft/documenten", `/zelfscans/${scanId}`, `/zelfscans/${scanId}/rapport`, "/regios/haaglanden"]) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(404);
      await expectPageWithoutNames(page, path);
    }
  });
});
