// Second factors in the browser. This helper plays the authenticator app. The demo beheerder has
// the factor published in the README (lib/demo/data.ts), so every login types a fresh code of that
// key; an account without a factor (a beheerder invited in a test) sets it up through the page, as a
// person would, typing the shown key. The key and the last used time step are kept in a file per
// app port and account, so that a restarted Playwright worker can still log in and no code is used
// twice (the server accepts each time step once); a fresh run starts with a fresh database.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_BEHEERDER_TOTP_SECRET } from "../../../lib/demo/data";
import { DEMO_PASSWORD } from "./login";

const BEHEERDER_EMAIL = "beheer@zelfscan.example";
const PERIOD_SECONDS = 30;

type AppState = { email: string; secret: string; lastStep: number; recoveryCodes: string[] };

function stateFile(email: string): string {
  const port = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3100").port;
  mkdirSync("tmp", { recursive: true });
  return `tmp/e2e-totp-${port}-${email.replace(/[^a-z0-9]+/gi, "_")}.json`;
}

function readState(email: string): AppState | null {
  const file = stateFile(email);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as AppState) : null;
}

function writeState(state: AppState) {
  writeFileSync(stateFile(state.email), JSON.stringify(state));
}

/** The demo beheerder's authenticator app: the published key. */
function demoBeheerderState(): AppState {
  return readState(BEHEERDER_EMAIL) ?? { email: BEHEERDER_EMAIL, secret: DEMO_BEHEERDER_TOTP_SECRET, lastStep: 0, recoveryCodes: [] };
}

/** A code the server has not seen yet: each time step is accepted once, so wait for a new one if needed. */
export async function freshCode(state: AppState): Promise<string> {
  let step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  if (step <= state.lastStep) {
    await new Promise((resolve) => setTimeout(resolve, (state.lastStep + 1) * PERIOD_SECONDS * 1000 - Date.now() + 250));
    step = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
  }
  state.lastStep = step;
  writeState(state);
  return generate({ secret: state.secret, epoch: step * PERIOD_SECONDS });
}

export async function submitPassword(page: Page, email = BEHEERDER_EMAIL, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
}

/** Sets up the factor of `email` on the set-up page the app shows; returns the key and the recovery codes it showed. */
export async function enrollOnSetupPage(page: Page, email = BEHEERDER_EMAIL): Promise<AppState> {
  await expect(page).toHaveURL(/\/account\/tweestapsverificatie/);
  const secret = (await page.getByTestId("totp-sleutel").innerText()).replace(/\s+/g, "");
  const state: AppState = { email, secret, lastStep: 0, recoveryCodes: [] };
  await page.getByLabel("Code uit de app (zes cijfers)").fill(await freshCode(state));
  await page.getByRole("button", { name: "Tweestapsverificatie aanzetten" }).click();
  const codes = page.getByRole("list", { name: "Herstelcodes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  state.recoveryCodes = await codes.allInnerTexts();
  writeState(state);
  return state;
}

/** Logs the demo beheerder in, with a code of the published key, as a person with the README would. */
export async function loginAsBeheerder(page: Page) {
  await submitPassword(page);
  const codeField = page.getByLabel("Code uit uw authenticator-app of een herstelcode");
  await expect(codeField).toBeVisible();
  await codeField.fill(await freshCode(demoBeheerderState()));
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
