// Front-end budget: what a browser transfers to show the main pages, measured in Debian's Chromium
// against the production build with demo data. JavaScript is counted gzip-compressed (level 6, what
// a reverse proxy sends), per page on a first visit with an empty cache. Target: the scan wizard
// under 150 kB of JavaScript; LimeSurvey's first question page transfers 380 kB of HTML, CSS and JS.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { chromiumPath } from "@/lib/pdf/browser";
import { hasProductionBuild, startServer, stopServer } from "./server";
import type { BenchResult } from "./stats";

const PORT = Number(process.env.FRONTEND_PORT ?? 3391);
const BASE = `http://127.0.0.1:${PORT}`;

async function login(page: Page, email: string) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("Zelfscan-Demo-2026");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * What a first visit needs, gzip-compressed: the scripts and stylesheets the page's HTML names
 * (Next.js's "first load JS"; routes it prefetches later for links are not counted), and the HTML.
 */
async function measure(page: Page, url: string): Promise<{ js: number; total: number }> {
  const response = await page.request.get(url);
  const html = await response.text();
  const gz = (body: Buffer | string) => gzipSync(body, { level: 6 }).length;
  // Polyfills for old browsers (nomodule) are never loaded by the browsers the app supports.
  const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/nomodule/i.test(tag));
  const scripts = [...new Set(scriptTags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []))];
  const styles = [...new Set([...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]!))];
  const size = async (href: string) => gz(await (await page.request.get(new URL(href, url).toString())).body());
  const js = (await Promise.all(scripts.map(size))).reduce((sum, bytes) => sum + bytes, 0);
  const css = (await Promise.all(styles.map(size))).reduce((sum, bytes) => sum + bytes, 0);
  return { js, total: js + css + gz(html) };
}

async function sizes(name: string, page: Page, url: string, target?: string): Promise<BenchResult[]> {
  const { js, total } = await measure(page, url);
  return [
    { name: `${name}: JavaScript (gzip)`, value: js / 1024, unit: "kB", ...(target ? { target } : {}) },
    { name: `${name}: HTML + CSS + JavaScript (gzip)`, value: total / 1024, unit: "kB" },
  ];
}

async function scanHref(page: Page, gemeente: string, meetronde: string): Promise<string> {
  await page.goto(`${BASE}/gemeenten/${gemeente}`);
  return (await page.getByRole("link", { name: `Zelfscan ${meetronde} bekijken` }).getAttribute("href"))!;
}

export async function benchFrontend(): Promise<BenchResult[]> {
  if (!hasProductionBuild()) {
    console.log("Geen productiebuild: voer eerst `npm run build` uit. Front-endbudget overgeslagen.");
    return [];
  }
  const dataDir = path.resolve("tmp", `bench-frontend-${Date.now()}`);
  const server = await startServer(PORT, { DATA_DIR: dataDir, APP_ENV: "demo", NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const results: BenchResult[] = [];
  try {
    const page = await browser.newPage();
    const pages: [string, string, string?][] = [];
    results.push(...(await sizes("inlogpagina", page, `${BASE}/login`)));
    await login(page, "beleid@delft.example");
    const scan = await scanHref(page, "delft", "Herhaalmeting 2026");
    pages.push(
      ["mijn overzicht (beleidsmedewerker)", `${BASE}/`],
      ["zelfscan-wizard, stap 8", `${BASE}${scan}/stap/8`, "< 150 kB"],
      ["rapport", `${BASE}${scan}/rapport`],
      ["verbeterplan", `${BASE}${scan}/verbeterplan`],
    );
    for (const [name, url, target] of pages) results.push(...(await sizes(name, page, url, target)));
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
