// Addresses come from the connection, against the production server as npm start runs it
// (server.mjs, TRUST_PROXY unset): a forged X-Forwarded-For neither escapes the per-address login
// limit nor appears in the audit log, and a forged X-Forwarded-Host does not pass the origin check.
// The failed logins come from their own loopback address (127.0.0.2), so that the address they
// block is not the one every other test logs in from.
import { request as httpRequest } from "node:http";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { loginAsBeheerder } from "./support/beheerder";
import { DEMO_PASSWORD, login } from "./support/login";

// lib/auth/rate-limit.ts LOGIN_THROTTLE.address.freeFailures: failed logins per address before it
// slows down. The first attempt beyond them is still checked (it takes the address's one slot);
// the one after it waits.
const ADDRESS_LIMIT = 20;
const CHECKED_ATTEMPTS = ADDRESS_LIMIT + 1;
const CLIENT = "127.0.0.2";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** An HTTP request from a chosen local address, with any headers: what a script can send. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

const cookieHeader = (answer: Answer) => ((answer.headers["set-cookie"] as string[] | undefined) ?? []).map((cookie) => cookie.split(";")[0]).join("; ");

/** One password login through next-auth's credentials endpoint, from CLIENT, with a forged X-Forwarded-For. */
async function passwordLogin(baseURL: string, email: string, password: string, forwardedFor: string): Promise<string> {
  const csrf = await send(`${baseURL}/api/auth/csrf`, { localAddress: CLIENT });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await send(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress: CLIENT,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: baseURL,
      cookie: cookieHeader(csrf),
      "x-forwarded-for": forwardedFor,
      "x-real-ip": forwardedFor,
    },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
  });
  return (JSON.parse(answer.body) as { url: string }).url;
}

test("a forged X-Forwarded-For does not escape the per-address login limit and never reaches the audit log", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  // Every attempt names another (unknown) account, so that only the per-address limit can apply,
  // and claims another client address.
  for (let i = 0; i < CHECKED_ATTEMPTS; i++) {
    const url = await passwordLogin(baseURL!, `onbekend-${run}-${i}@example.org`, "Fout-wachtwoord-123", `198.51.100.${i + 1}, 203.0.113.${i + 1}`);
    expect(url, `poging ${i + 1}`).toContain("error=invalid");
  }
  // The next attempt, even with the right password of a real account and yet another forged address, is refused.
  const blocked = await passwordLogin(baseURL!, "beleid@rijswijk.example", DEMO_PASSWORD, "192.0.2.250");
  expect(blocked).toMatch(/error=rate-limited%3A\d+%3Aadres|error=rate-limited:\d+:adres/);

  await loginAsBeheerder(page);
  const csv = await page.request.get("/beheer/audit.csv?actie=auth.inloggen-mislukt");
  expect(csv.status()).toBe(200);
  const rows = parse(await csv.text(), { bom: true, delimiter: ";", relax_column_count: true }) as string[][];
  const ipColumn = rows[0]!.indexOf("IP-adres");
  const ours = rows.filter((row) => row.some((cell) => cell.includes(`onbekend-${run}-`)));
  expect(ours).toHaveLength(CHECKED_ATTEMPTS);
  for (const row of ours) expect(row[ipColumn]).toBe(CLIENT);
  const text = await csv.text();
  expect(text).not.toContain("198.51.100.");
  expect(text).not.toContain("203.0.113.");
  const blockedCsv = await (await page.request.get("/beheer/audit.csv?actie=auth.inloggen-vertraagd")).text();
  expect(blockedCsv).toContain(CLIENT);
  expect(blockedCsv).not.toContain("192.0.2.250");
});

test("a forged X-Forwarded-Host does not pass the origin check of pages, server actions or route handlers", async ({ page, baseURL }) => {
  await login(page, "beleid@delft.example");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const evil = "https://kwaadwillend.example";
  const forged = { origin: evil, "x-forwarded-host": "kwaadwillend.example", "x-forwarded-proto": "https", "x-forwarded-port": "443", cookie };
  // A route handler (route()), a page's server action (the proxy) and next-auth's own endpoints.
  for (const [method, path, extra] of [
    ["POST", "/api/sessie", {}],
    ["DELETE", "/api/sessie", {}],
    ["POST", "/gemeenten/delft", { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }],
    ["POST", "/api/auth/signout", { "content-type": "application/x-www-form-urlencoded" }],
  ] as const) {
    const answer = await send(`${baseURL}${path}`, { method, headers: { ...forged, ...extra }, body: method === "DELETE" ? undefined : "[]" });
    expect(answer.status, `${method} ${path}`).toBe(403);
    expect(JSON.parse(answer.body), `${method} ${path}`).toEqual({ fout: "Verzoek van een andere website geweigerd." });
  }
  // The session is still there: nothing the forged requests asked for happened.
  const session = await page.request.get("/api/sessie");
  expect(session.status()).toBe(200);
  // The application's own origin still passes.
  const own = await send(`${baseURL}/api/sessie`, { method: "POST", headers: { origin: new URL(baseURL!).origin, cookie } });
  expect(own.status).toBeLessThan(300);
});
