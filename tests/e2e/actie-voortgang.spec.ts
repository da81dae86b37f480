// An action owned by a colleague with an account: collega@delft.example opens Delft's plan in the
// open round, reports progress on the action they own (status and a dated note), sees it in the
// history, and the PDF carries the Voortgangsrapportage.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ownerReportsProgress } from "./support/actie-voortgang";
import { expectNoAxeViolations } from "./support/axe";
import { delftScanId } from "./support/demo-ids";
import { login } from "./support/login";

const TITLE = "Werkafspraken met het wijkteam over huiselijk geweld vastleggen";

test("the owner of an action reports its progress and the PDF reports it to the college", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "collega@delft.example");
  const scanId = await delftScanId(page);
  await page.goto(`/zelfscans/${scanId}/verbeterplan`);
  const actie = page.getByRole("article", { name: new RegExp(TITLE) });
  await expect(actie).toContainText("Daan Verbeek (collega)");
  await expect(page.getByRole("article", { name: /Signalen van Veilig Thuis/ })).toContainText("Veilig Thuis Haaglanden (externe partij)");
  await expectNoAxeViolations(page);

  const note = `E2E: werkafspraken getekend ${Date.now().toString(36)}`;
  await ownerReportsProgress(page, { scanId, title: new RegExp(TITLE), status: "Afgerond", note });
  await expect(actie.getByRole("term").filter({ hasText: "Status" }).locator("xpath=following-sibling::dd[1]")).toHaveText("Afgerond");

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Verbeterplan downloaden (pdf)" }).click();
  const pdfFile = test.info().outputPath("verbeterplan.pdf");
  await (await pdfDownload).saveAs(pdfFile);
  const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("Voortgangsrapportage");
  expect(text).toContain(note);
});
