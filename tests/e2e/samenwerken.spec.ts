// Issue 15 as the people of a gemeente do it, end to end through the run's SMTP server: Delft's
// coordinator invites a new colleague by e-mail and assigns eis 7 to her with a due date, and makes
// her the owner of a verbeteractie; the colleague accepts the invitation, finds eis 7 in "Mijn
// taken", answers it and reports progress on her action; the coordinator sees that progress in the
// scan's activity and the plan, finishes the scan and submits it. The region's project leader then
// reopens it, so that the specs after this one find Delft's scan editable as the demo has it.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { newBrowser, unique } from "./support/accounts";
import { ownerReportsProgress } from "./support/actie-voortgang";
import { assignEis } from "./support/assignments";
import { expectNoAxeViolations } from "./support/axe";
import { login, scanIdOf } from "./support/login";
import { linkIn, sentMails, waitForMail } from "./support/mail";
import { inviteAndAcceptColleague } from "./support/team";

const FULL = /^3 – Volledig ingericht en geborgd/;

/** A day from today in the Netherlands, as the date input wants it. */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() + days * 86_400_000));
}

const sections = (page: Page): Locator => page.locator("section[id^=onderdeel-]");

/** Answers every onderdeel of the step on the page that has no answer yet ("3 – Volledig"). */
async function answerOpenOnderdelen(page: Page) {
  for (const section of await sections(page).all()) {
    const full = section.getByRole("radio", { name: FULL });
    if ((await full.count()) === 0 || (await section.getByRole("radio", { checked: true }).count()) > 0) continue;
    await full.check();
  }
}

/** Leaves the step with its button, which saves the whole step first; waits for the next page. */
async function saveStep(page: Page, step: number) {
  await page.getByRole("button", { name: step === 10 ? "Naar het overzicht" : "Volgende stap" }).click();
  await expect(page).toHaveURL(step === 10 ? /\/overzicht$/ : new RegExp(`/stap/${step + 1}$`));
}

