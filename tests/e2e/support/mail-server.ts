// Where the end-to-end run's SMTP server listens and writes, shared by playwright.config.ts and the specs.
const appPort = Number(process.env.E2E_PORT ?? 3100);

export const E2E_SMTP_PORT = appPort + 1000;
export const E2E_MAIL_DIR = `tmp/e2e-mail-${appPort}`;
export const E2E_SMTP_CERT_DIR = `tmp/e2e-smtp-cert-${appPort}`;
export const E2E_SMTP_URL = `smtp://zelfscan:smtp-test-wachtwoord@127.0.0.1:${E2E_SMTP_PORT}`;
