// Account management in the browser: invitations by link, setting a password, deactivation ending
// an open session, the project leader's scope, and accessibility of every beheer page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { loginAsBeheerder } from "./support/beheerder";
import { login } from "./support/login";
import { sendInvitation } from "./support/accounts";
import { linkIn, sentMails, waitForMail } from "./support/mail";

const NEW_PASSWORD = "fietsen langs de Schie in de zomer";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  return context.newPage();
}

/** The error summary of a form (Next.js has a second, invisible alert: its route announcer). */
const errorSummary = (page: Page, title: string | RegExp) => page.getByRole("alert", { name: title });

/** The id of a user as the beheerder finds it in the user list. */
async function userIdOf(page: Page, email: string): Promise<string> {
  await page.goto(`/beheer/gebruikers?zoek=${encodeURIComponent(email)}`);
  const row = page.getByRole("row").filter({ hasText: email });
  const href = await row.getByRole("link").first().getAttribute("href");
  return href!.split("/").at(-1)!;
}

test("the beheerder invites a Delft user, who sets a password once; deactivation ends the user's open session", async ({ page, browser, context }) => {
  const email = `e2e-${unique()}@delft.example`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await loginAsBeheerder(page);

  await page.goto("/beheer");
  await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Gebruikers", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gebruikers" })).toBeVisible();
  await page.getByRole("link", { name: "Nieuwe gebruiker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe gebruiker" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Submitting an empty form: a focused error summary with links to the fields.
  await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
  await expect(errorSummary(page, "De gebruiker is niet aangemaakt")).toBeFocused();
  await expect(page.getByRole("link", { name: "Vul het e-mailadres in." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kies een rol." })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("E-mailadres", { exact: true }).fill(email.toUpperCase());
  await page.getByLabel("Naam", { exact: true }).fill("Eva Nieuw");
  await page.getByLabel("Rol", { exact: true }).selectOption({ label: "Beleidsmedewerker" });
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Delft (Haaglanden)" });
  await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Eva Nieuw" })).toBeVisible();
  await expect(page.getByText("De gebruiker is aangemaakt.")).toBeVisible();
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Gemeente Delft" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The invitation goes by e-mail to the address; the beheerder's page says where, never shows the link.
  await expect(page.getByText(`De uitnodiging gaat per e-mail naar ${email}`, { exact: false })).toBeVisible();
  const before = await sentMails();
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: `De uitnodiging is per e-mail verstuurd naar ${email}.` })).toBeFocused();
  await expect(page.getByText(/werkt één keer en is geldig tot \d+ \w+ \d{4}/)).toBeVisible();
  expect(await page.content()).not.toMatch(/account\/link\//);
  await expectNoAxeViolations(page);
  const mail = await waitForMail((candidate) => candidate.to === email && candidate.subject.startsWith("Uitnodiging"), { after: before });
  expect(mail.text).toContain("Gemeente Delft · regio Haaglanden");
  expect(mail.text).toContain("Beste Eva Nieuw,");
  const link = linkIn(mail, "/account/link/");
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/account\/link\/[A-Za-z0-9_-]{43}$/);
  const userUrl = page.url().split("?")[0]!;

  // The invited person, in a browser of their own.
  const invited = await newPage(browser);
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: "Welkom: stel uw wachtwoord in" })).toBeVisible();
  await expect(invited.getByText(email, { exact: true })).toBeVisible();
  await expect(invited.getByText("Minstens 12 en hoogstens 64 tekens.", { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(invited);

  await invited.getByLabel("Nieuw wachtwoord").fill("te kort");
  await invited.getByLabel("Herhaal het nieuwe wachtwoord").fill("iets anders");
  await invited.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(errorSummary(invited, "Het wachtwoord is niet ingesteld")).toBeFocused();
  await expect(invited.getByRole("link", { name: "Het wachtwoord moet minstens 12 tekens lang zijn." })).toBeVisible();
  await expect(invited.getByRole("link", { name: "De twee wachtwoorden zijn niet hetzelfde." })).toBeVisible();
  await expectNoAxeViolations(invited);

  // A common password passes the browser's checks but is refused by the server.
  await invited.getByLabel("Nieuw wachtwoord").fill("Qwerty123456");
  await invited.getByLabel("Herhaal het nieuwe wachtwoord").fill("Qwerty123456");
  await invited.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(invited.getByRole("link", { name: /veelgebruikte wachtwoorden/ })).toBeVisible();
  await expect(errorSummary(invited, "Het wachtwoord is niet ingesteld")).toBeFocused();

  await invited.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
  await invited.getByLabel("Herhaal het nieuwe wachtwoord").fill(NEW_PASSWORD);
  await invited.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(invited.getByRole("heading", { name: "Uw wachtwoord is ingesteld" })).toBeFocused();
  await expectNoAxeViolations(invited);

  // The link works only once.
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
  await expect(invited.getByText("Deze link is al gebruikt.")).toBeVisible();
  await expect(invited.getByText(email)).toHaveCount(0);
  await expectNoAxeViolations(invited);

  await invited.getByRole("link", { name: "Naar de inlogpagina" }).click();
  await login(invited, email, NEW_PASSWORD);
  await invited.goto("/gemeenten/delft");
  await expect(invited.getByRole("heading", { level: 1, name: "Gemeente Delft" })).toBeVisible();

  // The beheerder deactivates the account, after confirming.
  await page.goto(userUrl);
  await page.getByRole("button", { name: "Account deactiveren" }).click();
  await expect(page.getByText(/Weet u zeker dat u het account van Eva Nieuw/)).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Ja, deactiveren" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Account weer activeren" })).toBeVisible();
  await expect(page.getByText("Gedeactiveerd", { exact: true })).toBeVisible();

  // The user's open session stops working at once.
  await invited.reload();
  await expect(invited).toHaveURL(/\/login/);
  await invited.context().close();

  // The audit log shows what happened.
  await page.goto(`/beheer/audit?email=${encodeURIComponent("beheer@zelfscan.example")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Auditlog" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Gebruiker gedeactiveerd" }).filter({ hasText: email }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Uitnodigingslink gemaakt" }).filter({ hasText: email }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Gebeurtenis", { exact: true }).selectOption({ label: "Uitnodiging gebruikt, wachtwoord ingesteld" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/actie=account\.uitnodiging-gebruikt/);
  await expect(page.getByRole("status").filter({ hasText: "Geen gebeurtenissen gevonden" })).toBeVisible();
  await page.goto("/beheer/audit?actie=account.uitnodiging-gebruikt");
  await expect(page.getByRole("row").filter({ hasText: email }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the beheerder creates a region and a gemeente; every beheer page passes axe and reads at 320 px", async ({ page }) => {
  const suffix = unique();
  await loginAsBeheerder(page);

  await page.goto("/beheer/regios");
  await expect(page.getByRole("table", { name: /Regio's/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Nieuwe regio" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Naam van de regio").fill(`Testregio ${suffix}`);
  await page.getByLabel("Korte naam voor het webadres").fill("Haaglanden");
  await page.getByRole("button", { name: "Regio aanmaken" }).click();
  await expect(errorSummary(page, "De regio is niet aangemaakt")).toBeFocused();
  await expect(page.getByRole("link", { name: "Gebruik alleen kleine letters, cijfers en streepjes, zoals den-haag." })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Korte naam voor het webadres").fill("haaglanden");
  await page.getByRole("button", { name: "Regio aanmaken" }).click();
  await expect(page.getByRole("link", { name: "Deze korte naam is al in gebruik. Kies een andere." })).toBeVisible();
  await page.getByLabel("Korte naam voor het webadres").fill(`testregio-${suffix}`);
  await page.getByRole("button", { name: "Regio aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Regio Testregio ${suffix}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: `Nieuwe gemeente in Testregio ${suffix}` }).click();
  await expect(page.getByLabel("Regio", { exact: true })).toHaveValue(/.+/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Naam van de gemeente").fill(`Testdorp ${suffix}`);
  await page.getByLabel("Korte naam voor het webadres").fill(`testdorp-${suffix}`);
  await page.getByRole("button", { name: "Gemeente aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Gemeente Testdorp ${suffix}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Naam van de gemeente").fill(`Testdorp aan Zee ${suffix}`);
  await page.getByRole("button", { name: "Naam opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De naam is opgeslagen." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Gemeente Testdorp aan Zee ${suffix}` })).toBeVisible();

  await page.goto("/beheer/gemeenten");
  await expect(page.getByRole("link", { name: `Testdorp aan Zee ${suffix}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // A user with two scopes: the beheerder adds a second role.
  const delftId = await userIdOf(page, "beleid@delft.example");
  await expectNoAxeViolations(page);
  await page.goto(`/beheer/gebruikers/${delftId}`);
  await page.getByLabel("Rol", { exact: true }).selectOption({ label: "Beleidsmedewerker" });
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: `Testdorp aan Zee ${suffix} (Testregio ${suffix})` });
  await page.getByRole("button", { name: "Rol toekennen" }).click();
  await expect(page.getByRole("cell", { name: `Gemeente Testdorp aan Zee ${suffix}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Rol intrekken: Beleidsmedewerker, Testdorp aan Zee ${suffix}` }).click();
  await page.getByRole("button", { name: "Ja, rol intrekken" }).click();
  await expect(page.getByRole("cell", { name: `Gemeente Testdorp aan Zee ${suffix}` })).toHaveCount(0);

  for (const path of ["/beheer", "/beheer/gebruikers", `/beheer/gebruikers/${delftId}`, "/beheer/gebruikers/nieuw", "/beheer/audit", "/beheer/regios"]) {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
  await expectNoAxeViolations(page);
});

test("the project leader of Haaglanden invites: the same answer for a new address and another region's account, the beheerder decides, the leader never sees a link", async ({
  page,
  browser,
}) => {
  const admin = await newPage(browser);
  await loginAsBeheerder(admin);
  const leidenId = await userIdOf(admin, "beleid@leiden.example");

  await login(page, "projectleider@haaglanden.example");
  await page.getByRole("link", { name: "Beheer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Gebruikers in uw regio" }).click();
  await expect(page.getByRole("cell", { name: "beleid@rijswijk.example" })).toBeVisible();
  await expect(page.getByText("beleid@leiden.example")).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Laatst ingelogd" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Beleidsmedewerker uitnodigen" }).click();
  await expect(page.getByLabel("Rol", { exact: true })).toHaveCount(0);
  const options = await page.getByLabel("Gemeente", { exact: true }).locator("option").allTextContents();
  expect(options).toContain("Rijswijk");
  expect(options).not.toContain("Leiden");
  await expectNoAxeViolations(page);

  const email = `e2e-${unique()}@rijswijk.example`;
  const invite = async (address: string) => {
    await page.goto("/beheer/gebruikers/nieuw");
    await page.getByLabel("E-mailadres", { exact: true }).fill(address);
    await page.getByLabel("Naam", { exact: true }).fill("Rik Rijswijk");
    await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Rijswijk" });
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    const status = page.getByRole("status").filter({ hasText: "Uw uitnodiging is doorgegeven aan de beheerder." });
    await expect(status).toBeVisible();
    return { url: page.url(), status: await status.textContent(), heading: await page.getByRole("heading", { level: 1 }).textContent() };
  };
  const forNew = await invite(email);
  const forExisting = await invite("beleid@leiden.example");
  expect(forExisting).toEqual(forNew);
  const invitations = page.getByRole("table", { name: /Uw uitnodigingen/ });
  await expect(invitations.getByRole("row").filter({ hasText: email })).toContainText("Wacht op de beheerder");
  await expect(invitations.getByRole("row").filter({ hasText: "beleid@leiden.example" })).toContainText("Wacht op de beheerder");
  await expect(page.getByRole("cell", { name: "beleid@leiden.example" })).toHaveCount(0);
  expect(await page.content()).not.toMatch(/account\/link\//);
  await expectNoAxeViolations(page);

  // The beheerder sees which address has an account, approves the new one and declines the other.
  await admin.goto("/beheer");
  await admin.getByRole("link", { name: "Uitnodigingen van projectleiders" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Uitnodigingen van projectleiders" })).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: email })).toContainText("Nieuw adres");
  await expect(admin.getByRole("row").filter({ hasText: "beleid@leiden.example" })).toContainText("Bestaand account");
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: `Goedkeuren: ${email}` }).click();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Ja, goedkeuren" }).click();
  await expect(admin.getByRole("link", { name: `Rik Rijswijk (${email})` })).toBeVisible();
  await admin.getByRole("button", { name: "Afwijzen: beleid@leiden.example" }).click();
  await admin.getByRole("button", { name: "Ja, afwijzen" }).click();
  await expect(admin.getByRole("row").filter({ hasText: "beleid@leiden.example" })).toHaveCount(0);
  await admin.getByRole("link", { name: `Rik Rijswijk (${email})` }).click();
  const link = await sendInvitation(admin, email);
  expect(link).toMatch(/\/account\/link\/[A-Za-z0-9_-]{43}$/);

  // The leader reads the same kind of outcome for both, and the new account is not listed before it is active.
  await page.goto("/beheer/gebruikers");
  await expect(invitations.getByRole("row").filter({ hasText: email })).toContainText("Goedgekeurd door de beheerder");
  await expect(invitations.getByRole("row").filter({ hasText: "beleid@leiden.example" })).toContainText("Afgewezen door de beheerder");
  await expect(page.getByRole("cell", { name: email })).toHaveCount(0);

  const invited = await newPage(browser);
  await invited.goto(link);
  await invited.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
  await invited.getByLabel("Herhaal het nieuwe wachtwoord").fill(NEW_PASSWORD);
  await invited.getByRole("button", { name: "Wachtwoord instellen" }).click();
  await expect(invited.getByRole("heading", { name: "Uw wachtwoord is ingesteld" })).toBeFocused();
  await invited.context().close();

  await page.reload();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.getByRole("link", { name: "Rik Rijswijk" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Rik Rijswijk" })).toBeVisible();
  await expect(page.getByRole("button", { name: /versturen/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Account deactiveren" })).toHaveCount(0);
  await expect(page.getByText("Laatst ingelogd")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The audit log names who made the link that set the password.
  await admin.goto("/beheer/audit?actie=account.uitnodiging-gebruikt");
  await expect(admin.getByRole("row").filter({ hasText: email }).first()).toContainText("beheer@zelfscan.example");
  await admin.context().close();

  for (const path of [
    `/beheer/gebruikers/${leidenId}`,
    "/beheer/regios",
    "/beheer/gemeenten",
    "/beheer/audit",
    "/beheer/regios/nieuw",
    "/beheer/uitnodigingen",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("a policy officer has no beheer, and the link page rejects an unknown link without a session", async ({ page }) => {
  await login(page, "beleid@delft.example");
  const response = await page.goto("/beheer");
  expect(response?.status()).toBe(404);
  expect((await page.goto("/beheer/gebruikers"))?.status()).toBe(404);

  const anonymous = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const visitor = await anonymous.newPage();
  await visitor.goto(`/account/link/${"A".repeat(43)}`);
  await expect(visitor.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
  await expect(visitor.getByText("Deze link werkt niet. Controleer of u de hele link heeft gekopieerd.")).toBeVisible();
  await expectNoAxeViolations(visitor);
  await anonymous.close();
});
