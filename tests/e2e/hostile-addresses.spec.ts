// However malformed an address (broken percent-encoding, NUL, unicode in any segment or parameter,
// repeated parameters, very long), every page, route handler and export answers with a status
// below 500 and with the security headers: anonymous, as an officer, as a project leader and as a
// beheerder. The pages and route handlers come from the app folder itself (support/app-routes.ts),
// so a route added later is walked too; dynamic segments get real demo ids and hostile values.
import { connect } from "node:net";
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { appRoutes, dynamicSegments, fillPattern } from "./support/app-routes";
import { loginAsBeheerder } from "./support/beheerder";
import { beheerIds, delftScanId, haaglandenMeetrondeIds } from "./support/demo-ids";
import { login } from "./support/login";

/** Values for a path segment, as they would appear in the address (percent-encoded where needed). */
const HOSTILE_SEGMENTS = [
  "%E0%A4%A", // a truncated UTF-8 sequence: does not decode
  "%", // a lone percent sign
  "%FF%FE", // bytes that are no UTF-8 at all
  "%C3%A9%E2%82%AC%F0%9F%91%A9%E2%80%AE", // é € 👩 and a right-to-left override, well-formed
  "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd%00%3Cscript%3E", // ../../etc/passwd, NUL, markup
  "x".repeat(4000),
];

/** Query strings: every parameter name the pages read, with hostile values, repeated, or very long. */
const PARAMETERS = [
  "terug",
  "error",
  "uitgelogd",
  "verlopen",
  "minimaal",
  "weergave",
  "sorteer",
  "richting",
  "van",
  "naar",
  "tot",
  "pagina",
  "actie",
  "email",
  "zoek",
  "gemeente",
  "rol",
  "status",
  "stap",
];
const HOSTILE_QUERIES = [
  ...["%E0%A4%A%FF", "%C3%A9%E2%82%AC%E2%80%AE%F0%9F%91%A9"].map((value) => PARAMETERS.map((name) => `${name}=${value}`).join("&")),
  PARAMETERS.map((name) => `${name}=%2F%E2%82%AC&${name}=%2F%2Fkwaadwillend.example`).join("&"),
  `terug=%2F${"%C3%A9".repeat(600)}&q=${"a".repeat(6000)}`,
];

type Role = "anoniem" | "beleidsmedewerker" | "projectleider" | "beheerder";

function expectSecurityHeaders(response: APIResponse, label: string) {
  const headers = response.headers();
  expect(headers["content-security-policy"] ?? "", `${label}: CSP`).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], `${label}: nosniff`).toBe("nosniff");
  expect(headers["x-frame-options"], `${label}: X-Frame-Options`).toBe("DENY");
  expect(headers["referrer-policy"], `${label}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
}

async function expectNoServerError(request: APIRequestContext, method: string, url: string, label: string, origin: string) {
  const response = await request.fetch(url, {
    method,
    maxRedirects: 0,
    failOnStatusCode: false,
    // Same-origin, so that the request reaches the handler instead of the cross-site refusal.
    headers: {
      origin,
      ...(method === "POST" ? { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" } : { "content-type": "application/json" }),
    },
    ...(method === "GET" || method === "HEAD" ? {} : { data: method === "POST" ? "[]" : "{}" }),
  });
  expect(response.status(), `${label}: ${await response.text().catch(() => "")}`.slice(0, 300)).toBeLessThan(500);
  expectSecurityHeaders(response, label);
}

/** A request written byte by byte, as no browser would: raw UTF-8 in the address, or one too long for the server. */
function rawRequest(port: number, target: Buffer, cookie: string): Promise<{ status: number; headers: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("end", () => {
      const [head = ""] = answer.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase() });
    });
    socket.write(
      Buffer.concat([Buffer.from("GET "), target, Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`)]),
    );
  });
}

async function signedIn(browser: Browser, baseURL: string, role: Role) {
  const context = await browser.newContext({ baseURL, locale: "nl-NL" });
  const page = await context.newPage();
  if (role === "beleidsmedewerker") await login(page, "beleid@delft.example");
  if (role === "projectleider") await login(page, "projectleider@haaglanden.example");
  if (role === "beheerder") await loginAsBeheerder(page);
  return { context, page };
}

