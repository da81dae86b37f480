// The regional overview for project leaders (issue 6). Expected figures are computed from the demo
// data module (lib/demo/data.ts), the same source the seed writes, never copied by hand; the
// rounds and actions this spec creates carry unique names so other specs are not disturbed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO_REGIOS, DEMO_MEETRONDES, demoAnswers } from "@/lib/demo/data";
import { CURRENT_FRAMEWORK_VERSION, getFramework } from "@/lib/framework";
import { compareMeetrondes, heatMap, sortRows, type RegioScan } from "@/lib/regio/aggregate";
import { formatChange } from "@/lib/shared/regio/view";
import { formatScore } from "@/lib/shared/format";
import { layoutLines, nodesOf, readPdf } from "../support/pdf";
import { expectNoAxeViolations } from "./support/axe";
import { login } from "./support/login";

const LEADER = "projectleider@haaglanden.example";
const OTHER_LEADER = "projectleider@hollands-midden.example";
const framework = getFramework(CURRENT_FRAMEWORK_VERSION);
const HAAGLANDEN = DEMO_REGIOS.find((regio) => regio.slug === "haaglanden")!;
const NAMES = HAAGLANDEN.gemeenten.map((gemeente) => gemeente.name);

/** The scans of a demo round as the seed writes them (every answer with target level 3). */
function demoScans(meetrondeName: string): RegioScan[] {
  const meetronde = DEMO_MEETRONDES.find((candidate) => candidate.regio === "haaglanden" && candidate.name === meetrondeName)!;
  return [...HAAGLANDEN.gemeenten]
    .sort((a, b) => a.name.localeCompare(b.name, "nl"))
    .map((gemeente) => {
      const plan = meetronde.scans.find((candidate) => candidate.gemeente === gemeente.slug);
      if (!plan) return { gemeente: { id: gemeente.slug, name: gemeente.name, slug: gemeente.slug }, scan: null };
      const answers = demoAnswers(gemeente, meetronde.name, plan.progress, framework.onderdelen);
      const answered = plan.answered === "all" ? answers : answers.slice(0, plan.answered);
      return {
        gemeente: { id: gemeente.slug, name: gemeente.name, slug: gemeente.slug },
        scan: { id: gemeente.slug, status: plan.submitted ? "INGEDIEND" : "CONCEPT", answers: answered.map((answer) => ({ ...answer, doelniveau: 3 })) },
      };
    });
}

/** The ids of the demo rounds, read from the round page links. */
async function meetrondeIds(page: Page): Promise<{ nulmeting: string; herhaalmeting: string }> {
  await page.goto("/regios/haaglanden/meetrondes");
  const id = async (name: string) => {
    const href = await page.getByRole("link", { name: `Heatmap ${name}`, exact: true }).getAttribute("href");
    return /meetrondes\/([^/]+)\/heatmap/.exec(href ?? "")![1]!;
  };
  return { nulmeting: await id("Nulmeting 2021"), herhaalmeting: await id("Herhaalmeting 2026") };
}

async function cellTexts(page: Page, rowName: string): Promise<string[]> {
  const row = page.locator("table tbody tr").filter({ has: page.getByRole("rowheader", { name: rowName, exact: true }) });
  // Visible text only: the screen-reader prefix ("Delft, Eis 3: ") is in a sr-only span.
  return row.locator("td").evaluateAll((cells) =>
    cells.map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
      return (copy.textContent ?? "").trim();
    }),
  );
}

