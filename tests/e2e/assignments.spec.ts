// Assignments (issue 15), in Chromium, through the run's real SMTP server: the coordinator of Delft
// (beleid@delft.example) assigns eis 7 to collega@delft.example with a due date on the Toewijzingen
// page; the TOEWIJZING mail arrives, names the onderdelen and the due date and links to the scan;
// the colleague sees "Toegewezen aan" on eis 7 in the wizard. Every page checked with axe.
import { expect, test } from "@playwright/test";
import { assignEis } from "./support/assignments";
import { expectNoAxeViolations } from "./support/axe";
import { newBrowser } from "./support/accounts";
import { login, scanIdOf } from "./support/login";
import { sentMails, waitForMail } from "./support/mail";

const COORDINATOR = "beleid@delft.example";
const COLLEAGUE = "collega@delft.example";
const COLLEAGUE_NAME = "Daan Verbeek";

test("the coordinator assigns eis 7 with a due date; the colleague is mailed and sees it in the wizard", async ({ page, browser }) => {
  await login(page, COORDINATOR);
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  await page.goto(`/zelfscans/${scanId}`);
  await page.getByRole("link", { name: "Toewijzingen" }).click();
  await expect(page).toHaveURL(new RegExp(`/zelfscans/${scanId}/toewijzingen$`));
  await expectNoAxeViolations(page);

  // Nothing chosen: the error summary, focused.
  await page.getByRole("button", { name: "Toewijzen", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Kies ten minste één eis of onderdeel." })).toBeFocused();
  await expectNoAxeViolations(page);

  const before = await sentMails();
  await assignEis(page, { scanId, eis: 7, person: COLLEAGUE_NAME, dueOn: "2027-01-15", note: "Graag voor het overleg met de regio." });
  await expectNoAxeViolations(page);

  const mail = await waitForMail((candidate) => candidate.to === COLLEAGUE && candidate.subject.startsWith("Aan u toegewezen"), { after: before });
  expect(mail.subject).toBe("Aan u toegewezen: 6 onderdelen van de zelfscan Herhaalmeting 2026 van gemeente Delft");
  expect(mail.text).toContain("Onderdeel 7a (");
  expect(mail.text).toContain("termijn 15 januari 2027");
  expect(mail.text).toContain("Graag voor het overleg met de regio.");
  expect(mail.text).toContain(`/zelfscans/${scanId}`);

  const colleague = await newBrowser(browser);
  await login(colleague, COLLEAGUE);
  await colleague.goto(`/zelfscans/${scanId}/stap/7`);
  await expect(colleague.getByRole("heading", { level: 2, name: /^Eis 7: / })).toBeVisible();
  await expect(colleague.getByText(`Toegewezen aan ${COLLEAGUE_NAME} (termijn 15 januari 2027)`).first()).toBeVisible();
  await expectNoAxeViolations(colleague);
  // The colleague sees the assignments, but cannot change them.
  await colleague.goto(`/zelfscans/${scanId}/toewijzingen`);
  await expect(
    colleague.getByRole("table", { name: "Huidige toewijzingen" }).getByRole("row", { name: new RegExp(`Eis 7: .*${COLLEAGUE_NAME}`) }),
  ).toBeVisible();
  await expect(colleague.getByRole("button", { name: "Toewijzen", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(colleague);
});