test("a coordinator invites a colleague and assigns eis 7; she answers it from Mijn taken and updates her action; the coordinator sees it and submits", async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const colleague = { email: `iris.${unique()}@delft.example`, name: `Iris Samen ${unique()}`, password: "Wijkteam-Samen-Werken-2027" };
  const actie = `Werkinstructie signaleren met het wijkteam ${unique()}`;
  const note = "Concept van de werkinstructie besproken met de aanbieder van het wijkteam.";

  // 1. The coordinator invites the colleague (mail → link → password) and assigns eis 7 to her.
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  const invited = await newBrowser(browser);
  await inviteAndAcceptColleague(page, invited, { slug: "delft", name: "Delft" }, colleague);
  const before = await sentMails();
  const dueOn = dayFromToday(10);
  await assignEis(page, { scanId, eis: 7, person: colleague.name, dueOn, note: "Graag afstemmen met het wijkteam." });
  const assigned = await waitForMail((mail) => mail.to === colleague.email && mail.subject.startsWith("Aan u toegewezen:"), { after: before });
  expect(assigned.subject).toContain("gemeente Delft");
  expect(linkIn(assigned, `/zelfscans/${scanId}`)).toContain(`/zelfscans/${scanId}`);

  // …and makes her the owner of a new verbeteractie.
  await page.goto(`/zelfscans/${scanId}/verbeterplan`);
  const form = page.getByRole("region", { name: "Nieuwe actie" });
  await form.getByLabel("Titel van de actie").fill(actie);
  await form.getByRole("checkbox", { name: /^7a / }).check();
  await form.getByRole("radio", { name: "Een collega met een account" }).check();
  await form.getByLabel("Collega", { exact: true }).selectOption({ label: colleague.name });
  await form.getByLabel("Deadline").fill("2027-03-31");
  await form.getByRole("button", { name: "Actie toevoegen" }).click();
  await expect(form.getByText("De actie is toegevoegd.")).toBeVisible();
  await expect(page.getByRole("article", { name: new RegExp(actie) })).toContainText(`${colleague.name} (collega)`);

  // 2. The colleague finds eis 7 in Mijn taken (the header counts it), answers it there, and reports progress on her action.
  await invited.goto("/");
  await invited
    .getByRole("navigation", { name: "Hoofdmenu" })
    .getByRole("link", { name: /^Mijn taken, \d+ openstaand$/ })
    .click();
  await expect(invited.getByRole("heading", { level: 1, name: "Mijn taken" })).toBeVisible();
  const eis7 = invited.getByRole("link", { name: /^Onderdeel 7\w? \(eis 7\)/ });
  expect(await eis7.count()).toBeGreaterThan(0);
  await expect(invited.getByRole("link", { name: actie })).toBeVisible();
  await expectNoAxeViolations(invited);
  await eis7.first().click();
  await expect(invited).toHaveURL(new RegExp(`/zelfscans/${scanId}/stap/7`));
  await expect(sections(invited).first()).toContainText(new RegExp(`Toegewezen aan .*${colleague.name}`));
  // Eis 7 was answered in the demo before it was assigned: she checks each onderdeel and saves it as hers.
  for (const section of await sections(invited).all()) {
    const other = section.getByRole("radio", { name: /^2 – Grotendeels ingericht/ });
    await other.check();
    await section.getByLabel("Toelichting", { exact: true }).fill("Nagevraagd bij het wijkteam: grotendeels vastgelegd, de evaluatie volgt.");
  }
  await saveStep(invited, 7);
  await invited.goto("/taken");
  await expect(invited.getByRole("link", { name: /\(eis 7\)/ })).toHaveCount(0);
  await ownerReportsProgress(invited, { scanId, title: new RegExp(actie), status: "In uitvoering", note });

  // 3. The coordinator sees the progress: the colleague's answers in the activity, the note in the plan.
  await page.goto(`/zelfscans/${scanId}/activiteit`);
  await page.getByLabel("Persoon").selectOption({ label: colleague.name });
  await page.getByRole("button", { name: "Filteren" }).click();
  const activity = page.getByRole("table");
  await expect(activity.getByRole("row").filter({ hasText: "Antwoord opgeslagen" }).first()).toContainText("7");
  await expect(activity.getByRole("row").filter({ hasText: "Voortgang van een verbeteractie gemeld" })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.goto(`/zelfscans/${scanId}/verbeterplan`);
  await expect(page.getByRole("article", { name: new RegExp(actie) }).getByRole("table", { name: /^Voortgang van/ })).toContainText(note);

  // She finishes the scan (the onderdelen nobody answered yet) and submits it after the checklist.
  await page.goto(`/zelfscans/${scanId}/stap/1`);
  for (let step = 1; step <= 10; step++) {
    await answerOpenOnderdelen(page);
    await saveStep(page, step);
  }
  const checklist = page.getByRole("list", { name: "Controle vóór het indienen" });
  await expect(checklist).not.toContainText("Nog niet gereed");
  await expectNoAxeViolations(page);
  const submittedBefore = await sentMails();
  await page.getByRole("button", { name: "Zelfscan indienen" }).click();
  await expect(page.getByText("De zelfscan is ingediend.")).toBeVisible();
  await waitForMail(
    (mail) => mail.to === "projectleider@haaglanden.example" && mail.subject === "Gemeente Delft heeft de zelfscan Herhaalmeting 2026 ingediend",
    { after: submittedBefore },
  );

  // The project leader reopens it (the demo's Delft scan is a draft for the specs that follow).
  const leader = await newBrowser(browser);
  await login(leader, "projectleider@haaglanden.example");
  await leader.goto(`/zelfscans/${scanId}`);
  // The reopen form is folded away in a disclosure on the scan's page.
  await leader.locator("summary", { hasText: "Zelfscan heropenen" }).click();
  await leader.getByLabel("Reden voor heropenen (de gemeente ziet deze)").fill("Voor de volgende stap in de regio: graag eis 5 nog eens bekijken.");
  await leader.getByRole("button", { name: "Zelfscan heropenen" }).click();
  await expect(leader.getByText("De zelfscan is heropend.", { exact: false })).toBeVisible();
  await Promise.all([invited.context().close(), leader.context().close()]);
});
