// A gemeente's team (issue 15, point 1) in Chromium through the run's SMTP server: Delft's
// coordinator invites a new colleague by e-mail, the colleague sets a password with the mailed
// link, logs in and sees Delft; the team page shows them as active. A project leader of the region
// changes the coordinator and changes it back. Every state is checked with axe.
import { expect, test } from "@playwright/test";
import { newBrowser, unique } from "./support/accounts";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { login } from "./support/login";
import { inviteAndAcceptColleague } from "./support/team";

const DELFT = { slug: "delft", name: "Delft" };
const PASSWORD = "fietsen langs de Schie in de zomer";

test("the coordinator invites a colleague by e-mail; the colleague sets a password, logs in and sees Delft", async ({ page, browser }) => {
  const colleague = { email: `e2e-collega-${unique()}@delft.example`, name: "Sanne Samen", password: PASSWORD };
  await login(page, "beleid@delft.example");
  await page.goto("/gemeenten/delft");
  await page.getByRole("link", { name: /^Team van Delft/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team van Delft" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Anouk de Vries/ })).toContainText("coördinator");
  await expectNoAxeViolations(page);

  // A mistake first: the error summary, focused, leads to the field.
  await page.getByRole("button", { name: "Collega uitnodigen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Uw collega is niet uitgenodigd" })).toBeFocused();
  await expectNoAxeViolations(page);
  // An address already in the team is named as such.
  await page.getByLabel("Naam", { exact: true }).fill("Daan");
  await page.getByLabel("E-mailadres", { exact: true }).fill("collega@delft.example");
  await page.getByRole("button", { name: "Collega uitnodigen" }).click();
  await expect(page.getByText("collega@delft.example staat al in het team van Delft.").first()).toBeVisible();

  const invited = await newBrowser(browser);
  await inviteAndAcceptColleague(page, invited, DELFT, colleague);
  // The coordinator's page, as it was after the invitation: never the link, a renew button.
  expect(await page.content()).not.toMatch(/account\/link\//);
  await expect(page.getByRole("button", { name: `Uitnodiging ${colleague.name} opnieuw versturen` })).toBeVisible();
  await expectNoAxeViolations(page);
  await invited.goto("/gemeenten/delft");
  await expect(invited.getByRole("heading", { level: 1, name: "Gemeente Delft" })).toBeVisible();
  // A colleague sees the team but cannot invite anyone.
  await invited.goto("/gemeenten/delft/team");
  await expect(invited.getByRole("heading", { level: 1, name: "Team van Delft" })).toBeVisible();
  await expect(invited.getByRole("button", { name: "Collega uitnodigen" })).toHaveCount(0);
  await invited.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(invited);
  await invited.context().close();

  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toContainText("Actief");
  // Deactivating asks first; the colleague is then shown as deactivated.
  await page.getByRole("button", { name: `${colleague.name} deactiveren` }).click();
  await expect(page.getByText(`${colleague.name} uit het team van Delft halen?`)).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Ja, deactiveren" }).click();
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toContainText("Gedeactiveerd");
});

test("a project leader of the region changes Delft's coordinator, and changes it back", async ({ page }) => {
  await login(page, "projectleider@haaglanden.example");
  await page.goto("/gemeenten/delft/team");
  const choice = page.getByLabel("Coördinator van Delft");
  await expect(choice).toHaveValue(/.+/);
  await expectNoAxeViolations(page);
  await choice.selectOption({ label: "Daan Verbeek (collega@delft.example)" });
  await page.getByRole("button", { name: "Coördinator opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Daan Verbeek is nu de coördinator van Delft." })).toBeFocused();
  await expect(page.getByRole("row", { name: /Daan Verbeek/ })).toContainText("coördinator");
  await expectNoAxeViolations(page);
  // The leader sees the team, but does not invite: that is the coordinator's.
  await expect(page.getByRole("button", { name: "Collega uitnodigen" })).toHaveCount(0);

  await page.getByLabel("Coördinator van Delft").selectOption({ label: "Anouk de Vries (beleid@delft.example)" });
  await page.getByRole("button", { name: "Coördinator opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Anouk de Vries is nu de coördinator van Delft." })).toBeFocused();
  await expect(page.getByRole("row", { name: /Anouk de Vries/ })).toContainText("coördinator");
});
