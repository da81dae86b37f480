import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build (`next build` first) on its own embedded
// database, in Debian's Chromium: no browser download is ever needed.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "tmp/test-reports/e2e.json" }]],
  use: {
    baseURL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
  },
  projects: [
    // The beheerder's first login on the fresh database must be the one that sets up the second
    // factor, so that spec runs before all others (the others log the beheerder in with a code).
    { name: "tweede-factor", testMatch: /auth-second-factor\.spec\.ts/, use: browser },
    { name: "chromium", testIgnore: /auth-second-factor\.spec\.ts/, dependencies: ["tweede-factor"], use: browser },
  ],
  webServer: {
    // A fresh embedded database with demo data for every run, served as in production (npm start).
    command: `rm -rf tmp/e2e-data-${port} && node server.mjs --hostname 127.0.0.1 --port ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { DATA_DIR: `tmp/e2e-data-${port}`, APP_ENV: "demo", NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
