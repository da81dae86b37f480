import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { DEMO_PASSWORD, login, scanIdOf } from "./support/login";

test("a policy officer logs in and sees the open round of her region with its deadline", async ({ page }) => {
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await page.getByLabel("E-mailadres").fill("beleid@delft.example");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn overzicht" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Gemeente Delft" })).toBeVisible();
  await expect(page.getByText("Herhaalmeting 2026: invullen vóór 29 januari 2027.")).toBeVisible();
  await expect(page.getByText("In bewerking – 20 van 38 beantwoord")).toBeVisible();
  await expect(page.getByRole("link", { name: "Beheer" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Naar de zelfscans van Delft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Delft" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Zelfscan Nulmeting 2021 bekijken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zelfscan Delft – Nulmeting 2021" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a wrong password gets a Dutch message in a focused error summary", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("alert", { name: "Inloggen is niet gelukt" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Vul uw e-mailadres in." })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("E-mailadres").fill("beleid@leiden.example");
  await page.getByLabel("Wachtwoord").fill("dit-is-niet-het-wachtwoord");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("alert", { name: "Inloggen is niet gelukt" })).toContainText("Het e-mailadres of het wachtwoord is onjuist.");
  await expect(page).toHaveURL(/\/login/);
});

test("guessing one account slows it down for seconds, not a lockout, and the page says why and how long to wait", async ({ page }) => {
  const email = "raden@voorbeeld.example";
  const alert = page.getByRole("alert", { name: "Inloggen is niet gelukt" });
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill(`poging-${attempt}-onjuist`);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expect(alert).toContainText("Het e-mailadres of het wachtwoord is onjuist.");
  }
  await page.getByLabel("Wachtwoord").fill("poging-6-onjuist");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(alert).toContainText(/Daarom kunt u het pas over [1-5] seconden? opnieuw proberen\./);
  await expect(alert).toContainText("Misschien probeert iemand uw wachtwoord te raden.");
  await expect(alert).toContainText("Uw account is niet geblokkeerd");
  await expectNoAxeViolations(page);
  // A few seconds later the next attempt is checked again.
  await page.waitForTimeout(5_200);
  await page.getByLabel("Wachtwoord").fill("poging-7-onjuist");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(alert).toContainText("Het e-mailadres of het wachtwoord is onjuist.");
});

test("an anonymous visitor is sent to login and back to the page asked for", async ({ page }) => {
  await page.goto("/gemeenten/rijswijk");
  await expect(page).toHaveURL(/\/login\?terug=%2Fgemeenten%2Frijswijk/);
  await page.getByLabel("E-mailadres").fill("beleid@rijswijk.example");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Rijswijk" })).toBeVisible();
});

test("another municipality's scan, its exports and another region answer 404, also by direct request", async ({ page, browser }) => {
  await login(page, "beleid@delft.example");
  const delftScan = await scanIdOf(page, "delft", "Nulmeting 2021");
  const ownExport = await page.request.get(`/zelfscans/${delftScan}/antwoorden.json`);
  expect(ownExport.status()).toBe(200);
  expect(ownExport.headers()["cache-control"]).toBe("no-store");
  expect((await ownExport.json()).antwoorden).toHaveLength(38);

  const rijswijk = await browser.newContext();
  const other = await rijswijk.newPage();
  await login(other, "beleid@rijswijk.example");
  for (const path of [
    `/zelfscans/${delftScan}`,
    `/zelfscans/${delftScan}/stap/1`,
    `/zelfscans/${delftScan}/overzicht`,
    `/zelfscans/${delftScan}/rapport`,
    `/zelfscans/${delftScan}/verbeterplan`,
    "/gemeenten/delft",
    "/regios/haaglanden",
  ]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  for (const path of ["antwoorden.json", "antwoorden.csv", "verbeterplan.pdf", "verbeterplan.csv", "verbeterplan.xlsx"].map(
    (file) => `/zelfscans/${delftScan}/${file}`,
  )) {
    expect((await other.request.get(path)).status(), path).toBe(404);
  }
  await rijswijk.close();

  const hollandsMidden = await browser.newContext();
  const leader = await hollandsMidden.newPage();
  await login(leader, "projectleider@hollands-midden.example");
  expect((await leader.goto("/regios/haaglanden"))?.status()).toBe(404);
  expect((await leader.goto(`/zelfscans/${delftScan}`))?.status()).toBe(404);
  expect((await leader.goto("/regios/hollands-midden"))?.status()).toBe(200);
  await hollandsMidden.close();

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/zelfscans/${delftScan}/antwoorden.json`)).status()).toBe(401);
  await anonymous.close();
});

test("the Haaglanden project leader sees all nine municipalities of the region", async ({ page }) => {
  await login(page, "projectleider@haaglanden.example");
  await page.getByRole("link", { name: "Naar het overzicht van regio Haaglanden" }).click();
  const table = page.getByRole("table", { name: /Nulmeting 2021/ });
  await expect(table.getByRole("row")).toHaveCount(10);
  await expect(table.getByRole("link", { name: "Ingediend" })).toHaveCount(9);
  await expectNoAxeViolations(page);
});

test("logging out ends the session on the server: the old cookie no longer works", async ({ page, browser }) => {
  await login(page, "beleid@delft.example");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("U bent uitgelogd.")).toBeVisible();

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const response = await replay.request.get("/api/sessie");
  expect(response.status()).toBe(401);
  const revisit = await replay.newPage();
  await revisit.goto("/gemeenten/delft");
  await expect(revisit).toHaveURL(/\/login/);
  await replay.close();
});

test("state-changing requests from another website are refused", async ({ page }) => {
  await login(page, "beleid@delft.example");
  for (const origin of ["https://aanvaller.example", "null"]) {
    const response = await page.request.post("/api/sessie", { headers: { Origin: origin } });
    expect(response.status(), origin).toBe(403);
  }
  const own = await page.request.post("/api/sessie", { headers: { Origin: new URL(page.url()).origin } });
  expect(own.status()).toBe(200);
});

test("a login form sent before its scripts have run never puts the password in the address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("beleid@delft.example");
  await page.getByLabel("Wachtwoord").fill("Zelfscan-Demo-2026");
  const sent = page.waitForRequest((request) => request.isNavigationRequest() && request.url().includes("/login"));
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  const request = await sent;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain("Zelfscan-Demo-2026");
  await page.waitForLoadState();
  expect(page.url()).not.toContain("Zelfscan-Demo-2026");
  await context.close();
});
