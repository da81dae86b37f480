import { describe, expect, it } from "vitest";
import { databaseConfig, shouldSeedDemoData } from "@/lib/db/config";
import { ConfigurationError, parseEnv } from "./env";

describe("configuration", () => {
  it("defaults to the embedded database in demo mode, with demo data", () => {
    const settings = parseEnv({});
    expect(settings.APP_ENV).toBe("demo");
    expect(databaseConfig(settings)).toEqual({ kind: "embedded", dataDir: expect.stringMatching(/data\/pglite$/) });
    expect(shouldSeedDemoData(settings)).toBe(true);
  });

  it("treats a PostgreSQL deployment as production without demo data unless asked", () => {
    const settings = parseEnv({ DATABASE_URL: "postgresql://app:geheim@db:5432/zelfscan" });
    expect(settings.APP_ENV).toBe("production");
    expect(databaseConfig(settings)).toEqual({ kind: "postgresql", url: "postgresql://app:geheim@db:5432/zelfscan" });
    expect(shouldSeedDemoData(settings)).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ DATABASE_URL: "postgres://db/z", SEED_DEMO_DATA: "true" }))).toBe(true);
  });

  it("never seeds an embedded production deployment unless asked", () => {
    expect(shouldSeedDemoData(parseEnv({ APP_ENV: "production" }))).toBe(false);
    expect(shouldSeedDemoData(parseEnv({ APP_ENV: "production", SEED_DEMO_DATA: "ja" }))).toBe(true);
  });

  it("refuses wrong settings with a clear Dutch message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/zelfscan" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/zelfscan" })).toThrow(/DATABASE_URL: moet een PostgreSQL-adres zijn/);
    expect(() => parseEnv({ APP_ENV: "staging" })).toThrow(/APP_ENV/);
    expect(() => parseEnv({ SEED_DEMO_DATA: "misschien" })).toThrow(/SEED_DEMO_DATA/);
  });
});