test("every page, route handler and export answers malformed addresses with < 500 and the security headers, for every role", async ({ browser, baseURL }) => {
  test.setTimeout(900_000);
  const origin = new URL(baseURL!).origin;
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(40);

  // Real ids of the demo data, so that the hostile values also reach handlers past their lookups.
  const { context: adminContext, page: admin } = await signedIn(browser, baseURL!, "beheerder");
  const beheer = await beheerIds(admin);
  await adminContext.close();
  const { context: leaderContext, page: leader } = await signedIn(browser, baseURL!, "projectleider");
  const meetrondes = await haaglandenMeetrondeIds(leader);
  const scanId = await delftScanId(leader);
  await leaderContext.close();
  const REAL: Record<string, string> = {
    "zelfscans/[id]": scanId,
    "meetrondes/[id]": meetrondes.herhaalmeting,
    "gebruikers/[id]": beheer.user,
    "gemeenten/[id]": beheer.gemeente,
    "regios/[id]": beheer.regio,
    "gemeenten/[slug]": "delft",
    "regios/[slug]": "haaglanden",
    "antwoorden/[onderdeelId]": "3a",
    "stap/[nummer]": "1",
    "stappen/[nummer]": "1",
    "link/[token]": "a".repeat(43),
    "auth/[...nextauth]": "session",
  };
  const real = (key: string) => REAL[key] ?? "onbekend";

  for (const role of ["anoniem", "beleidsmedewerker", "projectleider", "beheerder"] as Role[]) {
    const { context, page } = role === "anoniem" ? { context: await browser.newContext({ baseURL }), page: null } : await signedIn(browser, baseURL!, role);
    const request = page?.request ?? context.request;
    let checked = 0;
    for (const route of routes) {
      const realPath = fillPattern(route.pattern, real);
      const addresses: string[] = [];
      // Each dynamic segment in turn gets each hostile value, the others their real value.
      for (const segment of dynamicSegments(route.pattern)) {
        for (const hostile of HOSTILE_SEGMENTS) addresses.push(fillPattern(route.pattern, (key, index) => (index === segment.index ? hostile : real(key))));
      }
      // Static routes: the last segment with hostile bytes glued on, and a hostile segment below it.
      if (!dynamicSegments(route.pattern).length) addresses.push(`${realPath.replace(/\/$/, "")}%E0%A4%A`, `${realPath.replace(/\/$/, "")}/%C3%A9%E0%A4%A`);
      // The real address with each hostile query (a PDF only with one, each one is really made).
      for (const query of route.pattern.endsWith(".pdf") ? HOSTILE_QUERIES.slice(0, 1) : HOSTILE_QUERIES) addresses.push(`${realPath}?${query}`);
      const requests = addresses.flatMap((address, index) =>
        route.methods.flatMap((method) => {
          // DELETE on a real address really deletes (DELETE /api/sessie logs out): hostile segments only.
          if (method === "DELETE" && address.startsWith(`${realPath}?`)) return [];
          // A page's POST is a server action with an id no build has; every third address is enough
          // for that (Next.js logs each one as an error).
          if (route.kind === "page" && method === "POST" && index % 3 !== 0) return [];
          return [{ method, address }];
        }),
      );
      // A few at a time, as several browsers would send them.
      for (let start = 0; start < requests.length; start += 4) {
        await Promise.all(
          requests
            .slice(start, start + 4)
            .map(({ method, address }) => expectNoServerError(request, method, address, `${role} ${method} ${address.slice(0, 120)}`, origin)),
        );
      }
      checked += requests.length;
    }
    expect(checked).toBeGreaterThan(300);

    // Bytes no browser sends: raw UTF-8 in the path and in the return path, and a request line
    // longer than the server accepts. The server answers them itself, with the same headers.
    const port = Number(new URL(baseURL!).port);
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const target of [
      Buffer.from("/zelfscans/é/rapport", "utf8"),
      Buffer.from("/login?terug=/€", "utf8"),
      Buffer.from(`/login?terug=${"a".repeat(20_000)}`),
    ]) {
      const answer = await rawRequest(port, target, cookie);
      const label = `${role} raw ${target.toString("utf8").slice(0, 40)}`;
      expect(answer.status, label).toBeGreaterThanOrEqual(400);
      expect(answer.status, label).toBeLessThan(500);
      expect(answer.headers, label).toContain("content-security-policy: default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers, label).toContain("x-content-type-options: nosniff");
    }
    await context.close();
  }
});

test("a signed-in visitor sent to the login page with a non-ASCII or hostile return path lands on a page of this site", async ({ page }) => {
  await login(page, "beleid@delft.example");
  for (const terug of ["/€", "/zelfscans/é", "/%E0%A4%A", "//kwaadwillend.example/", "/\\kwaadwillend.example"]) {
    const response = await page.request.get(`/login?terug=${encodeURIComponent(terug)}`, { maxRedirects: 0 });
    expect(response.status(), terug).toBeLessThan(400);
    expect(response.status(), terug).toBeGreaterThanOrEqual(300);
    const location = response.headers()["location"]!;
    expect(new URL(location, "http://zelfscan.test").origin, terug).toBe("http://zelfscan.test");
  }
  const response = await page.request.get(`/login?terug=${encodeURIComponent("/zelfscans/é")}`, { maxRedirects: 0 });
  expect(response.headers()["location"]).toBe("/zelfscans/%C3%A9");
  expect((await page.request.get("/login?error=a&error=b&terug=/&terug=/x")).status()).toBeLessThan(500);
});
