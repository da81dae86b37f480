// Every CSV export of the application, with hostile text stored through the application itself,
// read as a spreadsheet program would read it with ";" (Dutch Excel) and with "," as separator:
// no cell starts with a formula character (= + - @ tab CR). The CSV exports are found in the app
// folder, so that a new one fails this test until it is added here.
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { appRoutes, fillPattern } from "./support/app-routes";
import { loginAsBeheerder } from "./support/beheerder";
import { delftScanId, haaglandenMeetrondeIds } from "./support/demo-ids";
import { login } from "./support/login";

const LINE = `Jan,=1+1;@SUM(A1),+31 6 1234\t-2+3 "=cmd|' /C calc'!A0"`;
const MULTI_LINE = `${LINE}\r\n=HYPERLINK("http://kwaadwillend.example")\n-1+1`;
const FORMULA = /^[=+\-@\t\r]/;
// A number as the export writes it (decimal comma); read with "," it may come apart, but "-0" or "5" is no formula.
const NUMBER = /^-?\d+(,\d+)?$/;

function expectNoFormulaCells(csv: string, label: string) {
  for (const delimiter of [";", ","]) {
    // Read with "," the quotes of a ";" file no longer delimit the cells: relax_quotes keeps them as text.
    const rows = parse(csv, { bom: true, delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
    for (const raw of rows.flat()) {
      const cell = raw.replace(/^"+/, "");
      if (!NUMBER.test(cell)) expect(cell, `${label}, gelezen met "${delimiter}": ${JSON.stringify(raw)}`).not.toMatch(FORMULA);
    }
  }
  // Read as written, the hostile text is there (so the check above had something to find).
  const cells = (parse(csv, { bom: true, delimiter: ";", relax_column_count: true }) as string[][]).flat();
  expect(
    cells.some((cell) => cell.includes("Jan,'=1+1;'@SUM(A1),'+31 6 1234")),
    `${label}: de vijandige tekst staat erin`,
  ).toBe(true);
}

async function storeHostileTextAsOfficer(page: Page): Promise<string> {
  await login(page, "beleid@delft.example");
  const scanId = await delftScanId(page);
  const exported = (await (await page.request.get(`/zelfscans/${scanId}/antwoorden.json`)).json()) as { antwoorden: { item: string; versie: number }[] };
  const item = exported.antwoorden[0]!;
  const saved = await page.request.put(`/api/zelfscans/${scanId}/antwoorden/${item.item}`, {
    data: {
      baseVersion: item.versie,
      answer: { score: 0, weetIkNiet: false, toelichting: MULTI_LINE, vastgelegdIn: [], vastgelegdAnders: "", evidence: [], doelniveau: 3 },
    },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/zelfscans/${scanId}/verbeterplan`);
  const form = page.getByRole("region", { name: "Nieuwe actie" });
  await form.getByLabel("Titel van de actie").fill(LINE);
  await form.getByRole("checkbox", { name: /^3a / }).check();
  await form.getByRole("radio", { name: "Een externe partij" }).check();
  await form.getByLabel("Naam van de externe partij").fill("=1+1,@x");
  await form.getByLabel("Partners (gescheiden door komma's)").fill("Veilig Thuis,=1+1, @SUM(A1)");
  await form.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(form.getByText("De actie is toegevoegd.")).toBeVisible();
  return scanId;
}

test("every CSV export, with hostile text stored through the app, has no cell that starts a formula, read with ; or with ,", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const scanId = await storeHostileTextAsOfficer(page);

  const admin = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL" })).newPage();
  await loginAsBeheerder(admin);
  await admin.goto("/beheer/gebruikers/nieuw");
  await admin.getByLabel("E-mailadres", { exact: true }).fill(`csv-${Date.now().toString(36)}@delft.example`);
  await admin.getByLabel("Naam", { exact: true }).fill(LINE);
  await admin.getByLabel("Rol", { exact: true }).selectOption({ label: "Beleidsmedewerker" });
  await admin.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Delft (Haaglanden)" });
  await admin.getByRole("button", { name: "Gebruiker aanmaken" }).click();
  await expect(admin).toHaveURL(/\/beheer\/gebruikers\/(?!nieuw)[^/]+$/);
  // A region's name is the only text of the national export.
  await admin.goto("/beheer/regios/nieuw");
  await admin.getByLabel("Naam van de regio").fill(LINE);
  await admin.getByLabel("Korte naam voor het webadres").fill(`csv-${Date.now().toString(36)}`);
  await admin.getByRole("button", { name: "Regio aanmaken" }).click();
  await expect(admin).toHaveURL(/\/beheer\/regios\/(?!nieuw)[^/]+$/);

  const leader = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL" })).newPage();
  await login(leader, "projectleider@haaglanden.example");
  const meetrondes = await haaglandenMeetrondeIds(leader);
  const national = await (await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL" })).newPage();
  await login(national, "landelijk@zelfscan.example");

  // Who asks for which export, and with which real ids.
  const exports: Record<string, { page: Page; query?: string }> = {
    "/zelfscans/[id]/antwoorden.csv": { page },
    "/zelfscans/[id]/verbeterplan.csv": { page },
    "/regios/[slug]/meetrondes/[id]/overzicht.csv": { page: leader, query: "minimaal=1" },
    "/beheer/audit.csv": { page: admin, query: "actie=gebruiker.aangemaakt" },
    "/landelijk/verdeling.csv": { page: national, query: "jaar=2026" },
  };
  const csvRoutes = appRoutes().filter((route) => route.kind === "route" && route.pattern.endsWith(".csv"));
  expect(csvRoutes.map((route) => route.pattern).sort()).toEqual(Object.keys(exports).sort());
  const ids: Record<string, string> = { "zelfscans/[id]": scanId, "regios/[slug]": "haaglanden", "meetrondes/[id]": meetrondes.herhaalmeting };

  for (const route of csvRoutes) {
    const { page: asker, query } = exports[route.pattern]!;
    const url = `${fillPattern(route.pattern, (key) => ids[key]!)}${query ? `?${query}` : ""}`;
    const response = await asker.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toContain("text/csv");
    expectNoFormulaCells((await response.body()).toString("utf8"), url);
  }
});
