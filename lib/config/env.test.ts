import { describe, expect, it } from "vitest";
import { databaseConfig, shouldSeedDemoData } from "@/lib/db/config";
import { ConfigurationError, parseEnv } from "./env";

const PRODUCTION = {
  NEXTAUTH_SECRET: "x".repeat(40),
  NEXTAUTH_URL: "https://zelfscan.gemeente.example",
  SMTP_URL: "smtp://zelfscan:geheim@mail.gemeente.example:587",
  SMTP_FROM: "Zelfscan <zelfscan@gemeente.example>",
};

describe("configuration", () => {
  it("defaults to the embedded database in demo mode, with demo data", () => {
    const settings = parseEnv({});
    expect(settings.APP_ENV).toBe("demo");
    expect(databaseConfig(settings)).toEqual({ kind: "embedded", dataDir: expect.stringMatching(/data\/pglite$/) });
    expect(shouldSeedDemoData(settings)).toBe(true);
  });

  it("treats a PostgreSQL deployment as production without demo data unless asked", () => {
    const settings = parseEnv({ ...PRODUCTION, DATABASE_URL: "postgresql://app:geheim@db:5432/zelfscan" });
    expect(settings.APP_ENV).toBe("production");
    expect(databaseConfig(settings)).toEqual({ kind: "postgresql", url: "postgresql://app:geheim@db:5432/zelfscan" });
    expect(shouldSeedDemoData(settings)).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ ...PRODUCTION, DATABASE_URL: "postgres://db/z", SEED_DEMO_DATA: "true" }))).toBe(true);
  });

  it("never seeds an embedded production deployment unless asked", () => {
    expect(shouldSeedDemoData(parseEnv({ ...PRODUCTION, APP_ENV: "production" }))).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ ...PRODUCTION, APP_ENV: "production", SEED_DEMO_DATA: "ja" }))).toBe(true);
  });

  it("reads TRUST_PROXY as the number of proxies in front of the app, true being 1", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: moet false of het aantal reverse proxy's voor de app zijn/);
    expect(() => parseEnv({ TRUST_PROXY: "12" })).toThrow(ConfigurationError);
  });

  it("reads the shutdown's drain and limit in milliseconds, the limit above the drain", () => {
    expect(parseEnv({})).toMatchObject({ SHUTDOWN_DRAIN_MS: 5_000, SHUTDOWN_TIMEOUT_MS: 25_000 });
    expect(parseEnv({ SHUTDOWN_DRAIN_MS: " 0 ", SHUTDOWN_TIMEOUT_MS: "" })).toMatchObject({ SHUTDOWN_DRAIN_MS: 0, SHUTDOWN_TIMEOUT_MS: 25_000 });
    expect(() => parseEnv({ SHUTDOWN_DRAIN_MS: "5s" })).toThrow(/SHUTDOWN_DRAIN_MS: moet een aantal milliseconden zijn/);
    expect(() => parseEnv({ SHUTDOWN_TIMEOUT_MS: "900000" })).toThrow(/SHUTDOWN_TIMEOUT_MS: moet een aantal milliseconden zijn/);
    expect(() => parseEnv({ SHUTDOWN_DRAIN_MS: "30000" })).toThrow(/SHUTDOWN_TIMEOUT_MS: moet minstens 5000 groter zijn dan SHUTDOWN_DRAIN_MS/);
    expect(() => parseEnv({ SHUTDOWN_DRAIN_MS: "20001" })).toThrow(/SHUTDOWN_TIMEOUT_MS: moet minstens 5000 groter zijn dan SHUTDOWN_DRAIN_MS/);
    expect(parseEnv({ SHUTDOWN_DRAIN_MS: "20000" })).toMatchObject({ SHUTDOWN_DRAIN_MS: 20_000, SHUTDOWN_TIMEOUT_MS: 25_000 });
  });

  it("refuses wrong settings with a clear Dutch message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/zelfscan" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/zelfscan" })).toThrow(/DATABASE_URL: moet een PostgreSQL-adres zijn/);
    expect(() => parseEnv({ APP_ENV: "staging" })).toThrow(/APP_ENV/);
    expect(() => parseEnv({ SEED_DEMO_DATA: "misschien" })).toThrow(/SEED_DEMO_DATA/);
  });

  it("requires a mail server in production and a sender with it, and refuses what is not an SMTP address", () => {
    expect(() => parseEnv({ ...PRODUCTION, APP_ENV: "production", SMTP_URL: undefined })).toThrow(/SMTP_URL: is verplicht in productie/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example:25" })).toThrow(/SMTP_FROM: is verplicht met SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: "https://mail.example", SMTP_FROM: "a@b.example" })).toThrow(/SMTP_URL: moet een SMTP-adres zijn/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example", SMTP_FROM: "geen adres" })).toThrow(/SMTP_FROM: moet een afzenderadres zijn/);
    expect(parseEnv({ SMTP_URL: "smtps://u:p@mail.example:465", SMTP_FROM: "Zelfscan <zelfscan@gemeente.example>" }).SMTP_URL).toBe(
      "smtps://u:p@mail.example:465",
    );
    // A demo without a mail server keeps its messages in the mailbox inside the app.
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
  });

  it("requires the application secret and public address in production", () => {
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: is verplicht in productie/);
    expect(() => parseEnv({ APP_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40) })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "te kort" })).toThrow(/NEXTAUTH_SECRET: moet minstens 32 tekens/);
  });

  it("refuses the former OIDC_* settings: identity providers are configured in the application", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://login.example/tenant/v2.0" })).toThrow(/OIDC_ISSUER: wordt niet meer gebruikt/);
    expect(() => parseEnv({ OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "s" })).toThrow(/OIDC_CLIENT_SECRET: wordt niet meer gebruikt/);
  });
});
