// Evidence documents end to end (issue 16): a Delft officer uploads a PDF and a .docx to an
// onderdeel through the wizard's file input and sees the progress finish, reuses the PDF on another
// onderdeel from the library and replaces it with a new version; the Haaglanden project leader
// downloads it (the bytes, attachment, nosniff, sandbox CSP); an officer of another gemeente gets 404.
// Hostile files are refused in Dutch and nothing of them is shown as stored; hostile names are
// stored sanitised. axe and 320 px on the wizard step with documents and on the library page.
// Delft's open-round scan stays a draft (the specs after this one fill and submit it).
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DOCUMENT_REFUSAL_MESSAGE } from "@/lib/shared/documenten/documents";
import { fixtures } from "../support/document-fixtures";
import { newBrowser } from "./support/accounts";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { delftScanId } from "./support/demo-ids";
import { login } from "./support/login";

test.describe.configure({ mode: "serial" });

const TITLE = "Beleidsplan veiligheid 2026";
let dir: string;
let scanId: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "e2e-documenten-"));
});

const onderdeel = (page: Page, id: string) => page.locator(`#onderdeel-${id}`);
const documentList = (section: Locator, label: string) => section.getByRole("list", { name: `Documenten bij ${label}`, exact: true });

/** Chooses files, gives each a date (and a title where given), uploads, and waits until every row has its outcome. */
async function upload(section: Locator, label: string, files: Parameters<Locator["setInputFiles"]>[0], titles: Record<string, string> = {}) {
  await section.getByLabel(`Document toevoegen bij ${label}`).setInputFiles(files);
  const rows = section.getByRole("list", { name: `Gekozen bestanden bij ${label}` }).getByRole("listitem");
  const count = await rows.count();
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    const date = row.getByLabel(/^Ingangsdatum van /);
    if (await date.count()) await date.fill("2026-01-15");
    const name = (await row.locator("p").first().innerText()).replace(/ \([^)]*\)$/, "");
    if (titles[name]) await row.getByLabel(/^Titel van /).fill(titles[name]);
  }
  await section.getByRole("button", { name: `Uploaden bij ${label}` }).click();
  for (let index = 0; index < count; index++) await expect(rows.nth(index).locator("[data-state]")).toHaveAttribute("data-state", /opgeslagen|geweigerd/);
  return rows;
}

