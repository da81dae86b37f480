// The demo beheerder must use a second factor. This helper plays the authenticator app: the first
// login of a run sets the factor up through the page (as a person would, typing the shown key),
// later logins type a fresh code. The key and the last used time step are kept in a file per app
// port, so that a restarted Playwright worker can still log in; a fresh run starts with a fresh
// database and therefore with the set-up page again.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_PASSWORD } from "./login";

export const BEHEERDER_EMAIL = "beheer@zelfscan.example";
const PERIOD_SECONDS = 30;

type AppState = { secret: string; lastStep: number; recoveryCodes: string[] };

function stateFile(): string {
  const port = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3100").port;
  mkdirSync("tmp", { recursive: true });
  return `tmp/e2e-beheerder-${port}.json`;
}

function readState(): AppState | null {
  const file = stateFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as AppState) : null;
}

function writeState(state: AppState) {
  writeFileSync(stateFile(), JSON.stringify(state));
}

/** A code the server has not seen yet: each time step is accepted once, so wait for a new one if needed. */
export async function freshCode(state: AppState): Promise<string> {
  let step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  if (step <= state.lastStep) {
    await new Promise((resolve) => setTimeout(resolve, ((state.lastStep + 1) * PERIOD_SECONDS * 1000 - Date.now()) + 250));
    step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  }
  state.lastStep = step;
  writeState(state);
  return generate({ secret: state.secret, epoch: step * PERIOD_SECONDS });
}

export async function submitPassword(page: Page, email = BEHEERDER_EMAIL) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
}

/** Sets up the factor on the set-up page the app shows; returns the recovery codes it showed. */
export async function enrollOnSetupPage(page: Page): Promise<AppState> {
  await expect(page).toHaveURL(/\/account\/tweestapsverificatie/);
  const secret = (await page.getByTestId("totp-sleutel").innerText()).replace(/\s+/g, "");
  const state: AppState = { secret, lastStep: 0, recoveryCodes: [] };
  await page.getByLabel("Code uit de app (zes cijfers)").fill(await freshCode(state));
  await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  const codes = page.getByRole("list", { name: "Herstelcodes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  state.recoveryCodes = await codes.allInnerTexts();
  writeState(state);
  return state;
}

/** Logs the demo beheerder in, with the second factor, as a person with the app would. */
export async function loginAsBeheerder(page: Page) {
  await submitPassword(page);
  const codeField = page.getByLabel("Code uit uw authenticator-app of een herstelcode");
  await expect(codeField.or(page.getByRole("heading", { name: "Tweestapsverificatie instellen" }))).toBeVisible();
  if (await codeField.isVisible()) {
    const state = readState();
    if (!state) throw new Error("De beheerder heeft al een tweede factor, maar deze testrun kent de sleutel niet.");
    await codeField.fill(await freshCode(state));
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expect(page).not.toHaveURL(/\/login/);
    return;
  }
  await enrollOnSetupPage(page);
  await page.getByRole("link", { name: "Ik heb de codes bewaard, verder naar mijn overzicht" }).click();
  await expect(page).toHaveURL(/\/$/);
}