test.describe("regional overview of Haaglanden", () => {
  test("the heat map shows all nine gemeenten with the demo scores, mean and spread, sorts by a column and expands to the items", async ({ page }) => {
    await login(page, LEADER);
    const { nulmeting } = await meetrondeIds(page);
    const expected = heatMap(framework, demoScans("Nulmeting 2021"));
    await page.goto(`/regios/haaglanden/meetrondes/${nulmeting}/heatmap`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Heatmap Nulmeting 2021 – regio Haaglanden");
    const table = page.getByRole("table", { name: /Score per eis per gemeente, Nulmeting 2021/ });
    await expect(table.locator("tbody tr")).toHaveCount(9);
    for (const row of expected.rows) {
      const texts = await cellTexts(page, row.gemeente.name);
      expect(texts).toEqual([
        "Ingediend",
        formatScore(row.overall),
        ...framework.requirements.map((requirement) => formatScore(row.requirements[requirement.number]!)),
      ]);
    }
    const footer = table.locator("tfoot tr");
    await expect(footer.nth(0)).toHaveText(
      [
        "Gemiddelde regio",
        "",
        formatScore(expected.overallStats.mean),
        ...framework.requirements.map((r) => formatScore(expected.requirementStats[r.number]!.mean)),
      ].join(""),
    );
    await expect(footer.nth(1)).toHaveText(
      [
        "Spreiding (standaardafwijking)",
        "",
        formatScore(expected.overallStats.spread),
        ...framework.requirements.map((r) => formatScore(expected.requirementStats[r.number]!.spread)),
      ].join(""),
    );
    // A cell opens the gemeente's answers at that requirement.
    await expect(table.getByRole("link", { name: "Delft, Eis 3:", exact: false })).toHaveAttribute("href", /^\/zelfscans\/[^#]+#eis-3$/);

    // Sort by requirement 5 with the keyboard: aria-sort says so and the order follows the scores.
    await table.getByRole("link", { name: /^Eis 5 .*sorteer oplopend/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sorteer=eis-5&richting=op/);
    await expect(page.getByRole("columnheader", { name: /Eis 5/ })).toHaveAttribute("aria-sort", "ascending");
    const order = sortRows(expected.rows, { by: "requirement", number: 5 }, "asc").map((row) => row.gemeente.name);
    await expect(page.locator("table tbody th[scope=row]")).toHaveText(order);
    await page.getByRole("link", { name: /^Eis 5 .*sorteer aflopend/ }).click();
    await expect(page.getByRole("columnheader", { name: /Eis 5/ })).toHaveAttribute("aria-sort", "descending");
    await expect(page.locator("table tbody th[scope=row]")).toHaveText(
      sortRows(expected.rows, { by: "requirement", number: 5 }, "desc").map((row) => row.gemeente.name),
    );

    // Expanded to the 38 items.
    await page.getByRole("link", { name: "Toon alle 38 onderdelen" }).click();
    await expect(page.getByRole("table", { name: /Score per onderdeel per gemeente/ }).locator("thead th")).toHaveCount(3 + 38);
    for (const row of expected.rows) {
      const texts = await cellTexts(page, row.gemeente.name);
      expect(texts.slice(2)).toEqual(framework.onderdelen.map((onderdeel) => formatScore(row.onderdelen[onderdeel.id]!)));
    }
    await expect(page.getByRole("link", { name: "Wassenaar, 3a:", exact: false })).toHaveAttribute("href", /#onderdeel-3a$/);
    await expectNoAxeViolations(page);
  });

  test("the common gaps for a chosen threshold match a fixture computed from the demo answers", async ({ page }) => {
    await login(page, LEADER);
    const { nulmeting } = await meetrondeIds(page);
    const threshold = 8;
    // Fixture, computed here without lib/regio: per item the gemeenten below target 3 ("Weet ik niet" = 0).
    const scans = demoScans("Nulmeting 2021");
    const fixture = framework.onderdelen
      .map((onderdeel) => {
        const short = scans.flatMap((entry) => {
          const answer = entry.scan!.answers.find((candidate) => candidate.onderdeelId === onderdeel.id)!;
          const value = answer.weetIkNiet ? 0 : answer.score!;
          return value < 3 ? [{ name: entry.gemeente.name, gap: 3 - value }] : [];
        });
        return { id: onderdeel.id, order: onderdeel.order, short, meanGap: short.reduce((sum, entry) => sum + entry.gap, 0) / (short.length || 1) };
      })
      .filter((entry) => entry.short.length >= threshold)
      .sort((a, b) => b.short.length - a.short.length || b.meanGap - a.meanGap || a.order - b.order);
    expect(fixture.length).toBeGreaterThan(0);

    await page.goto(`/regios/haaglanden/meetrondes/${nulmeting}/knelpunten`);
    await expect(page.getByLabel("Ten minste hoeveel gemeenten onder het doelniveau?")).toHaveValue("3");
    await page.getByLabel("Ten minste hoeveel gemeenten onder het doelniveau?").fill(String(threshold));
    await page.getByRole("button", { name: "Toon" }).click();
    await expect(page).toHaveURL(/minimaal=8/);
    const items = page.getByRole("list", { name: "Gedeelde tekortkomingen" }).locator(":scope > li");
    await expect(items).toHaveCount(fixture.length);
    for (const [index, entry] of fixture.entries()) {
      const item = items.nth(index);
      await expect(item).toHaveAttribute("data-onderdeel", entry.id);
      // The gap's own table (the learning network's good examples follow it in the same item).
      const gap = item.getByRole("table", { name: /^Gemeenten onder het doelniveau/ });
      const names = await gap.locator("tbody th[scope=row]").allInnerTexts();
      expect(names.sort()).toEqual(entry.short.map((short) => short.name).sort());
      // The toelichtingen of the gemeenten stand side by side in the same table (its cells: score,
      // doelniveau, toelichting, documenten).
      const toelichting = gap.locator("thead th").filter({ hasText: /^Toelichting$/ });
      await expect(toelichting).toHaveCount(1);
      await expect(gap.locator("tbody tr").first().locator("td").nth(2)).toContainText(`${entry.id} `);
      await expect(gap.locator("tbody tr").first().locator("td").last()).toContainText(/Geen documenten|downloaden/);
    }
    await expectNoAxeViolations(page);
  });

  test("a project leader creates, opens and closes a round; invalid input is reported in an error summary", async ({ page }) => {
    await login(page, LEADER);
    await page.goto("/regios/haaglanden/meetrondes");
    await page.getByRole("button", { name: "Meetronde aanmaken" }).click();
    const summary = page.getByRole("alert", { name: "De meetronde is niet aangemaakt" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Geef de meetronde een naam van ten minste 3 tekens.");
    await expect(page.getByLabel("Naam van de meetronde")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    const name = `E2E ronde ${Date.now()}`;
    await page.getByLabel("Naam van de meetronde").fill(name);
    await page.getByLabel("Startdatum").fill("2019-02-01");
    await page.getByLabel("Deadline (tot en met)").fill("2019-01-01");
    await page.getByRole("button", { name: "Meetronde aanmaken" }).click();
    await expect(page.getByRole("alert", { name: "De meetronde is niet aangemaakt" })).toContainText("De deadline ligt vóór de startdatum.");
    await page.getByLabel("Deadline (tot en met)").fill("2019-03-31");
    await page.getByRole("button", { name: "Meetronde aanmaken" }).click();
    await expect(page.getByText(`Meetronde “${name}” is aangemaakt`)).toBeVisible();
    const section = page.getByRole("region", { name });
    await expect(section).toContainText("Status: Gepland");
    await expect(section.getByRole("row")).toHaveCount(10);
    await expect(section.getByRole("cell", { name: "Niet gestart" })).toHaveCount(9);
    await section.getByRole("button", { name: `${name} openen` }).click();
    await expect(section).toContainText("Status: Open");
    await section.getByRole("button", { name: `${name} sluiten` }).click();
    await expect(section).toContainText("Status: Gesloten");
    // The demo round shows the states of its gemeenten in words.
    const herhaal = page.getByRole("region", { name: "Herhaalmeting 2026" });
    await expect(herhaal.getByRole("row", { name: /Den Haag/ })).toContainText("Ingediend");
    await expect(herhaal.getByRole("row", { name: /Rijswijk/ })).toContainText("Niet gestart");
    await expect(herhaal.getByRole("row", { name: /Midden-Delfland/ })).toContainText("Bezig – 24% beantwoord (9 van 38)");
  });

  test("a regional action made through the form reaches the gemeenten it names, and not the others", async ({ page }) => {
    await login(page, LEADER);
    await page.goto("/regios/haaglanden/plan");
    const title = `E2E regionale actie ${Date.now()}`;
    const form = page.getByRole("region", { name: "Nieuwe regionale actie" });
    await form.getByRole("button", { name: "Actie toevoegen" }).click();
    const summary = page.getByRole("alert", { name: "De actie is niet toegevoegd" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Geef de actie een titel van ten minste 3 tekens.");
    await expect(summary).toContainText("Kies ten minste één gemeente.");
    await expect(summary).toContainText("Koppel de actie aan ten minste één onderdeel.");
    await expectNoAxeViolations(page);
    await form.getByLabel("Titel van de actie").fill(title);
    await form.getByLabel("Beschrijving").fill("Eén regionale scholing voor de wijkteams.");
    await form.getByRole("checkbox", { name: /^6a / }).check();
    await form.getByRole("checkbox", { name: "Delft", exact: true }).check();
    await form.getByLabel("Lokaal accent voor Delft (optioneel)").fill("Delft start met het wijkteam Voordijkshoorn.");
    await form.getByRole("checkbox", { name: "Wassenaar", exact: true }).check();
    await form.getByLabel("Eigenaar", { exact: true }).fill("Marieke Jansen");
    await form.getByLabel("Deadline (optioneel)").fill("2027-06-30");
    await form.getByLabel("Status").selectOption("IN_UITVOERING");
    await form.getByRole("button", { name: "Actie toevoegen" }).click();
    await expect(page.getByText(`Actie “${title}” is toegevoegd aan het regionale plan.`)).toBeVisible();
    const actie = page.locator(`[data-actie="${title}"]`);
    await expect(actie.getByRole("list", { name: `Gemeenten van ${title}` }).getByRole("listitem")).toHaveText([
      "Delft: Delft start met het wijkteam Voordijkshoorn.",
      "Wassenaar",
    ]);
    await expect(actie).toContainText("In uitvoering");
    await expect(actie).toContainText("30 juni 2027");
    await expectNoAxeViolations(page);

    // Edit: Wassenaar is replaced by Rijswijk.
    await actie.getByRole("link", { name: `${title} bewerken` }).click();
    const edit = page.getByRole("region", { name: `Actie bewerken: ${title}` });
    await edit.getByRole("checkbox", { name: "Wassenaar", exact: true }).uncheck();
    await edit.getByRole("checkbox", { name: "Rijswijk", exact: true }).check();
    await edit.getByLabel("Lokaal accent voor Rijswijk (optioneel)").fill("Rijswijk sluit in 2027 aan.");
    await edit.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await expect(actie.getByRole("list", { name: `Gemeenten van ${title}` }).getByRole("listitem")).toHaveText([
      "Delft: Delft start met het wijkteam Voordijkshoorn.",
      "Rijswijk: Rijswijk sluit in 2027 aan.",
    ]);

    // The officers see it on their gemeente page with their own accent; Leiden does not.
    await page.context().clearCookies();
    await login(page, "beleid@delft.example");
    await page.goto("/gemeenten/delft");
    const delft = page.getByRole("region", { name: "Regionale acties voor Delft" });
    await expect(delft).toContainText(title);
    await expect(delft).toContainText("Lokaal accent: Delft start met het wijkteam Voordijkshoorn.");
    await expect(delft).not.toContainText("Rijswijk sluit");
    await page.context().clearCookies();
    await login(page, "beleid@rijswijk.example");
    await page.goto("/gemeenten/rijswijk");
    await expect(page.getByRole("region", { name: "Regionale acties voor Rijswijk" })).toContainText("Lokaal accent: Rijswijk sluit in 2027 aan.");
    await page.context().clearCookies();
    await login(page, "beleid@leiden.example");
    await page.goto("/gemeenten/leiden");
    await expect(page.getByRole("region", { name: "Regionale acties voor Leiden" })).not.toContainText(title);

    // Deleted: gone for Delft too.
    await page.context().clearCookies();
    await login(page, LEADER);
    await page.goto("/regios/haaglanden/plan");
    const toDelete = page.locator(`[data-actie="${title}"]`);
    await toDelete.getByRole("button", { name: `${title} verwijderen` }).click();
    await expect(toDelete.getByRole("button", { name: `Ja, ${title} verwijderen` })).toBeFocused();
    await toDelete.getByRole("button", { name: `Ja, ${title} verwijderen` }).click();
    await expect(page.locator(`[data-actie="${title}"]`)).toHaveCount(0);
    await page.context().clearCookies();
    await login(page, "beleid@delft.example");
    await page.goto("/gemeenten/delft");
    await expect(page.getByRole("region", { name: "Regionale acties voor Delft" })).not.toContainText(title);
  });

  test("the comparison shows per requirement and gemeente what got better, as a chart with a table", async ({ page }) => {
    await login(page, LEADER);
    const { nulmeting, herhaalmeting } = await meetrondeIds(page);
    await page.goto(`/regios/haaglanden/vergelijking?van=${nulmeting}&naar=${herhaalmeting}`);
    await expect(page.getByText("Alle onderdelen konden worden vergeleken.")).toBeVisible();
    await expect(page.getByRole("img", { name: /Staafdiagram: score van de regio per eis in Nulmeting 2021 en Herhaalmeting 2026/ })).toBeVisible();
    // Den Haag and Zoetermeer submitted their herhaalmeting, so their figures are fixed.
    const comparison = compareMeetrondes({ framework, scans: demoScans("Nulmeting 2021") }, { framework, scans: demoScans("Herhaalmeting 2026") });
    const table = page.getByRole("table", { name: /Verandering per eis van Nulmeting 2021 naar Herhaalmeting 2026/ });
    const headers = await table.locator("thead th").allInnerTexts();
    for (const name of ["Den Haag", "Zoetermeer"]) {
      const column = headers.indexOf(name);
      const entry = comparison.gemeenten.find((candidate) => candidate.gemeente.name === name)!;
      for (const requirement of framework.requirements) {
        const row = table.locator("tbody tr").nth(requirement.number - 1);
        await expect(row.locator("th, td").nth(column)).toHaveText(formatChange(entry.requirements[requirement.number]!));
      }
    }
    await expect(table.locator("tbody tr").first().locator("td").first()).toContainText(/beter|gelijk|slechter/);
    await expectNoAxeViolations(page);
  });

  test("the exports: a tagged PDF with all nine gemeenten, an xlsx and a safe CSV, never cached", async ({ page }) => {
    await login(page, LEADER);
    const { nulmeting } = await meetrondeIds(page);
    const base = `/regios/haaglanden/meetrondes/${nulmeting}/overzicht`;
    const pdf = await page.request.get(`${base}.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["cache-control"]).toBe("no-store");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const dir = mkdtempSync(path.join(tmpdir(), "regio-pdf-"));
    const file = path.join(dir, "overzicht.pdf");
    writeFileSync(file, await pdf.body());
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Regionaal overzicht Haaglanden – Nulmeting 2021/);
    expect(execFileSync("pdffonts", [file], { encoding: "utf8" })).toMatch(/NotoSans.*yes/);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain("Score per onderdeel per gemeente");
    expect(text).toMatch(/Pagina 1 van \d+/);

    // The PDF renders the pages' own components: the heat map as the page shows it (row by row,
    // the header, every gemeente and the region's mean and spread), and the shared gaps as the
    // page lists them with the same default threshold. Tagged, in Dutch, with real header cells.
    const facts = readPdf(file, await pdf.body());
    expect(facts.lang).toBe("nl");
    expect(nodesOf(facts.structure, "TH").length).toBeGreaterThan(NAMES.length);
    const lines = layoutLines(facts);
    await page.goto(`/regios/haaglanden/meetrondes/${nulmeting}/heatmap`);
    const heatmapRows = await page
      .getByRole("table", { name: /^Score per eis per gemeente/ })
      .locator("tr")
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll("th, td")]
            .map((cell) => {
              const visible = cell.cloneNode(true) as Element;
              visible.querySelectorAll(".sr-only, [aria-hidden=true]").forEach((hidden) => hidden.remove());
              return visible.textContent!.trim();
            })
            .filter(Boolean)
            .join(" "),
        ),
      );
    expect(heatmapRows).toHaveLength(1 + NAMES.length + 2);
    const first = lines.indexOf(heatmapRows[0]!);
    expect(first, heatmapRows[0]).toBeGreaterThanOrEqual(0);
    expect(lines.slice(first, first + heatmapRows.length)).toEqual(heatmapRows);
    await page.goto(`/regios/haaglanden/meetrondes/${nulmeting}/knelpunten`);
    const gapHeadings = await page.getByRole("list", { name: "Gedeelde tekortkomingen" }).getByRole("heading", { level: 2 }).allTextContents();
    expect(gapHeadings.length).toBeGreaterThan(0);
    for (const heading of gapHeadings) {
      const at = lines.indexOf(heading.trim().replace(/\s+/g, " "));
      expect(at, heading).toBeGreaterThan(first);
      const count = await page
        .locator(`[data-onderdeel="${/Onderdeel (\w+):/.exec(heading)![1]}"] > p`)
        .first()
        .textContent();
      expect(lines[at + 1]).toBe(count!.trim().replace(/\s+/g, " "));
    }
    const pdfGaps = lines.filter((line) => /^\d+\. Onderdeel \w+: /.test(line));
    expect(pdfGaps).toEqual(gapHeadings.map((heading) => heading.trim().replace(/\s+/g, " ")));

    const xlsx = await page.request.get(`${base}.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["cache-control"]).toBe("no-store");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Heatmap")!;
    const expected = heatMap(framework, demoScans("Nulmeting 2021"));
    expect(sheet.getColumn(1).values.slice(2, 11)).toEqual(NAMES);
    expect(sheet.getRow(2).getCell(4).value).toBe(expected.rows[0]!.overall);

    const csv = await page.request.get(`${base}.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["cache-control"]).toBe("no-store");
    const body = (await csv.body()).toString("utf8");
    expect(body.startsWith("\uFEFF")).toBe(true);
    expect(body).toContain(`"gemeente";"status";"voorlopig";"totaal";"eis 1";`);
    for (const name of NAMES) expect(body).toContain(`\r\n"${name}";"Ingediend";"nee";`);
  });

  test("every regional page has no axe violations and reads at 320 px without horizontal scrolling", async ({ page }) => {
    await login(page, LEADER);
    const { nulmeting, herhaalmeting } = await meetrondeIds(page);
    const pages = [
      "/regios/haaglanden",
      "/regios/haaglanden/meetrondes",
      `/regios/haaglanden/meetrondes/${herhaalmeting}/heatmap`,
      `/regios/haaglanden/meetrondes/${herhaalmeting}/heatmap?weergave=onderdelen&sorteer=onderdeel-3a&richting=af`,
      `/regios/haaglanden/meetrondes/${herhaalmeting}/knelpunten`,
      "/regios/haaglanden/plan",
      `/regios/haaglanden/vergelijking?van=${nulmeting}&naar=${herhaalmeting}&weergave=onderdelen`,
    ];
    for (const url of pages) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.reload();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    // The officer's gemeente page names the open round and its deadline.
    await page.context().clearCookies();
    await login(page, "beleid@rijswijk.example");
    await page.goto("/gemeenten/rijswijk");
    await expect(page.getByText("Open meetronde van regio Haaglanden: Herhaalmeting 2026, deadline 29 januari 2027.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the project leader of Hollands Midden gets 404 on every Haaglanden page and export", async ({ browser, page }) => {
    const leaderContext = await browser.newContext();
    const leaderPage = await leaderContext.newPage();
    await login(leaderPage, LEADER);
    const { nulmeting, herhaalmeting } = await meetrondeIds(leaderPage);
    await leaderContext.close();

    // Without a session the exports answer 401 and the pages send to the login page.
    for (const ext of ["pdf", "xlsx", "csv"]) {
      const response = await page.request.get(`/regios/haaglanden/meetrondes/${nulmeting}/overzicht.${ext}`);
      expect(response.status()).toBe(401);
      expect(response.headers()["cache-control"]).toBe("no-store");
    }
    await page.goto("/regios/haaglanden/plan");
    await expect(page).toHaveURL(/\/login\?terug=%2Fregios%2Fhaaglanden%2Fplan/);

    await login(page, OTHER_LEADER);
    const urls = [
      "/regios/haaglanden",
      "/regios/haaglanden/meetrondes",
      `/regios/haaglanden/meetrondes/${nulmeting}/heatmap`,
      `/regios/haaglanden/meetrondes/${herhaalmeting}/knelpunten`,
      "/regios/haaglanden/plan",
      `/regios/haaglanden/vergelijking?van=${nulmeting}&naar=${herhaalmeting}`,
      "/regios/haaglanden/vergelijking",
      `/regios/haaglanden/meetrondes/${nulmeting}/overzicht.pdf`,
      `/regios/haaglanden/meetrondes/${nulmeting}/overzicht.xlsx`,
      `/regios/haaglanden/meetrondes/${nulmeting}/overzicht.csv`,
      // A Haaglanden round under the leader's own region is not found either.
      `/regios/hollands-midden/meetrondes/${nulmeting}/heatmap`,
      `/regios/hollands-midden/meetrondes/${nulmeting}/overzicht.csv`,
      // The administrator's page is not for project leaders.
      "/beheer/kaderversies",
    ];
    for (const url of urls) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(404);
      expect(await response.text(), url).not.toContain("Delft");
    }
    // Their own region works.
    expect((await page.request.get("/regios/hollands-midden/meetrondes")).status()).toBe(200);
    // An officer of a Haaglanden gemeente does not see the regional pages either.
    await page.context().clearCookies();
    await login(page, "beleid@delft.example");
    for (const url of urls.slice(0, 3)) expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).toBe(404);
  });
});
