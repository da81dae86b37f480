// The account e-mails through the run's real SMTP server (STARTTLS, authentication): a project
// leader's invitation approved by the beheerder reaches the invitee, whose mailed link sets a
// password in Chromium; "Wachtwoord vergeten?" answers the same for any address, its mailed link
// sets a new password, ends the user's other session and brings a security notice.
import { expect, test, type Page } from "@playwright/test";
import { inviteAndSetPassword, newBrowser, sendInvitation, unique } from "./support/accounts";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { loginAsBeheerder } from "./support/beheerder";
import { login } from "./support/login";
import { linkIn, sentMails, waitForMail } from "./support/mail";

const PASSWORD = "fietsen langs de Schie in de zomer";
const NEW_PASSWORD = "een nieuwe zin na het vergeten";
const REQUESTED = "Als er een account met dit e-mailadres is, ontvangt u binnen enkele minuten een e-mail";

async function setPassword(page: Page, password: string) {
  await page.getByLabel("Nieuw wachtwoord").fill(password);
  await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(password);
  await page.getByRole("button", { name: "Wachtwoord instellen" }).click();
}

test("a project leader's invitation, approved by the beheerder, arrives by e-mail; its link sets a password and the invitee logs in", async ({
  page,
  browser,
}) => {
  const email = `e2e-uitnodiging-${unique()}@rijswijk.example`;
  await login(page, "projectleider@haaglanden.example");
  await page.goto("/beheer/gebruikers/nieuw");
  await page.getByLabel("E-mailadres", { exact: true }).fill(email);
  await page.getByLabel("Naam", { exact: true }).fill("Ilse Uitgenodigd");
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Rijswijk" });
  await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uw uitnodiging is doorgegeven aan de beheerder." })).toBeVisible();

  const admin = await newBrowser(browser);
  await loginAsBeheerder(admin);
  await admin.goto("/beheer/uitnodigingen");
  await admin.getByRole("button", { name: `Goedkeuren: ${email}` }).click();
  await admin.getByRole("button", { name: "Ja, goedkeuren" }).click();
  await admin.getByRole("link", { name: `Ilse Uitgenodigd (${email})` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Ilse Uitgenodigd" })).toBeVisible();
  const before = await sentMails();
  const link = await sendInvitation(admin, email);
  await expectNoAxeViolations(admin);
  await admin.context().close();

  // The mail: to the invitee, about Rijswijk in Haaglanden, plain text and accessible HTML, no unsubscribe (a security kind).
  const mail = await waitForMail((candidate) => candidate.to === email, { after: before });
  expect(mail.subject).toBe("Uitnodiging: uw account voor de Zelfscan Werken aan Veiligheid");
  expect(mail.text).toContain("Gemeente Rijswijk · regio Haaglanden");
  expect(mail.text).toContain("beleidsmedewerker voor Rijswijk");
  expect(mail.html).toContain('<html lang="nl">');
  expect(mail.html).toContain(`href="${link}"`);
  expect(mail.raw).not.toMatch(/^List-Unsubscribe/im);

  const invited = await newBrowser(browser);
  await invited.goto(link);
  await expect(invited.getByRole("heading", { level: 1, name: "Welkom: stel uw wachtwoord in" })).toBeVisible();
  await expect(invited.getByText(email, { exact: true })).toBeVisible();
  await setPassword(invited, PASSWORD);
  await expect(invited.getByRole("heading", { name: "Uw wachtwoord is ingesteld" })).toBeFocused();
  await invited.getByRole("link", { name: "Naar de inlogpagina" }).click();
  await login(invited, email, PASSWORD);
  await invited.goto("/gemeenten/rijswijk");
  await expect(invited.getByRole("heading", { level: 1, name: "Gemeente Rijswijk" })).toBeVisible();
  await invited.context().close();
});

test("Wachtwoord vergeten?: the same answer for any address; the mailed link sets a new password, ends the other session, and a notice arrives", async ({
  page,
  browser,
}) => {
  const email = `e2e-vergeten-${unique()}@delft.example`;
  const admin = await newBrowser(browser);
  await loginAsBeheerder(admin);
  const first = await newBrowser(browser);
  await inviteAndSetPassword(admin, first, { email, name: "Vera Vergeten", role: "Beleidsmedewerker", gemeente: "Delft (Haaglanden)", password: PASSWORD });
  await admin.context().close();
  await first.context().close();

  // Signed in on another device.
  const other = await newBrowser(browser);
  await login(other, email, PASSWORD);
  await other.goto("/gemeenten/delft");
  await expect(other.getByRole("heading", { level: 1, name: "Gemeente Delft" })).toBeVisible();

  // The link on the login page.
  await page.goto("/login");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await expect(page).toHaveURL(/\/wachtwoord-vergeten$/);
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Nothing typed: a focused error summary that links to the field.
  await page.getByRole("button", { name: "Stuur mij een link" }).click();
  await expect(page.getByRole("alert", { name: "Er is geen link aangevraagd" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Vul uw e-mailadres in." })).toBeVisible();
  await expectNoAxeViolations(page);

  // An address without an account and the real one get the same answer.
  const answerFor = async (address: string) => {
    await page.goto("/wachtwoord-vergeten");
    await page.getByLabel("E-mailadres").fill(address);
    await page.getByRole("button", { name: "Stuur mij een link" }).click();
    const status = page.getByRole("status").filter({ hasText: REQUESTED });
    await expect(status).toBeFocused();
    return status.textContent();
  };
  const before = await sentMails();
  const unknown = await answerFor(`niemand-${unique()}@delft.example`);
  const known = await answerFor(email);
  expect(known).toBe(unknown);
  await expectNoAxeViolations(page);

  const mail = await waitForMail((candidate) => candidate.to === email && candidate.subject === "Stel een nieuw wachtwoord in", { after: before });
  expect(mail.text).toContain("Gemeente Delft · regio Haaglanden");
  expect(mail.text).toMatch(/De link werkt één keer en is geldig tot \d+ \w+ \d{4} om \d\d:\d\d/);
  const link = linkIn(mail, "/account/link/");
  // Only the real address got a mail.
  expect((await sentMails()).filter((sent) => !before.some((old) => old.file === sent.file)).map((sent) => sent.to)).toEqual([email]);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Stel een nieuw wachtwoord in" })).toBeVisible();
  await expect(page.getByText("Als u een nieuw wachtwoord instelt, wordt u overal uitgelogd.")).toBeVisible();
  await expectNoAxeViolations(page);
  const noticeBefore = await sentMails();
  await setPassword(page, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Uw nieuwe wachtwoord is ingesteld" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "overal uitgelogd" })).toContainText(
    "u bent overal uitgelogd. Uw sessie op een ander apparaat of in een andere browser is beëindigd.",
  );
  await expectNoAxeViolations(page);

  // The other device's session has ended.
  await other.reload();
  await expect(other).toHaveURL(/\/login/);
  await other.context().close();

  // The notice, to the account's address: what changed, when, and what to do if it was not them.
  const notice = await waitForMail((candidate) => candidate.to === email && candidate.subject === "Uw wachtwoord is opnieuw ingesteld", {
    after: noticeBefore,
  });
  expect(notice.text).toMatch(/Dit gebeurde op \d+ \w+ \d{4} om \d\d:\d\d \(Nederlandse tijd\)\./);
  expect(notice.text).toContain("Was u dit niet?");
  expect(notice.text).not.toMatch(/\/account\/link\//);

  // The link works once; the new password signs in, the old one not.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("alert", { name: "Inloggen is niet gelukt" })).toBeVisible();
  await login(page, email, NEW_PASSWORD);
});
