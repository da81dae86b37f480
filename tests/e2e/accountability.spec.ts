// Data access is accountable, through the running app (issue 12, point 6): the exports' route
// handlers leave an audit entry the beheerder finds in the audit log, and a scan's JSON export
// does not name the officer of another region who tried to open it.
import { expect, test } from "@playwright/test";
import { newBrowser } from "./support/accounts";
import { loginAsBeheerder } from "./support/beheerder";
import { login, scanIdOf } from "./support/login";

test("a refused look at a scan stays out of its JSON export; every export is in the beheerder's audit log", async ({ page, browser }) => {
  await login(page, "beleid@delft.example");
  const delftScan = await scanIdOf(page, "delft", "Nulmeting 2021");

  // The project leader of another region tries the scan and its exports.
  const outsider = await newBrowser(browser);
  await login(outsider, "projectleider@hollands-midden.example");
  expect((await outsider.goto(`/zelfscans/${delftScan}`))?.status()).toBe(404);
  expect((await outsider.request.get(`/zelfscans/${delftScan}/antwoorden.json`)).status()).toBe(404);
  await outsider.context().close();

  for (const file of ["antwoorden.json", "antwoorden.csv", "verbeterplan.csv", "verbeterplan.xlsx"]) {
    expect((await page.request.get(`/zelfscans/${delftScan}/${file}`)).status(), file).toBe(200);
  }
  const exported = await (await page.request.get(`/zelfscans/${delftScan}/antwoorden.json`)).json();
  const history = exported.geschiedenis as { actie: string; door: string | null }[];
  expect(history.length).toBeGreaterThan(0);
  expect(history.filter((entry) => !/^(zelfscan|antwoord)\.|^demo\.zelfscan-aangemaakt$/.test(entry.actie))).toEqual([]);
  expect(JSON.stringify(exported)).not.toContain("Ruben Visser");

  // The beheerder sees who exported what, and who was refused.
  const admin = await newBrowser(browser);
  await loginAsBeheerder(admin);
  await admin.goto("/beheer/audit?actie=export.zelfscan");
  await expect(
    admin.getByRole("row").filter({ hasText: "Zelfscan geëxporteerd" }).filter({ hasText: "beleid@delft.example" }).filter({ hasText: "Delft" }),
  ).toHaveCount(3);
  await admin.goto("/beheer/audit?actie=export.verbeterplan");
  await expect(admin.getByRole("row").filter({ hasText: "Verbeterplan geëxporteerd" }).filter({ hasText: "beleid@delft.example" })).toHaveCount(2);
  await admin.goto("/beheer/audit?actie=toegang.geweigerd");
  await expect(admin.getByRole("row").filter({ hasText: "projectleider@hollands-midden.example" }).filter({ hasText: "Delft" }).first()).toBeVisible();
  await admin.context().close();
});
