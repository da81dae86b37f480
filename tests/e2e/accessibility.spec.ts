// The accessibility sweep: as each role, every page reachable by links from the start page is
// visited and checked with axe (WCAG 2.1 A and AA) and at 320 px for horizontal scrolling. Pages of
// one kind (the same route with another id) are checked once; forms' error and conflict states are
// checked in the specs of their features.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/axe";
import { loginAsBeheerder } from "./support/beheerder";
import { login } from "./support/login";

const MAX_PAGES = 80;

/** The route a path belongs to: generated ids become ":id", so each kind of page is visited once. */
function routeOf(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (/^c[a-z0-9]{20,}$/.test(segment) || /^[A-Za-z0-9_-]{40,}$/.test(segment) ? ":id" : segment))
    .join("/");
}

function worthVisiting(url: URL, origin: string): boolean {
  return (
    url.origin === origin &&
    !url.pathname.startsWith("/api/") &&
    !url.pathname.startsWith("/_next/") &&
    !/\.(csv|json|pdf|xlsx)$/.test(url.pathname) &&
    !url.pathname.startsWith("/account/link/")
  );
}

async function sweep(page: Page, start: string): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const queue = [new URL(start, origin)];
  const seen = new Set<string>();
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const url = queue.shift()!;
    const route = routeOf(url.pathname);
    if (seen.has(route)) continue;
    seen.add(route);
    const response = await page.goto(url.pathname);
    expect(response!.status(), url.pathname).toBeLessThan(400);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    visited.push(route);
    test.info().annotations.push({ type: "bezocht", description: route });
    const hrefs = await page.locator("a[href]:not([download])").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const next = new URL(href);
      if (worthVisiting(next, origin) && !seen.has(routeOf(next.pathname))) queue.push(next);
    }
  }
  return visited;
}

test("anonymous visitor: every public page passes axe and reads at 320 px", async ({ page }) => {
  await page.goto("/");
  const visited = await sweep(page, "/");
  expect(visited).toEqual(expect.arrayContaining(["/", "/login", "/kwaliteitskader", "/toegankelijkheid"]));
  // The not-found page, as an unknown address shows it.
  const missing = await page.goto("/bestaat-niet");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Niet gevonden" })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const [role, email, mustSee] of [
  ["beleidsmedewerker van Delft", "beleid@delft.example", ["/gemeenten/delft", "/gemeenten/delft/documenten", "/zelfscans/:id"]],
  ["projectleider van Haaglanden", "projectleider@haaglanden.example", ["/regios/haaglanden", "/zelfscans/:id"]],
  ["landelijk programmateam", "landelijk@zelfscan.example", ["/landelijk"]],
] as const) {
  test(`${role}: every page reachable from the start page passes axe and reads at 320 px`, async ({ page }) => {
    test.setTimeout(240_000);
    await login(page, email);
    const visited = await sweep(page, "/");
    expect(visited).toEqual(expect.arrayContaining([...mustSee]));
  });
}

test("beheerder: every beheer page reachable from the start page passes axe and reads at 320 px", async ({ page }) => {
  test.setTimeout(240_000);
  await loginAsBeheerder(page);
  const visited = await sweep(page, "/beheer");
  expect(visited).toEqual(expect.arrayContaining(["/beheer", "/beheer/gebruikers", "/beheer/audit", "/beheer/kaderversies", "/account/tweestapsverificatie"]));
});
