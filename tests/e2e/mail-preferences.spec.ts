// Choosing what e-mail one receives, and unsubscribing from a mail without logging in, in Chromium:
// a user sets a preference on Mijn account › Berichten, receives a mail through the run's real
// SMTP server, follows its unsubscribe link, confirms and finds that kind off; the mail's
// one-click address (List-Unsubscribe, RFC 8058) works without a page and refuses a bad token.
// The beheerder reads the outbox at Beheer › Berichten.
//
// No event of the application sends mail on this branch yet, so the mail is sent by a fixture
// (support/send-mail.ts) through the app's own layout, signed links and SMTP transport.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { newBrowser } from "./support/accounts";
import { loginAsBeheerder } from "./support/beheerder";
import { login } from "./support/login";
import { linkIn, sentMails, waitForMail } from "./support/mail";
import { E2E_SMTP_CERT_DIR, E2E_SMTP_URL } from "./support/mail-server";

const OFFICER = "beleid@leiden.example";
const REACTIE = "Een nieuwe opmerking of reactie";
const HERINNERING = "Herinnering: de deadline van de zelfscan nadert";

function sendMail(userId: string, kind: string) {
  const baseURL = test.info().project.use.baseURL!;
  const port = new URL(baseURL).port;
  execFileSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/support/send-mail.ts", userId, OFFICER, kind], {
    env: {
      ...process.env,
      APP_ENV: "demo",
      DATA_DIR: `tmp/e2e-data-${port}`,
      NEXTAUTH_URL: baseURL,
      SMTP_URL: E2E_SMTP_URL,
      SMTP_FROM: "Zelfscan Werken aan Veiligheid <zelfscan@zelfscan.example>",
      NODE_EXTRA_CA_CERTS: path.resolve(E2E_SMTP_CERT_DIR, "smtp-cert.pem"),
    },
    stdio: "pipe",
  });
}

/** An account's id, as the beheerder finds it: the link of its row in the user list. */
async function userIdOf(admin: Page, email: string): Promise<string> {
  await admin.goto(`/beheer/gebruikers?zoek=${encodeURIComponent(email)}`);
  const href = await admin.getByRole("row").filter({ hasText: email }).getByRole("link").first().getAttribute("href");
  return href!.split("/").at(-1)!;
}

/** The radio group of one kind on the preferences page. */
const group = (page: Page, label: string) => page.getByRole("group", { name: label });

test("a user chooses per kind, unsubscribes from a mail without logging in and finds the kind off", async ({ page, browser }) => {
  const admin = await newBrowser(browser);
  await loginAsBeheerder(admin);
  const userId = await userIdOf(admin, OFFICER);
  await admin.context().close();

  await login(page, OFFICER);
  await page.goto("/account");
  await page.getByRole("link", { name: "Kies welke e-mail u ontvangt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Berichten" })).toBeVisible();
  await expect(page.getByText("krijgt u altijd direct")).toBeVisible();
  await expect(group(page, HERINNERING).getByLabel("Direct")).toBeChecked();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await group(page, REACTIE).getByLabel("In de dagelijkse samenvatting").check();
  await page.getByRole("button", { name: "Voorkeuren opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Uw voorkeuren zijn opgeslagen." })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(group(page, REACTIE).getByLabel("In de dagelijkse samenvatting")).toBeChecked();

  // A reminder arrives over SMTP with an unsubscribe link and the one-click header.
  const before = await sentMails();
  sendMail(userId, "HERINNERING");
  const mail = await waitForMail((candidate) => candidate.to === OFFICER && candidate.subject === "Testbericht HERINNERING", { after: before });
  expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  const link = linkIn(mail, "/afmelden");

  // Opening the link (as a link scanner would) changes nothing.
  const unsubscribe = await newBrowser(browser);
  await unsubscribe.goto(link);
  await expect(unsubscribe.getByRole("heading", { level: 1, name: "Afmelden voor berichten" })).toBeVisible();
  await expect(unsubscribe.getByText(HERINNERING)).toBeVisible();
  await expectNoAxeViolations(unsubscribe);
  await page.reload();
  await expect(group(page, HERINNERING).getByLabel("Direct")).toBeChecked();

  // Confirming, without being logged in there, switches that kind off and says so.
  await unsubscribe.getByRole("button", { name: "Afmelden voor deze berichten" }).click();
  await expect(unsubscribe.getByRole("heading", { level: 1, name: "U bent afgemeld" })).toBeVisible();
  await expect(unsubscribe.getByRole("status").filter({ hasText: HERINNERING })).toBeVisible();
  await expect(unsubscribe.getByRole("link", { name: "Mijn account › Berichten" })).toHaveAttribute("href", "/account/berichten");
  await expectNoAxeViolations(unsubscribe);
  await unsubscribe.context().close();

  await page.reload();
  await expect(group(page, HERINNERING).getByLabel("Niet ontvangen")).toBeChecked();
  await expect(group(page, REACTIE).getByLabel("In de dagelijkse samenvatting")).toBeChecked();

  // A tampered link is refused in words, and changes nothing.
  const tampered = new URL(link);
  tampered.searchParams.set("t", `${tampered.searchParams.get("t")!.slice(0, -2)}xx`);
  await page.goto(tampered.toString());
  await expect(page.getByRole("heading", { level: 1, name: "Afmelden niet mogelijk" })).toBeVisible();
});

