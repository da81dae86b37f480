// Signing in with an identity provider, end to end, against two real OpenID providers (the
// certified oidc-provider package) that this spec starts on loopback and that the beheerder
// configures through /beheer/identiteitsproviders. Only a linked identity signs in; an e-mail
// address never does; an unverified address is refused; linking and unlinking happen on
// /account/koppelingen or from an invitation link; a beheerder still types the app's own code.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { expectNoAxeViolations } from "./support/axe";
import { loginAsBeheerder } from "./support/beheerder";
import { login } from "./support/login";
import { sendInvitation } from "./support/accounts";
import { startOidcProvider, type TestOidcProvider } from "./support/oidc-provider";

test.describe.configure({ mode: "serial" });

const HAAGLANDEN = "Inloggen met uw account van regio Haaglanden";
const HOLLANDS_MIDDEN = "Inloggen met uw account van Hollands Midden";
const DELFT_OFFICER = { email: "beleid@delft.example", name: "Anouk de Vries" };
const unique = `${Date.now().toString(36)}`;
const NEW_BEHEERDER = { email: `e2e-beheer-${unique}@zelfscan.example`, name: "Bram Beheer" };

let haaglanden: TestOidcProvider;
let hollandsMidden: TestOidcProvider;

test.beforeAll(async () => {
  haaglanden = await startOidcProvider("haaglanden", {
    anouk: { email: DELFT_OFFICER.email, email_verified: true, name: "Anouk de Vries" },
    onbevestigd: { email: DELFT_OFFICER.email, email_verified: false, name: "Iemand" },
    nieuwkomer: { email: "beleid@rijswijk.example", email_verified: true, name: "Niet gekoppeld", preferred_username: "beleid@rijswijk.example" },
    bram: { email: NEW_BEHEERDER.email, email_verified: true, name: NEW_BEHEERDER.name },
  });
  // Another organisation's provider, asserting the e-mail address of a Delft officer.
  hollandsMidden = await startOidcProvider("hollandsmidden", {
    mallory: { email: DELFT_OFFICER.email, email_verified: true, name: "Mallory", preferred_username: DELFT_OFFICER.email },
  });
});

test.afterAll(async () => {
  await haaglanden?.close();
  await hollandsMidden?.close();
});

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
}

/** Signs in at the test provider's own login page (any password; the account name decides the claims). */
async function signInAtProvider(page: Page, account: string) {
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill("wachtwoord");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function loginWithProvider(page: Page, label: string, account: string) {
  // A fresh browser for the provider too: its own login page, not its single sign-on.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByRole("button", { name: label }).click();
  await signInAtProvider(page, account);
}

async function logout(page: Page) {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("U bent uitgelogd.")).toBeVisible();
}

/** No session: a page for signed-in users sends the browser to the login page. */
async function expectSignedOut(page: Page) {
  await page.goto("/account/koppelingen");
  await expect(page).toHaveURL(/\/login\?terug=/);
}

const loginError = (page: Page) => page.getByRole("alert", { name: "Inloggen is niet gelukt" });

