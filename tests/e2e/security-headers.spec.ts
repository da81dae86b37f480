import { expect, test, type APIResponse } from "@playwright/test";
import { login } from "./support/login";

function expectSecurityHeaders(response: APIResponse | null, path: string) {
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("object-src 'none'");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
}

/** Answers that are data (JSON, CSV, PDF, Excel) may load and run nothing at all. */
function expectDataHeaders(response: APIResponse, label: string) {
  const headers = response.headers();
  expect(headers["content-security-policy"], label).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["cache-control"], label).toContain("no-store");
}

test("every page and response carries the security headers, with a fresh nonce each time", async ({ page, request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  expectSecurityHeaders(first, "/");
  const nonce = (response: APIResponse) => /nonce-([^']+)/.exec(response.headers()["content-security-policy"]!)![1];
  expect(nonce(first)).not.toBe(nonce(second));
  for (const path of ["/login", "/kwaliteitskader"]) expectSecurityHeaders(await request.get(path), path);
  expectDataHeaders(await request.get("/api/health"), "/api/health");
  // Refusals and errors of the API carry them too.
  expectDataHeaders(await request.get("/api/sessie"), "401");
  expectDataHeaders(await request.put("/api/zelfscans/x/antwoorden/3a", { data: {}, headers: { origin: "https://kwaadwillend.example" } }), "403");
  expectDataHeaders(await request.put("/api/zelfscans/%00/antwoorden/3a", { data: {} }), "400");
  // Next.js's own answers under /api: a method no handler has, an address no handler serves.
  expectDataHeaders(await request.get("/api/zelfscans/x/antwoorden/3a"), "405");
  expectDataHeaders(await request.get("/api/bestaat-niet"), "404");
  expectDataHeaders(await request.get("/zelfscans/x/antwoorden.csv"), "401 export");

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await login(page, "beleid@delft.example");
  for (const path of ["/", "/gemeenten/delft"]) {
    const response = await page.goto(path);
    expectSecurityHeaders(response!.request() ? await page.request.get(path) : null, path);
    expect(response!.headers()["cache-control"], path).toContain("no-store");
  }
  const scanLink = await page.getByRole("link", { name: "Zelfscan Nulmeting 2021 bekijken" }).getAttribute("href");
  const exportResponse = await page.request.get(`${scanLink}/antwoorden.csv`);
  expect(exportResponse.status()).toBe(200);
  expectDataHeaders(exportResponse, "csv export");
  // The pages work under the policy: the logout button (client JavaScript) still works.
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByText("U bent uitgelogd.")).toBeVisible();
  expect(violations).toEqual([]);
});
