// Ids of demo records, found as a user finds them: through the links of the pages.
import type { Page } from "@playwright/test";
import { scanIdOf } from "./login";

async function idFromLink(page: Page, url: string, hrefPattern: RegExp): Promise<string> {
  await page.goto(url);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    const match = hrefPattern.exec(href);
    if (match) return match[1]!;
  }
  throw new Error(`Geen link ${hrefPattern} op ${url}`);
}

/** The Haaglanden round ids (as the project leader of Haaglanden or a beheerder). */
export async function haaglandenMeetrondeIds(page: Page): Promise<{ nulmeting: string; herhaalmeting: string }> {
  await page.goto("/regios/haaglanden/meetrondes");
  const id = async (name: string) => {
    const href = await page.getByRole("link", { name: `Heatmap ${name}`, exact: true }).getAttribute("href");
    return /meetrondes\/([^/]+)\/heatmap/.exec(href ?? "")![1]!;
  };
  return { nulmeting: await id("Nulmeting 2021"), herhaalmeting: await id("Herhaalmeting 2026") };
}

export const delftScanId = (page: Page, meetronde = "Herhaalmeting 2026") => scanIdOf(page, "delft", meetronde);

/** Ids only a beheerder reaches: a user, a gemeente and a regio. */
export async function beheerIds(page: Page): Promise<{ user: string; gemeente: string; regio: string }> {
  return {
    user: await idFromLink(page, "/beheer/gebruikers", /^\/beheer\/gebruikers\/(?!nieuw)([^/?#]+)$/),
    gemeente: await idFromLink(page, "/beheer/gemeenten", /^\/beheer\/gemeenten\/(?!nieuw)([^/?#]+)$/),
    regio: await idFromLink(page, "/beheer/regios", /^\/beheer\/regios\/(?!nieuw)([^/?#]+)$/),
  };
}