async function configureProvider(page: Page, provider: TestOidcProvider, input: { label: string; regio: string; beheerders: boolean; clientId: string }) {
  await page.goto("/beheer/identiteitsproviders/nieuw");
  await page.getByLabel("Tekst op de inlogknop").fill(input.label);
  await page.getByLabel("Soort provider").selectOption({ label: "OpenID Connect (algemeen)" });
  await page.getByLabel("Issuer").fill(provider.issuer);
  await page.getByLabel("Client-id").fill(input.clientId);
  const secret = `geheim-${input.clientId}-${unique}`;
  await page.getByLabel("Clientgeheim").fill(secret);
  await page
    .getByRole("group", { name: /^Regio's waarvan/ })
    .getByLabel(input.regio)
    .check();
  if (input.beheerders) await page.getByLabel("Deze provider mag ook beheerders aanmelden").check();
  await page.getByRole("button", { name: "Identiteitsprovider toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: input.label })).toBeVisible();
  const redirectUri = (await page.getByTestId("redirect-uri").innerText()).trim();
  expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/auth\/callback\/oidc-[a-f0-9]+$/);
  // The secret is write-only: never on the page again.
  expect(await page.content()).not.toContain(secret);
  await expect(page.getByLabel("Clientgeheim")).toHaveValue("");
  provider.registerClient({ clientId: input.clientId, clientSecret: secret, redirectUri });
}

test("the beheerder configures two identity providers in /beheer", async ({ page }) => {
  await loginAsBeheerder(page);
  await page.goto("/beheer");
  await page.getByRole("link", { name: "Identiteitsproviders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Identiteitsproviders" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A form with errors: Dutch messages, focused summary.
  await page.getByRole("link", { name: "Nieuwe identiteitsprovider" }).click();
  await page.getByLabel("Issuer").fill("http://idp.example");
  await page.getByRole("button", { name: "Identiteitsprovider toevoegen" }).click();
  await expect(page.getByRole("alert", { name: "De identiteitsprovider is niet opgeslagen" })).toBeFocused();
  await expect(page.getByRole("link", { name: /Vul het volledige https-adres van de issuer in/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await configureProvider(page, haaglanden, { label: HAAGLANDEN, regio: "Haaglanden", beheerders: true, clientId: "zelfscan-haaglanden" });
  await expectNoAxeViolations(page);
  await configureProvider(page, hollandsMidden, { label: HOLLANDS_MIDDEN, regio: "Hollands Midden", beheerders: false, clientId: "zelfscan-hm" });
  await page.goto("/beheer/identiteitsproviders");
  await expect(page.getByRole("row").filter({ hasText: HAAGLANDEN })).toContainText("actief");
  await expect(page.getByRole("row").filter({ hasText: HOLLANDS_MIDDEN })).toContainText("actief");
});

test("another organisation's provider asserting a Delft officer's e-mail address signs nobody in", async ({ page }) => {
  await loginWithProvider(page, HOLLANDS_MIDDEN, "mallory");
  await expect(page).toHaveURL(/\/login\?error=oidc-niet-gekoppeld/);
  await expect(loginError(page)).toContainText("Een e-mailadres alleen is niet genoeg.");
  await expectSignedOut(page);
});

test("an unverified e-mail address is refused", async ({ page }) => {
  await loginWithProvider(page, HAAGLANDEN, "onbevestigd");
  await expect(page).toHaveURL(/\/login\?error=oidc-email-niet-bevestigd/);
  await expect(loginError(page)).toContainText("Uw organisatie meldt dat uw e-mailadres niet is bevestigd.");
  await expectSignedOut(page);
});

test("an unlinked identity gets a Dutch explanation of how to link it", async ({ page }) => {
  await loginWithProvider(page, HAAGLANDEN, "nieuwkomer");
  await expect(page).toHaveURL(/\/login\?error=oidc-niet-gekoppeld/);
  await expect(loginError(page)).toContainText("ga naar Mijn account › Koppelingen en kies de knop van uw organisatie");
  await expect(loginError(page)).toContainText("open dan de uitnodigingslink die u kreeg");
  await expectNoAxeViolations(page);
});

test("a Delft officer links the identity, signs in with it, unlinks it, and is refused afterwards", async ({ page }) => {
  await login(page, DELFT_OFFICER.email);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Koppelingen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Koppelingen met uw organisatie" })).toBeVisible();
  await expect(page.getByText("U heeft nog geen koppelingen.")).toBeVisible();
  // Only the provider of the officer's own organisation is offered.
  await expect(page.getByRole("button", { name: `Koppelen met ${HOLLANDS_MIDDEN}` })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: `Koppelen met ${HAAGLANDEN}` }).click();
  await signInAtProvider(page, "anouk");
  await expect(page).toHaveURL(/\/account\/koppelingen\?gekoppeld=1/);
  await expect(page.getByRole("status").filter({ hasText: "De koppeling is gemaakt." })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: HAAGLANDEN });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText("nog niet");
  await expectNoAxeViolations(page);
  // Still the same session: linking made no new one.
  await expect(page.getByText(`Ingelogd als ${DELFT_OFFICER.name}`)).toBeVisible();
  await logout(page);

  // Signing in with the linked identity.
  await loginWithProvider(page, HAAGLANDEN, "anouk");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByText(`Ingelogd als ${DELFT_OFFICER.name}`)).toBeVisible();
  await page.goto("/account/koppelingen");
  await expect(page.getByRole("row").filter({ hasText: HAAGLANDEN }).getByRole("cell").nth(1)).not.toHaveText("nog niet");
  // An OIDC session cannot start a new link.
  await expect(
    page.getByText("logt u eerst uit en weer in met uw e-mailadres en wachtwoord").or(page.getByText("Er is geen (andere) organisatie")),
  ).toBeVisible();

  // Unlinking, with confirmation.
  await page.getByRole("button", { name: "Koppeling verwijderen" }).click();
  await expect(page.getByText(`Wilt u de koppeling met ${HAAGLANDEN} verwijderen?`)).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Ja, koppeling verwijderen" }).click();
  await expect(page.getByText("U heeft nog geen koppelingen.")).toBeVisible();
  await logout(page);

  await loginWithProvider(page, HAAGLANDEN, "anouk");
  await expect(page).toHaveURL(/\/login\?error=oidc-niet-gekoppeld/);
  await expect(loginError(page)).toBeVisible();
});

test("a new beheerder links from the invitation link and must still use the app's second factor after OIDC", async ({ page, browser }) => {
  // The demo beheerder invites a second beheerder.
  await loginAsBeheerder(page);
  await page.goto("/beheer/gebruikers/nieuw");
  await page.getByLabel("E-mailadres", { exact: true }).fill(NEW_BEHEERDER.email);
  await page.getByLabel("Naam", { exact: true }).fill(NEW_BEHEERDER.name);
  await page.getByLabel("Rol", { exact: true }).selectOption({ label: "Beheerder" });
  await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: NEW_BEHEERDER.name })).toBeVisible();
  const invitation = await sendInvitation(page, NEW_BEHEERDER.email);

  // The invitee, in a browser of their own: links instead of setting a password.
  const context = await newContext(browser);
  const invitee = await context.newPage();
  await invitee.goto(invitation);
  await expect(invitee.getByRole("heading", { name: "Of koppel uw account aan uw organisatie" })).toBeVisible();
  await expect(invitee.getByRole("button", { name: `Koppelen met ${HOLLANDS_MIDDEN}` })).toHaveCount(0);
  await expectNoAxeViolations(invitee);
  await invitee.getByRole("button", { name: `Koppelen met ${HAAGLANDEN}` }).click();
  await signInAtProvider(invitee, "bram");
  await expect(invitee).toHaveURL(/\/login\?gekoppeld=1/);
  await expect(invitee.getByText("Uw account is gekoppeld aan uw organisatie.")).toBeVisible();
  // The invitation has been used up.
  await invitee.goto(invitation);
  await expect(invitee.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();

  // First OIDC login: nothing but setting up the second factor.
  await loginWithProvider(invitee, HAAGLANDEN, "bram");
  await expect(invitee).toHaveURL(/\/account\/tweestapsverificatie$/);
  await expect(invitee.getByRole("heading", { level: 1, name: "Tweestapsverificatie instellen" })).toBeVisible();
  await invitee.goto("/beheer");
  await expect(invitee).toHaveURL(/\/account\/tweestapsverificatie$/);
  const secret = (await invitee.getByTestId("totp-sleutel").innerText()).replace(/\s+/g, "");
  const setupStep = Math.floor(Date.now() / 30_000);
  await invitee.getByLabel("Code uit de app (zes cijfers)").fill(await generate({ secret, epoch: setupStep * 30 }));
  await invitee.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  await expect(invitee.getByRole("list", { name: "Herstelcodes" }).getByRole("listitem")).toHaveCount(10);
  await invitee.getByRole("link", { name: "Ik heb de codes bewaard, verder naar mijn overzicht" }).click();
  await expect(invitee.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toBeVisible();
  await logout(invitee);

  // A later OIDC login: the code is asked for before anything else works.
  await loginWithProvider(invitee, HAAGLANDEN, "bram");
  await expect(invitee).toHaveURL(/\/account\/tweestapsverificatie$/);
  await expect(invitee.getByRole("heading", { level: 1, name: "Tweestapsverificatie: code invoeren" })).toBeVisible();
  await expect(invitee.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toHaveCount(0);
  await invitee.goto("/beheer/identiteitsproviders");
  await expect(invitee).toHaveURL(/\/account\/tweestapsverificatie$/);
  await expectNoAxeViolations(invitee);
  const codeField = invitee.getByLabel("Code uit uw authenticator-app of een herstelcode");
  await codeField.fill("000000");
  await invitee.getByRole("button", { name: "Doorgaan" }).click();
  await expect(invitee.getByRole("alert", { name: "De code is niet geaccepteerd" })).toBeFocused();
  await expectNoAxeViolations(invitee);
  // A code the server has not seen yet (each time step works once).
  let step = Math.floor(Date.now() / 30_000);
  if (step <= setupStep) {
    await invitee.waitForTimeout((setupStep + 1) * 30_000 - Date.now() + 250);
    step = Math.floor(Date.now() / 30_000);
  }
  await codeField.fill(await generate({ secret, epoch: step * 30 }));
  await invitee.getByRole("button", { name: "Doorgaan" }).click();
  await expect(invitee.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" })).toBeVisible();
  await invitee.goto("/beheer/identiteitsproviders");
  await expect(invitee.getByRole("heading", { level: 1, name: "Identiteitsproviders" })).toBeVisible();
  await context.close();
});

test("the beheerder deactivates both providers: the login page offers them no more", async ({ page }) => {
  // Also leaves the login page as the other specs expect it.
  await loginAsBeheerder(page);
  for (const label of [HAAGLANDEN, HOLLANDS_MIDDEN]) {
    await page.goto("/beheer/identiteitsproviders");
    await page.getByRole("link", { name: label }).click();
    await page.getByRole("button", { name: "Identiteitsprovider deactiveren" }).click();
    await expect(page.getByText(`Wilt u ${label} deactiveren?`)).toBeFocused();
    await page.getByRole("button", { name: "Ja, deactiveren" }).click();
    await expect(page.getByRole("button", { name: "Identiteitsprovider activeren" })).toBeVisible();
  }
  await page.goto("/beheer/identiteitsproviders");
  await expect(page.getByRole("row").filter({ hasText: HAAGLANDEN })).toContainText("gedeactiveerd");
  await logout(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Of log in via uw organisatie" })).toHaveCount(0);
});
