// Presentation mode for the plenary meeting (issue 17, point 5): by keyboard alone through all
// slides, each a real section with an h2 and real tables, the slide number announced, axe on each
// slide; the anonymised variant names no gemeente anywhere in what the browser receives.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_REGIOS } from "@/lib/demo/data";
import { expectNoAxeViolations } from "./support/axe";
import { haaglandenMeetrondeIds } from "./support/demo-ids";
import { login } from "./support/login";

const LEADER = "projectleider@haaglanden.example";
const SLIDES = ["Heatmap: score per eis per gemeente", "Gedeelde tekortkomingen", "Goede voorbeelden uit de regio", "Regionaal uitvoeringsplan"];

async function expectSlide(page: Page, number: number) {
  const counter = page.locator("[aria-live=polite][data-dia]");
  await expect(counter).toHaveText(`Dia ${number} van ${SLIDES.length}: ${SLIDES[number - 1]}`);
  const visible = page.locator("section[id^=dia-]:visible");
  await expect(visible).toHaveCount(1);
  await expect(visible.getByRole("heading", { level: 2 })).toHaveText(SLIDES[number - 1]!);
}

test("a leader goes through all slides by keyboard alone, with axe on each", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, LEADER);
  const { herhaalmeting } = await haaglandenMeetrondeIds(page);
  await expect(page.getByRole("link", { name: "Presentatie Herhaalmeting 2026" })).toHaveAttribute(
    "href",
    `/regios/haaglanden/meetrondes/${herhaalmeting}/presentatie`,
  );
  await page.goto(`/regios/haaglanden/meetrondes/${herhaalmeting}/presentatie`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regionale analyse Herhaalmeting 2026 – regio Haaglanden");
  await expectSlide(page, 1);
  await expect(page.getByRole("table", { name: /Score per eis per gemeente/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const keys = ["ArrowRight", "PageDown", " "];
  for (const [index, key] of keys.entries()) {
    await page.keyboard.press(key);
    await expectSlide(page, index + 2);
    await expectNoAxeViolations(page);
  }
  // Past the end nothing moves; back with the keys for previous, and to either end.
  await page.keyboard.press("ArrowRight");
  await expectSlide(page, 4);
  await page.keyboard.press("ArrowLeft");
  await expectSlide(page, 3);
  await page.keyboard.press("PageUp");
  await expectSlide(page, 2);
  await page.keyboard.press("End");
  await expectSlide(page, 4);
  await page.keyboard.press("Home");
  await expectSlide(page, 1);
  // Focus follows the slide, so that Tab continues inside it.
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("section#dia-knelpunten")).toBeFocused();
  await expect(page.getByRole("list", { name: "Gedeelde tekortkomingen" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("section#dia-voorbeelden")).toContainText("Den Haag");
  // The buttons work from the keyboard too.
  await page.getByRole("button", { name: "← Vorige dia" }).focus();
  await page.keyboard.press("Enter");
  await expectSlide(page, 2);
  // Full screen where the browser offers it, else the page says how.
  await expect(page.getByRole("button", { name: "Volledig scherm" }).or(page.getByText("gebruik F11"))).toBeVisible();
});

test("the anonymised variant shows gemeenten as A, B, C and names none of them anywhere", async ({ page }) => {
  // Two rounds, axe on four slides each.
  test.setTimeout(180_000);
  await login(page, LEADER);
  const { herhaalmeting, nulmeting } = await haaglandenMeetrondeIds(page);
  // Haaglanden's gemeenten (another region's, such as Leiden, are not on the page, and "leiden" is also a Dutch verb).
  const names = DEMO_REGIOS.find((regio) => regio.slug === "haaglanden")!.gemeenten.flatMap((gemeente) => [gemeente.name, gemeente.slug]);
  for (const id of [herhaalmeting, nulmeting]) {
    const url = `/regios/haaglanden/meetrondes/${id}/presentatie?anoniem=1`;
    // What the browser receives: the HTML with React's payload.
    const html = (await (await page.request.get(url)).text()).toLowerCase();
    for (const name of names) expect(html, name).not.toContain(name.toLowerCase());
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("(geanonimiseerd)");
    const rows = await page
      .getByRole("table", { name: /Score per eis per gemeente/ })
      .locator("tbody th[scope=row]")
      .allInnerTexts();
    expect(rows.map((row) => row.trim())).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"].map((letter) => `Gemeente ${letter}`));
    for (const number of [1, 2, 3, 4]) {
      await expectSlide(page, number);
      const text = (await page.locator("main").innerText()).toLowerCase();
      for (const name of names) expect(text, name).not.toContain(name.toLowerCase());
      await expectNoAxeViolations(page);
      await page.keyboard.press("PageDown");
    }
  }
});
