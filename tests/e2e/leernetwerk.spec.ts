// The learning network (issue 17, point 4) with sharing on and off. In the demo Den Haag and
// Zoetermeer share, nobody else. There is no Den Haag login, so the switch is tried with Delft:
// its coordinator turns sharing on and off on Delft's page, and Rijswijk's officer (whose
// submitted Nulmeting 2021 falls short where Delft scores 3) and Haaglanden's leader see Delft's
// examples exactly while it shares.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { haaglandenMeetrondeIds } from "./support/demo-ids";
import { login, scanIdOf } from "./support/login";

const OFFICER_DELFT = "beleid@delft.example";
const OFFICER_RIJSWIJK = "beleid@rijswijk.example";
const LEADER = "projectleider@haaglanden.example";

/** The gemeenten named as good examples on the page. */
async function exampleNames(page: Page): Promise<string[]> {
  const names = await page.locator("[data-voorbeelden] tbody th[scope=row]").allInnerTexts();
  return [...new Set(names.map((name) => name.trim()))].sort();
}

async function setSharing(page: Page, on: boolean) {
  await page.goto("/gemeenten/delft");
  const section = page.getByRole("region", { name: "Goede voorbeelden delen in het leernetwerk" });
  await section.getByRole("radio", { name: on ? "Ja, deel onze goede voorbeelden met de regio" : "Nee, niet delen" }).check();
  await section.getByRole("button", { name: "Keuze over delen opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen: Delft" })).toContainText(
    on ? "deelt nu haar goede voorbeelden" : "deelt haar goede voorbeelden niet",
  );
}

test.describe.configure({ mode: "serial" });

test("with the demo's sharing, Delft's officer sees Den Haag's and Zoetermeer's examples on Delft's gaps, nobody else's", async ({ page }) => {
  await login(page, OFFICER_DELFT);
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  await page.goto(`/zelfscans/${scanId}`);
  await page.getByRole("link", { name: "Goede voorbeelden uit de regio" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Goede voorbeelden uit de regio – Delft");
  await expect(page.getByRole("status").filter({ hasText: "onder het doelniveau" })).toContainText("met gedeelde goede voorbeelden");
  expect(await exampleNames(page)).toEqual(["Den Haag", "Zoetermeer"]);
  // Westland's scan is a draft, Rijswijk and the others do not share.
  await expect(page.getByText("Westland")).toHaveCount(0);
  await expectNoAxeViolations(page);
  // From the rapport too.
  await page.goto(`/zelfscans/${scanId}/rapport`);
  await expect(page.getByRole("link", { name: "Goede voorbeelden uit de regio" })).toHaveAttribute("href", `/zelfscans/${scanId}/voorbeelden`);
});

test("sharing off (the default): Rijswijk's officer and the leader see no example of Delft; on: both do; off again: gone", async ({ browser }) => {
  test.setTimeout(180_000);
  // A context each: three people signed in side by side (axe needs pages of a context of their own).
  const open = async () => (await browser.newContext()).newPage();
  const delft = await open();
  await login(delft, OFFICER_DELFT);
  await delft.goto("/gemeenten/delft");
  const section = delft.getByRole("region", { name: "Goede voorbeelden delen in het leernetwerk" });
  await expect(section).toContainText("Delft deelt haar goede voorbeelden niet.");
  await expect(section).toContainText("Het landelijk programmateam ziet alleen hoeveel gemeenten een onderdeel goed doen");
  await expectNoAxeViolations(delft);

  const rijswijk = await open();
  await login(rijswijk, OFFICER_RIJSWIJK);
  const rijswijkScan = await scanIdOf(rijswijk, "rijswijk", "Nulmeting 2021");
  const leader = await open();
  await login(leader, LEADER);
  const { nulmeting } = await haaglandenMeetrondeIds(leader);
  const knelpunten = `/regios/haaglanden/meetrondes/${nulmeting}/knelpunten?minimaal=1`;

  await rijswijk.goto(`/zelfscans/${rijswijkScan}/voorbeelden`);
  expect(await exampleNames(rijswijk)).not.toContain("Delft");
  await leader.goto(knelpunten);
  expect(await exampleNames(leader)).not.toContain("Delft");
  await expect(leader.getByText(/gemeenten? scoo?r(t|en) hier 3, maar (deelt haar|delen hun) voorbeeld niet/).first()).toBeVisible();

  await setSharing(delft, true);
  await rijswijk.goto(`/zelfscans/${rijswijkScan}/voorbeelden`);
  expect(await exampleNames(rijswijk)).toContain("Delft");
  await expectNoAxeViolations(rijswijk);
  await leader.goto(knelpunten);
  expect(await exampleNames(leader)).toContain("Delft");
  await expectNoAxeViolations(leader);
  // The leader sees the choice on Delft's page, but cannot change it.
  await leader.goto("/gemeenten/delft");
  const shown = leader.getByRole("region", { name: "Goede voorbeelden delen in het leernetwerk" });
  await expect(shown).toContainText("Delft deelt haar goede voorbeelden.");
  await expect(shown.getByRole("button")).toHaveCount(0);

  await setSharing(delft, false);
  await rijswijk.goto(`/zelfscans/${rijswijkScan}/voorbeelden`);
  expect(await exampleNames(rijswijk)).not.toContain("Delft");
  await leader.goto(knelpunten);
  expect(await exampleNames(leader)).not.toContain("Delft");
});

test("Rijswijk's officer cannot open Delft's examples page (404)", async ({ page }) => {
  await login(page, OFFICER_DELFT);
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  // A fresh start without Delft's session (clicking "Afmelden" here raced the next page.goto).
  await page.context().clearCookies();
  await login(page, OFFICER_RIJSWIJK);
  const response = await page.goto(`/zelfscans/${scanId}/voorbeelden`);
  expect(response?.status()).toBe(404);
});