test("a Delft officer uploads a PDF and a .docx, reuses the PDF on another onderdeel and replaces it; the project leader downloads it; another gemeente gets 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const pdf = await fixtures.pdf(dir, "beleidsplan-veiligheid.pdf", "Beleidsplan veiligheid 2026, eerste versie");
  const docx = await fixtures.docx(dir, "werkafspraken-wijkteam.docx");
  const pdf2 = await fixtures.pdf(dir, "beleidsplan-veiligheid-v2.pdf", "Beleidsplan veiligheid 2026, tweede versie met de regio afgestemd");

  await login(page, "beleid@delft.example");
  scanId = await delftScanId(page);
  await page.goto(`/zelfscans/${scanId}/stap/4`);
  const eis4 = onderdeel(page, "4");
  await expect(documentList(eis4, "eis 4")).toHaveCount(0);

  // Two files at once, each with its own progress bar that reaches the end.
  const rows = await upload(eis4, "eis 4", [pdf, docx], { "beleidsplan-veiligheid.pdf": TITLE });
  for (const name of ["beleidsplan-veiligheid.pdf", "werkafspraken-wijkteam.docx"]) {
    const bar = eis4.getByRole("progressbar", { name: `Voortgang van ${name}` });
    await expect(bar).toHaveAttribute("value", "100");
  }
  await expect(rows.nth(0)).toContainText(`Opgeslagen als “${TITLE}”.`);
  await expect(rows.nth(1)).toContainText("Opgeslagen als “werkafspraken-wijkteam”.");
  await expect(eis4.getByRole("status").filter({ hasText: "2 documenten toegevoegd." })).toBeVisible();
  const list = documentList(eis4, "eis 4");
  await expect(list.getByRole("listitem").filter({ has: page.getByText(TITLE, { exact: true }) })).toContainText("ingangsdatum 15 januari 2026");
  await expect(list).toContainText("beleidsplan-veiligheid.pdf");
  await expect(list).toContainText("werkafspraken-wijkteam.docx");

  // The same PDF for eis 5, from the library.
  await page.goto(`/zelfscans/${scanId}/stap/5`);
  const eis5 = onderdeel(page, "5");
  await eis5.getByLabel("Kies uit de bibliotheek voor eis 5").selectOption({ label: `${TITLE} (ingangsdatum 15 januari 2026)` });
  await eis5.getByRole("button", { name: "Koppelen aan eis 5" }).click();
  await expect(documentList(eis5, "eis 5")).toContainText(TITLE);
  // What is on the onderdeel is no longer offered.
  await expect(eis5.getByLabel("Kies uit de bibliotheek voor eis 5").locator("option", { hasText: TITLE })).toHaveCount(0);

  // A new version: the history shows both, the newest first.
  await eis5.getByLabel(`Nieuwe versie van ${TITLE}`).setInputFiles(pdf2);
  await expect(eis5.getByText(`Versie 2 van “${TITLE}” opgeslagen.`)).toBeVisible();
  const entry = documentList(eis5, "eis 5").getByRole("listitem").filter({ hasText: TITLE }).first();
  await expect(entry.locator("summary")).toContainText("Versie 2");
  await entry.locator("summary").click();
  const history = entry.getByRole("list", { name: `Versies van ${TITLE}` }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Versie 2: beleidsplan-veiligheid-v2.pdf");
  await expect(history.nth(0)).toContainText("door Anouk de Vries");
  await expect(history.nth(1)).toContainText("Versie 1: beleidsplan-veiligheid.pdf");
  // Eis 4 shows the same document, at its new version.
  await page.goto(`/zelfscans/${scanId}/stap/4`);
  await expect(documentList(onderdeel(page, "4"), "eis 4")).toContainText("beleidsplan-veiligheid-v2.pdf");

  // The project leader of Haaglanden reads the scan and downloads the current version.
  const leader = await newBrowser(browser);
  await login(leader, "projectleider@haaglanden.example");
  await leader.goto(`/zelfscans/${scanId}`);
  const link = onderdeel(leader, "4").getByRole("link", { name: "beleidsplan-veiligheid-v2.pdf downloaden" });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(new RegExp(`^/zelfscans/${scanId}/documenten/[^/]+$`));
  const [download] = await Promise.all([leader.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("beleidsplan-veiligheid-v2.pdf");
  expect(await readFile((await download.path())!)).toEqual(await readFile(pdf2));
  const response = await leader.request.get(href);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-disposition"]).toMatch(/^attachment;/);
  expect(headers["content-disposition"]).toContain("beleidsplan-veiligheid-v2.pdf");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toMatch(/sandbox/);
  expect(headers["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await response.body())).toEqual(await readFile(pdf2));
  // The answers' exports name the documents per onderdeel at their current version.
  const json = await (await leader.request.get(`/zelfscans/${scanId}/antwoorden.json`)).json();
  expect(json.documenten).toEqual(
    expect.arrayContaining([
      { item: "4", titel: TITLE, ingangsdatum: "2026-01-15", bestand: "beleidsplan-veiligheid-v2.pdf", versie: 2 },
      { item: "5", titel: TITLE, ingangsdatum: "2026-01-15", bestand: "beleidsplan-veiligheid-v2.pdf", versie: 2 },
      { item: "4", titel: "werkafspraken-wijkteam", ingangsdatum: "2026-01-15", bestand: "werkafspraken-wijkteam.docx", versie: 1 },
      { item: "1", titel: "Regiovisie Haaglanden 2023-2026", ingangsdatum: "2023-01-01", bestand: "regiovisie-haaglanden-2023-2026.pdf", versie: 1 },
    ]),
  );
  const csv = await (await leader.request.get(`/zelfscans/${scanId}/antwoorden.csv`)).text();
  expect(csv).toContain(`"5";"${TITLE}";"2026-01-15";"beleidsplan-veiligheid-v2.pdf";"2"`);
  // The leader reads, but is offered no upload.
  await expect(leader.getByLabel(/^Document toevoegen/)).toHaveCount(0);
  await leader.context().close();

  // An officer of Rijswijk (the same region, another gemeente) gets 404 on the very same address.
  const other = await newBrowser(browser);
  await login(other, "beleid@rijswijk.example");
  const refused = await other.request.get(href);
  expect(refused.status()).toBe(404);
  expect((await refused.body()).toString()).not.toContain("Beleidsplan veiligheid, tweede versie");
  await other.context().close();
});

test("hostile files are refused in Dutch and nothing of them is shown as stored", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const html = await fixtures.htmlAsPdf(dir, "regiovisie-nep.pdf");
  const bomb = await fixtures.zipBomb(dir, "verslag.docx");
  const large = await fixtures.large(dir, "groot.pdf");
  await login(page, "beleid@delft.example");
  await page.goto(`/zelfscans/${scanId}/stap/4`);
  const eis4 = onderdeel(page, "4");
  const before = await documentList(eis4, "eis 4").getByRole("listitem").count();

  const rows = await upload(eis4, "eis 4", [html, bomb, large]);
  await expect(rows.nth(0)).toContainText(`Niet opgeslagen. ${DOCUMENT_REFUSAL_MESSAGE["verkeerd-type"]}`);
  await expect(rows.nth(1)).toContainText(`Niet opgeslagen. ${DOCUMENT_REFUSAL_MESSAGE.onveilig}`);
  // 30 MB is refused before it is sent; the server refuses it too (below).
  await expect(rows.nth(2)).toContainText(DOCUMENT_REFUSAL_MESSAGE["te-groot"]);
  await expect(eis4.getByRole("alert").filter({ hasText: "2 niet opgeslagen; zie hieronder waarom." })).toBeVisible();
  await page.reload();
  const list = documentList(onderdeel(page, "4"), "eis 4");
  await expect(list.getByRole("listitem")).toHaveCount(before);
  for (const name of ["regiovisie-nep", "verslag", "groot"]) await expect(list).not.toContainText(name);

  // The server, sent 30 MB all the same, refuses it in Dutch on the file field.
  const response = await page.request.post(`/api/zelfscans/${scanId}/antwoorden/4/documenten`, {
    headers: { origin: baseURL! },
    multipart: { title: "Te groot", ingangsdatum: "2026-01-15", file: { name: "groot.pdf", mimeType: "application/pdf", buffer: await readFile(large) } },
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).fieldErrors.file).toBe(DOCUMENT_REFUSAL_MESSAGE["te-groot"]);
  await page.goto(`/gemeenten/delft/documenten`);
  await expect(page.getByRole("heading", { name: "Te groot" })).toHaveCount(0);
});

/** Uploads files of a valid PDF under `names` to onderdeel 3a; answers the file names shown afterwards. */
async function uploadNamed(page: Page, names: string[], titles: Record<string, string>) {
  const buffer = await readFile(await fixtures.pdf(dir, "naam.pdf", "Een gewone PDF"));
  await page.goto(`/zelfscans/${scanId}/stap/3`);
  const before = await documentList(onderdeel(page, "3a"), "onderdeel 3a").getByRole("listitem").count();
  const rows = await upload(
    onderdeel(page, "3a"),
    "onderdeel 3a",
    names.map((name) => ({ name, mimeType: "application/pdf", buffer })),
    titles,
  );
  for (let index = 0; index < names.length; index++) await expect(rows.nth(index)).toContainText("Opgeslagen als");
  await page.reload();
  const shown = await documentList(onderdeel(page, "3a"), "onderdeel 3a")
    .getByRole("link", { name: / downloaden$/ })
    .evaluateAll((links) => links.map((link) => link.firstChild?.textContent ?? ""));
  expect(shown).toHaveLength(before + names.length);
  return shown.slice(before);
}

function expectSanitised(name: string) {
  expect(name).toMatch(/\.pdf$/);
  expect(name).not.toMatch(/[/\\]|\.\./);
  expect(name).not.toMatch(/[\u0000-\u001f\u007f]/);
  expect(name.length).toBeLessThanOrEqual(120);
}

test("names with a path or of 300 characters are stored under a sanitised name", async ({ page }) => {
  await login(page, "beleid@delft.example");
  const long = `${"lang".repeat(74)}.pdf`;
  const names = await uploadNamed(page, ["../../etc/geheim.pdf", long], {
    "geheim.pdf": "Pad in de naam",
    "../../etc/geheim.pdf": "Pad in de naam",
    [long]: "Lange naam",
  });
  for (const name of names) expectSanitised(name);
});

test("the wizard step with documents and the library page pass axe and read at 320 px", async ({ page }) => {
  await login(page, "beleid@delft.example");
  await page.goto(`/zelfscans/${scanId}/stap/4`);
  const eis4 = onderdeel(page, "4");
  await expect(documentList(eis4, "eis 4")).toBeVisible();
  // With a chosen file waiting for its date, and a version history open.
  await eis4.getByLabel("Document toevoegen bij eis 4").setInputFiles(await fixtures.odt(dir));
  await documentList(eis4, "eis 4").locator("summary").first().click();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/gemeenten/delft/documenten");
  await expect(page.getByRole("heading", { level: 1, name: "Documenten van Delft" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Regiovisie Haaglanden 2023-2026" })).toBeVisible();
  await page
    .getByText(/^Titel en ingangsdatum wijzigen/)
    .first()
    .click();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
});

test("a name with control characters is refused in Dutch, with nothing stored", async ({ page }) => {
  await login(page, "beleid@delft.example");
  const buffer = await readFile(await fixtures.pdf(dir, "naam.pdf", "Een gewone PDF"));
  await page.goto(`/zelfscans/${scanId}/stap/3`);
  const before = await documentList(onderdeel(page, "3a"), "onderdeel 3a").getByRole("listitem").count();
  // Chromium sends the control characters as they are in the part's header.
  const rows = await upload(onderdeel(page, "3a"), "onderdeel 3a", [{ name: "regio\u0007visie\u001b.pdf", mimeType: "application/pdf", buffer }], {
    "regio\u0007visie\u001b.pdf": "Stuurtekens in de naam",
  });
  await expect(rows.nth(0)).toContainText(`Niet opgeslagen. ${DOCUMENT_REFUSAL_MESSAGE.naam}`);
  await page.reload();
  await expect(documentList(onderdeel(page, "3a"), "onderdeel 3a").getByRole("listitem")).toHaveCount(before);
});
