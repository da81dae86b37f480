// The guided zelfscan as a new user does it: start, 38 items over ten steps with autosave (a
// reload halfway loses nothing), a "Weet ik niet", the error summary when a toelichting is missing,
// the overview, submitting, and the read-only scan afterwards. And two colleagues editing the same
// item: the second sees the other's answer next to their own and chooses; nothing is overwritten.
// The region's project leader gets an e-mail of the submission and opens the scan from its link.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { probeEventTiming, recordEventTiming } from "../support/event-timing";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { DEMO_PASSWORD, login, scanIdOf } from "./support/login";
import { linkIn, waitForMail } from "./support/mail";

const FULL = /^3 – Volledig ingericht en geborgd/;

function onderdeel(page: Page, id: string): Locator {
  return page.getByRole("region", { name: /^\d+$/.test(id) ? `Eis ${id}` : `Onderdeel ${id}`, exact: true });
}

async function answer(page: Page, id: string, choice: RegExp, toelichting?: string) {
  const section = onderdeel(page, id);
  await section.getByRole("radio", { name: choice }).check();
  if (toelichting !== undefined) await section.getByLabel("Toelichting", { exact: true }).fill(toelichting);
}

async function nextStep(page: Page, label = "Volgende stap") {
  await page.getByRole("button", { name: label }).click();
}

