import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { createTestCertificate } from "./tests/support/smtp";
import { E2E_MAIL_DIR, E2E_SMTP_CERT_DIR, E2E_SMTP_PORT, E2E_SMTP_URL } from "./tests/e2e/support/mail-server";

// End-to-end tests run against a production build (`next build` first) on its own embedded
// database, in Debian's Chromium: no browser download is ever needed.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The app sends its e-mail to a real SMTP server on loopback (STARTTLS with this certificate,
// which the app trusts through NODE_EXTRA_CA_CERTS, and authentication).
const smtpCertificate = createTestCertificate(E2E_SMTP_CERT_DIR);

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
  webServer: [
    {
      command: `npx tsx tests/support/smtp-server.ts --port ${E2E_SMTP_PORT} --dir ${E2E_MAIL_DIR} --cert-dir ${E2E_SMTP_CERT_DIR}`,
      port: E2E_SMTP_PORT,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // A fresh embedded database with demo data for every run, served as in production (npm start).
      command: `rm -rf tmp/e2e-data-${port} && node server.mjs --hostname 127.0.0.1 --port ${port}`,
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        DATA_DIR: `tmp/e2e-data-${port}`,
        APP_ENV: "demo",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: baseURL,
        SMTP_URL: E2E_SMTP_URL,
        SMTP_FROM: "Zelfscan Werken aan Veiligheid <zelfscan@zelfscan.example>",
        NODE_EXTRA_CA_CERTS: path.resolve(smtpCertificate.certFile),
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
