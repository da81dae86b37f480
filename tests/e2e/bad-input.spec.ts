// Hostile and malformed input against every route handler a browser can reach: always a clear
// 4xx with a Dutch message, never a 500 or a stack trace, and nothing stored. Text with markup is
// stored as text and shown as text, in the page and in the PDF.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { login, scanIdOf } from "./support/login";

const MARKUP = `<img src=x onerror="window.__xss=1"><b>vet</b> '; DROP TABLE "Answer"; -- Zoë`;

type Answer = { item: string; versie: number; toelichting: string };

async function exported(request: APIRequestContext, scanId: string): Promise<Answer[]> {
  const response = await request.get(`/zelfscans/${scanId}/antwoorden.json`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { antwoorden: Answer[] }).antwoorden;
}

async function expectClearRefusal(response: APIResponse, label: string) {
  const status = response.status();
  expect(status, label).toBeGreaterThanOrEqual(400);
  expect(status, label).toBeLessThan(500);
  const text = await response.text();
  expect(text, label).not.toMatch(/\n\s+at |Error:|prisma|Invalid `|stack/i);
  const body = JSON.parse(text) as { fout?: string; message?: string };
  expect(body.fout ?? body.message, label).toMatch(/[a-z]/);
}

const validAnswer = { score: 1, weetIkNiet: false, toelichting: "Geldig", vastgelegdIn: [], vastgelegdAnders: "", evidence: [], doelniveau: 3 };

test("every route handler refuses malformed, oversized, wrongly typed and hostile input with a clear 4xx and stores nothing", async ({ page }) => {
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  const leidenOfficerScan = "c".repeat(25); // an id of no scan at all
  const before = await exported(page.request, scanId);
  const item = before[0]!;
  const origin = new URL(page.url()).origin;
  const put = (path: string, data: string | object, headers: Record<string, string> = {}) =>
    page.request.put(path, {
      data: typeof data === "string" ? data : JSON.stringify(data),
      headers: { "content-type": "application/json", origin, ...headers },
    });
  const answerPath = `/api/zelfscans/${scanId}/antwoorden/${item.item}`;

  const answerCases: [string, string | object][] = [
    ["geen JSON", "{score: 3"],
    ["lege body", ""],
    ["JSON-lijst", [1, 2, 3]],
    ["null", "null"],
    ["score 7", { baseVersion: item.versie, answer: { ...validAnswer, score: 7 } }],
    ["score als tekst", { baseVersion: item.versie, answer: { ...validAnswer, score: "3" } }],
    ["score 1,5", { baseVersion: item.versie, answer: { ...validAnswer, score: 1.5 } }],
    ["negatieve versie", { baseVersion: -1, answer: validAnswer }],
    ["versie als tekst", { baseVersion: "1 OR 1=1", answer: validAnswer }],
    ["ontbrekende toelichting", { baseVersion: item.versie, answer: { ...validAnswer, toelichting: "" } }],
    ["te lange toelichting", { baseVersion: item.versie, answer: { ...validAnswer, toelichting: "x".repeat(4001) } }],
    ["NUL-teken", { baseVersion: item.versie, answer: { ...validAnswer, toelichting: "a\u0000b" } }],
    ["stuurteken", { baseVersion: item.versie, answer: { ...validAnswer, toelichting: "a\u0007b" } }],
    ["javascript-link", { baseVersion: item.versie, answer: { ...validAnswer, evidence: [{ title: "x", url: "javascript:alert(1)" }] } }],
    ["onbekende plaats", { baseVersion: item.versie, answer: { ...validAnswer, vastgelegdIn: ["<script>"] } }],
    ["extra veld (massatoewijzing)", { baseVersion: item.versie, answer: validAnswer, zelfscanId: "x", lastEditedById: "y", version: 99 }],
    ["extra veld in antwoord", { baseVersion: item.versie, answer: { ...validAnswer, carriedOver: true } }],
    ["verouderde versie", { baseVersion: Math.max(0, item.versie - 1), answer: validAnswer }],
  ];
  for (const [label, data] of answerCases) await expectClearRefusal(await put(answerPath, data), label);
  await expectClearRefusal(
    await put(answerPath, { baseVersion: item.versie, answer: { ...validAnswer, toelichting: "x".repeat(300_000) } }),
    "te groot verzoek",
  );

  for (const [label, path] of [
    ["onbekend onderdeel", `/api/zelfscans/${scanId}/antwoorden/99z`],
    ["onderdeel met opmaak", `/api/zelfscans/${scanId}/antwoorden/${encodeURIComponent("<script>")}`],
    ["pad-truc", `/api/zelfscans/${scanId}/antwoorden/..%2F..%2Fetc`],
    ["onbekende zelfscan", `/api/zelfscans/${leidenOfficerScan}/antwoorden/3a`],
    ["SQL in id", `/api/zelfscans/${encodeURIComponent("' OR '1'='1")}/antwoorden/3a`],
    ["NUL in id", `/api/zelfscans/%00/antwoorden/3a`],
    ["NUL in onderdeel", `/api/zelfscans/${scanId}/antwoorden/3a%00`],
    ["regeleinde in stap", `/api/zelfscans/${scanId}/stappen/3%0A`],
  ] as const) {
    await expectClearRefusal(await put(path, { baseVersion: 0, answer: validAnswer }), label);
  }

  const stepCases: [string, string, string | object][] = [
    ["stap geen getal", `/api/zelfscans/${scanId}/stappen/abc`, { answers: {} }],
    ["stap 99", `/api/zelfscans/${scanId}/stappen/99`, { answers: { "3a": { baseVersion: 0, answer: validAnswer } } }],
    ["antwoorden als lijst", `/api/zelfscans/${scanId}/stappen/3`, { answers: [] }],
    ["onderdeel van een andere stap", `/api/zelfscans/${scanId}/stappen/3`, { answers: { "6a": { baseVersion: 0, answer: validAnswer } } }],
    ["lege stap", `/api/zelfscans/${scanId}/stappen/3`, { answers: {} }],
  ];
  for (const [label, path, data] of stepCases) await expectClearRefusal(await put(path, data), label);

  // Another website cannot save, even with the user's cookie.
  await expectClearRefusal(
    await put(answerPath, { baseVersion: item.versie, answer: validAnswer }, { origin: "https://kwaadwillend.example" }),
    "vreemde herkomst",
  );
  await expectClearRefusal(await page.request.post("/api/sessie", { headers: { origin: "https://kwaadwillend.example" } }), "sessie vreemde herkomst");

  // Exports and pages with hostile ids: 404, never 500.
  for (const path of [
    `/zelfscans/${encodeURIComponent("<script>")}/antwoorden.csv`,
    `/zelfscans/${"x".repeat(5000)}/antwoorden.json`,
    "/zelfscans/%00/verbeterplan.pdf",
  ]) {
    const response = await page.request.get(path);
    expect([400, 404], path).toContain(response.status());
  }
  for (const path of [`/zelfscans/${encodeURIComponent("' OR 1=1 --")}`, "/gemeenten/%3Cscript%3E", `/regios/${"a".repeat(3000)}`]) {
    const response = await page.goto(path);
    expect([400, 404], path).toContain(response!.status());
  }

  expect(await exported(page.request, scanId)).toEqual(before);
});

test("text with markup is stored as text and shown as text on the page and in the PDF", async ({ page }) => {
  await login(page, "beleid@delft.example");
  const scanId = await scanIdOf(page, "delft", "Herhaalmeting 2026");
  const item = (await exported(page.request, scanId)).find((answer) => answer.toelichting)!;
  const origin = new URL(page.url()).origin;
  const saved = await page.request.put(`/api/zelfscans/${scanId}/antwoorden/${item.item}`, {
    data: { baseVersion: item.versie, answer: { ...validAnswer, score: 0, toelichting: MARKUP } },
    headers: { origin },
  });
  expect(saved.status()).toBe(200);

  await page.goto(`/zelfscans/${scanId}`);
  await expect(page.getByText("'; DROP TABLE", { exact: false })).toBeVisible();
  expect(await page.locator("main b", { hasText: "vet" }).count()).toBe(0);
  expect(await page.locator('main img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  const pdf = await page.request.get(`/zelfscans/${scanId}/verbeterplan.pdf`);
  expect(pdf.status()).toBe(200);
  const file = test.info().outputPath("verbeterplan.pdf");
  writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text.replace(/\s+/g, " ")).toContain(`<b>vet</b>`);
});