test("a policy officer fills in the whole scan, with a reload halfway and a 'Weet ik niet', submits it and sees it read-only", async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, "beleid@rijswijk.example");
  await page.goto("/gemeenten/rijswijk");
  await expect(page.getByText("Herhaalmeting 2026", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Zelfscan Herhaalmeting 2026 starten" }).click();
  await expect(page).toHaveURL(/\/stap\/1$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("stap 1 van 10");
  await expectNoAxeViolations(page);

  for (let step = 1; step <= 10; step++) {
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`stap ${step} van 10`);
    const ids = await page.locator("section[id^=onderdeel-]").evaluateAll((sections) => sections.map((section) => section.id.replace("onderdeel-", "")));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      if (id === "4") await answer(page, id, /^Weet ik niet/, "Navragen bij het wijkteam hoe de werkinstructie luidt.");
      else if (id === "3b") await answer(page, id, /^1 – In ontwikkeling/, "Afspraken met Veilig Thuis worden in 2027 vastgelegd.");
      else await answer(page, id, FULL);
    }

    if (step === 6) {
      // A missing toelichting: the step is not left, the error summary says where.
      await answer(page, "6a", /^2 – Grotendeels ingericht/);
      await nextStep(page);
      const summary = page.getByRole("alert", { name: "Deze stap is nog niet helemaal opgeslagen" });
      await expect(summary).toBeFocused();
      await expect(summary).toContainText("Onderdeel 6a");
      await expect(onderdeel(page, "6a").getByText("Licht toe waarom dit onderdeel (nog) niet volledig is ingericht.", { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await onderdeel(page, "6a").getByLabel("Toelichting", { exact: true }).fill("De borging in de inkoopvoorwaarden loopt nog.");
    }
    if (step === 5) {
      // Everything saved by itself: a reload shows the answers as they were.
      await expect(page.getByRole("status").filter({ hasText: /^Opgeslagen om \d\d:\d\d$/ })).toBeVisible();
      await page.reload();
      await expect(onderdeel(page, "5").getByRole("radio", { name: FULL })).toBeChecked();
      await page.goto(page.url().replace(/stap\/5$/, "stap/2"));
      await expect(onderdeel(page, "2").getByRole("radio", { name: FULL })).toBeChecked();
      await page.goto(page.url().replace(/stap\/2$/, "stap/5"));
      await page.setViewportSize({ width: 320, height: 800 });
      await expectNoHorizontalScroll(page);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await nextStep(page, step === 10 ? "Naar het overzicht" : "Volgende stap");
  }

  await expect(page.getByRole("heading", { level: 1, name: "Overzicht van de zelfscan" })).toBeVisible();
  await expect(page.getByText("38 van 38 onderdelen beantwoord, waarvan 1 met “Weet ik niet”.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Zelfscan indienen" }).click();
  await expect(page.getByText("De zelfscan is ingediend.")).toBeVisible();
  await expect(page.getByText(/^Status: Ingediend op/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Verder met de zelfscan" })).toHaveCount(0);

  // Read-only: the wizard sends the officer back to the scan, and saving is refused.
  const scanUrl = new URL(page.url());
  await page.goto(`${scanUrl.pathname}/stap/1`);
  await expect(page).toHaveURL(new RegExp(`${scanUrl.pathname}$`));
  const locked = await page.request.put(`${scanUrl.pathname.replace("/zelfscans/", "/api/zelfscans/")}/antwoorden/1`, {
    data: { baseVersion: 1, answer: { score: 0, weetIkNiet: false, toelichting: "x", vastgelegdIn: [], vastgelegdAnders: "", evidence: [], doelniveau: 3 } },
    headers: { origin: scanUrl.origin },
  });
  expect(locked.status()).toBe(423);
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expect(page.locator("#onderdeel-4")).toContainText("Weet ik niet");

  // The region's project leader hears of it by e-mail (through the real SMTP server), without any
  // answer or toelichting in it; its link opens the scan for her.
  const mail = await waitForMail(
    (candidate) =>
      candidate.to === "projectleider@haaglanden.example" && candidate.subject === "Gemeente Rijswijk heeft de zelfscan Herhaalmeting 2026 ingediend",
  );
  expect(mail.text).toContain("Beste Marieke Jansen,");
  expect(mail.text).toMatch(/ heeft de zelfscan Herhaalmeting 2026 van gemeente Rijswijk ingediend op \d{1,2} \p{L}+ \d{4} om \d{2}:\d{2}\./u);
  for (const typed of ["Afspraken met Veilig Thuis", "Navragen bij het wijkteam", "De borging in de inkoopvoorwaarden"]) {
    expect(mail.text).not.toContain(typed);
    expect(mail.html).not.toContain(typed);
  }
  const link = linkIn(mail, "/zelfscans/");
  expect(new URL(link).pathname).toBe(scanUrl.pathname);
  const leaderContext = await page.context().browser()!.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const leader = await leaderContext.newPage();
  await leader.goto(link);
  await expect(leader).toHaveURL(/\/login/);
  await leader.getByLabel("E-mailadres").fill("projectleider@haaglanden.example");
  await leader.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await leader.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(leader).toHaveURL(link);
  await expect(leader.getByRole("heading", { level: 1 })).toHaveText("Zelfscan Rijswijk – Herhaalmeting 2026");
  await expect(leader.getByText(/^Status: Ingediend op/)).toBeVisible();
  await leaderContext.close();
});

test("two colleagues change the same item at once: the second sees both answers and chooses, nothing is lost", async ({ browser }) => {
  const contexts = await Promise.all(
    [1, 2].map(() => browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" })),
  );
  const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
  await login(first!, "beleid@delft.example");
  await login(second!, "beleid@delft.example");
  const scanId = await scanIdOf(first!, "delft", "Herhaalmeting 2026");
  await Promise.all([first!.goto(`/zelfscans/${scanId}/stap/9`), second!.goto(`/zelfscans/${scanId}/stap/9`)]);

  await answer(first!, "9", /^2 – Grotendeels ingericht/, "Eerste collega: de aandachtsfunctionaris is aangesteld.");
  await expect(onderdeel(first!, "9").getByText(/^Opgeslagen om/)).toBeVisible();

  await answer(second!, "9", /^1 – In ontwikkeling/, "Tweede collega: de aandachtsfunctionaris start pas in maart.");
  const conflict = onderdeel(second!, "9").getByRole("group", { name: "Iemand anders heeft dit onderdeel intussen gewijzigd" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Eerste collega: de aandachtsfunctionaris is aangesteld.");
  await expect(conflict).toContainText("Tweede collega: de aandachtsfunctionaris start pas in maart.");
  await expect(conflict).toContainText("Antwoord van Anouk de Vries");
  await expectNoAxeViolations(second!);

  await conflict.getByRole("button", { name: "Mijn antwoord bewaren" }).click();
  await expect(onderdeel(second!, "9").getByText(/^Opgeslagen om/)).toBeVisible();

  const exported = await second!.request.get(`/zelfscans/${scanId}/antwoorden.json`);
  const data = (await exported.json()) as {
    antwoorden: { item: string; toelichting: string; score: number }[];
    geschiedenis: { details: { itemId?: string; naar?: { toelichting: string } } }[];
  };
  expect(data.antwoorden.find((row) => row.item === "9")).toMatchObject({
    score: 1,
    toelichting: "Tweede collega: de aandachtsfunctionaris start pas in maart.",
  });
  // Both versions are in the history: the first colleague's answer was not silently lost.
  const texts = data.geschiedenis.filter((entry) => entry.details.itemId === "9").map((entry) => entry.details.naar?.toelichting);
  expect(texts).toEqual(
    expect.arrayContaining(["Eerste collega: de aandachtsfunctionaris is aangesteld.", "Tweede collega: de aandachtsfunctionaris start pas in maart."]),
  );

  await first!.reload();
  await expect(onderdeel(first!, "9").getByLabel("Toelichting", { exact: true })).toHaveValue("Tweede collega: de aandachtsfunctionaris start pas in maart.");
  await Promise.all(contexts.map((context) => context.close()));
});

test("the project leader comments on an item of a submitted scan and the gemeente answers", async ({ browser }) => {
  const [leaderContext, officerContext] = await Promise.all(
    [1, 2].map(() => browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" })),
  );
  const leader = await leaderContext!.newPage();
  const officer = await officerContext!.newPage();
  await login(officer, "beleid@delft.example");
  const scanId = await scanIdOf(officer, "delft", "Nulmeting 2021");
  await login(leader, "projectleider@haaglanden.example");
  await leader.goto(`/zelfscans/${scanId}`);
  await leader.getByText("Opmerking plaatsen bij 5").click();
  await leader.getByRole("button", { name: "Opmerking plaatsen" }).first().click();
  await expect(leader.getByRole("alert", { name: "De opmerking is niet geplaatst" })).toBeFocused();
  await expectNoAxeViolations(leader);
  await leader.getByLabel("Uw opmerking bij 5").fill("Welke afspraken zijn er over de aandachtsfunctionaris?");
  await leader.getByRole("button", { name: "Opmerking plaatsen" }).first().click();
  await expect(leader.getByText("Uw opmerking is geplaatst.")).toBeVisible();

  await officer.goto(`/zelfscans/${scanId}`);
  await expect(officer.locator("#onderdeel-5")).toContainText("Opmerking van Marieke Jansen");
  await expect(officer.getByText("Opmerking plaatsen bij 5")).toHaveCount(0);
  await officer.locator("#onderdeel-5").getByText("Beantwoorden").click();
  await officer.getByLabel("Uw antwoord op de opmerking bij 5").fill("Die staan in de werkinstructie van het wijkteam.");
  await officer.getByRole("button", { name: "Antwoord plaatsen" }).click();
  await expect(officer.locator("#onderdeel-5")).toContainText("Antwoord van Anouk de Vries");
  await expectNoAxeViolations(officer);
  await Promise.all([leaderContext!.close(), officerContext!.close()]);
});

test("a step can be answered and left with the keyboard alone", async ({ page }) => {
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  await page.goto(`/zelfscans/${scanId}/stap/2`);
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element ? `${element.tagName}:${element.getAttribute("type") ?? ""}:${element.id}:${element.textContent?.trim().slice(0, 40) ?? ""}` : "";
    });
  // Tab to the answer scale of eis 2, choose with the arrow keys, type a toelichting.
  for (let i = 0; i < 60 && !(await focused()).startsWith("INPUT:radio"); i++) await page.keyboard.press("Tab");
  expect(await focused()).toMatch(/^INPUT:radio/);
  const target = onderdeel(page, "2").getByRole("radio", { name: /^1 – In ontwikkeling/ });
  // Arrow keys move through the scale (and wrap around), as in every native radio group.
  for (let i = 0; i < 6 && !(await target.isChecked()); i++) await page.keyboard.press("ArrowDown");
  await expect(target).toBeChecked();
  await expect(target).toBeFocused();
  for (let i = 0; i < 10 && !(await focused()).startsWith("TEXTAREA"); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Met het toetsenbord ingevuld: de opdracht aan het team wordt herzien.");
  for (let i = 0; i < 80 && !(await focused()).includes("Volgende stap"); i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/stap\/3$/);
  await page.goto(`/zelfscans/${scanId}/stap/2`);
  await expect(onderdeel(page, "2").getByLabel("Toelichting", { exact: true })).toHaveValue(
    "Met het toetsenbord ingevuld: de opdracht aan het team wordt herzien.",
  );
});

test("the frontend bench's Event Timing measurement sees an interaction on a wizard step, and its latency", async ({ page }) => {
  // No timing of the app is asserted: the click is made slow on purpose (tests/support/event-timing.ts).
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  await recordEventTiming(page);
  await page.goto(`/zelfscans/${scanId}/stap/8`);
  expect(await probeEventTiming(page, page.getByRole("heading", { level: 1 }))).toBeGreaterThanOrEqual(56);
});

// Last in this file, and this file last of the run: it leaves a closed round behind in Hollands Midden.
test("an officer who opens a step of a scan whose round was closed gets the answers read-only and the reason, never a form", async ({ browser }) => {
  const [leaderContext, officerContext] = await Promise.all(
    [1, 2].map(() => browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" })),
  );
  const leader = await leaderContext!.newPage();
  const officer = await officerContext!.newPage();
  await login(leader, "projectleider@hollands-midden.example");
  await login(officer, "beleid@leiden.example");

  // The project leader makes and opens a round; the officer starts the scan and answers an item.
  const name = `Ronde die sluit ${Date.now()}`;
  await leader.goto("/regios/hollands-midden/meetrondes");
  await leader.getByLabel("Naam van de meetronde").fill(name);
  await leader.getByLabel("Startdatum").fill("2026-11-01");
  await leader.getByLabel("Deadline (tot en met)").fill("2027-03-31");
  await leader.getByRole("button", { name: "Meetronde aanmaken" }).click();
  const section = leader.getByRole("region", { name });
  await section.getByRole("button", { name: `${name} openen` }).click();
  await expect(section).toContainText("Status: Open");

  await officer.goto("/gemeenten/leiden");
  await officer.getByRole("button", { name: `Zelfscan ${name} starten` }).click();
  await expect(officer).toHaveURL(/\/stap\/1$/);
  const stepUrl = new URL(officer.url());
  await answer(officer, "1", FULL);
  await expect(onderdeel(officer, "1").getByText(/^Opgeslagen om/)).toBeVisible();

  // The leader closes the round while the scan is still being filled in.
  await section.getByRole("button", { name: `${name} sluiten` }).click();
  await expect(section).toContainText("Status: Gesloten");

  // The step sends the officer to the read-only scan, which says why; no form, no way to save.
  await officer.goto(stepUrl.pathname);
  const scanPath = stepUrl.pathname.replace(/\/stap\/1$/, "");
  await expect(officer).toHaveURL(new RegExp(`${scanPath}$`));
  await expect(officer.getByText("Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd.")).toBeVisible();
  await expect(officer.getByRole("radio")).toHaveCount(0);
  await expect(officer.getByRole("link", { name: /Verder met de zelfscan|Zelfscan invullen/ })).toHaveCount(0);
  await expect(officer.locator("#onderdeel-1")).toContainText("3 – Volledig ingericht en geborgd");
  await expectNoAxeViolations(officer);
  await officer.goto(`${scanPath}/stap/2`);
  await expect(officer).toHaveURL(new RegExp(`${scanPath}$`));
  await Promise.all([leaderContext!.close(), officerContext!.close()]);
});