test("the one-click address of List-Unsubscribe switches the kind off without a page and refuses a bad token", async ({ page, request, browser }) => {
  const admin = await newBrowser(browser);
  await loginAsBeheerder(admin);
  const userId = await userIdOf(admin, OFFICER);

  const before = await sentMails();
  sendMail(userId, "REACTIE");
  const mail = await waitForMail((candidate) => candidate.to === OFFICER && candidate.subject === "Testbericht REACTIE", { after: before });
  const oneClick = /^List-Unsubscribe:\s+<([^>]+)>/m.exec(mail.raw.replace(/\r?\n\s+/g, " "))![1]!;
  expect(new URL(oneClick).pathname).toBe("/api/afmelden");

  const bad = new URL(oneClick);
  bad.searchParams.set("t", "onzin.onzin");
  const refused = await request.post(bad.toString(), { form: { "List-Unsubscribe": "One-Click" } });
  expect(refused.status()).toBe(404);
  expect(await refused.text()).toContain("Deze afmeldlink is niet geldig");
  const noBody = await request.post(oneClick, { form: { iets: "anders" } });
  expect(noBody.status()).toBe(400);

  await login(page, OFFICER);
  await page.goto("/account/berichten");
  await expect(group(page, REACTIE).getByLabel("In de dagelijkse samenvatting")).toBeChecked();

  const done = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(done.status()).toBe(200);
  expect(done.headers()["content-type"]).toMatch(/^text\/plain/);
  await page.reload();
  await expect(group(page, REACTIE).getByLabel("Niet ontvangen")).toBeChecked();

  // The beheerder finds both unsubscribes in the audit log.
  await admin.goto("/beheer/audit?actie=bericht.afgemeld");
  await expect(admin.getByRole("status").filter({ hasText: "2 gebeurtenissen" })).toBeVisible();
  await admin.context().close();
});

test("the beheerder reads the outbox at Beheer › Berichten", async ({ page }) => {
  await loginAsBeheerder(page);
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Berichten", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Berichten" })).toBeVisible();
  const counts = page.getByRole("region", { name: "Stand van de verzending" });
  await expect(counts.getByRole("listitem")).toHaveCount(3);
  await expect(counts).toContainText("op verzending");
  await expect(counts).toContainText("mislukt");
  // The e2e app sends over SMTP: the page says so, and shows no body of a sent message.
  await expect(page.getByText("Berichten gaan per e-mail naar de ontvangers.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The rows shown agree with the total the page announces (up to a page of 50).
  // (The page-wide confirmation region of the layout is a status too, empty here.)
  const status = await page
    .getByRole("status")
    .filter({ hasText: /bericht/ })
    .first()
    .innerText();
  const total = /^(\d+) bericht/.exec(status)?.[1];
  const rows = page.getByRole("table").getByRole("row");
  if (total) await expect(rows).toHaveCount(Math.min(Number(total), 50) + 1);
  else expect(status).toBe("Geen berichten gevonden.");

  // Filtering is a plain GET form: the filter is in the address and kept in the form.
  await page.getByLabel("Status").selectOption({ label: "Mislukt" });
  await page.getByLabel("Soort bericht").selectOption({ label: "Herinnering: de deadline van de zelfscan nadert" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/status=MISLUKT/);
  await expect(page).toHaveURL(/soort=HERINNERING/);
  await expect(page.getByLabel("Status")).toHaveValue("MISLUKT");
  await expectNoAxeViolations(page);
});
