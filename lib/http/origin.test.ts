import { describe, expect, it } from "vitest";
import { isSameOrigin, originSettings } from "./origin";

const post = (headers: Record<string, string>) => new Request("http://zelfscan.test/api/x", { method: "POST", headers });
const DEMO = { trustProxy: false };

describe("same-origin check for state-changing requests", () => {
  it("accepts the application's own origin", () => {
    expect(isSameOrigin(post({ host: "zelfscan.test", origin: "http://zelfscan.test" }), DEMO)).toBe(true);
  });
  it("refuses a foreign origin and the opaque origin null", () => {
    expect(isSameOrigin(post({ host: "zelfscan.test", origin: "https://evil.example" }), DEMO)).toBe(false);
    expect(isSameOrigin(post({ host: "zelfscan.test", origin: "null" }), DEMO)).toBe(false);
    expect(isSameOrigin(post({ host: "zelfscan.test", origin: "not a url" }), DEMO)).toBe(false);
  });
  it("refuses a cross-site request without Origin, accepts a script without browser headers", () => {
    expect(isSameOrigin(post({ host: "zelfscan.test", "sec-fetch-site": "cross-site" }), DEMO)).toBe(false);
    expect(isSameOrigin(post({ host: "zelfscan.test" }), DEMO)).toBe(true);
  });
  it("ignores X-Forwarded-Host without a trusted proxy: a forged one does not make a foreign origin pass", () => {
    expect(isSameOrigin(post({ host: "zelfscan.test", "x-forwarded-host": "evil.example", origin: "https://evil.example" }), DEMO)).toBe(false);
    expect(isSameOrigin(post({ host: "zelfscan.test", "x-forwarded-host": "evil.example", origin: "http://zelfscan.test" }), DEMO)).toBe(true);
  });
  it("behind a trusted proxy, takes the host the proxy forwarded", () => {
    const proxied = { trustProxy: true };
    expect(isSameOrigin(post({ host: "127.0.0.1:3000", "x-forwarded-host": "zelfscan.test", origin: "https://zelfscan.test" }), proxied)).toBe(true);
    expect(isSameOrigin(post({ host: "127.0.0.1:3000", "x-forwarded-host": "zelfscan.test", origin: "https://evil.example" }), proxied)).toBe(false);
  });
  it("with NEXTAUTH_URL, compares scheme and host with it and with nothing a client sends", () => {
    const production = { publicUrl: "https://zelfscan.gemeente.example", trustProxy: true };
    expect(isSameOrigin(post({ host: "127.0.0.1:3000", origin: "https://zelfscan.gemeente.example" }), production)).toBe(true);
    expect(isSameOrigin(post({ host: "zelfscan.gemeente.example", origin: "http://zelfscan.gemeente.example" }), production)).toBe(false);
    expect(isSameOrigin(post({ host: "evil.example", "x-forwarded-host": "evil.example", origin: "https://evil.example" }), production)).toBe(false);
    expect(isSameOrigin(post({ host: "zelfscan.gemeente.example", origin: "https://zelfscan.gemeente.example:8443" }), production)).toBe(false);
  });
  it("reads its settings from the environment", () => {
    expect(originSettings({})).toEqual({ publicUrl: undefined, trustProxy: false });
    expect(originSettings({ NEXTAUTH_URL: "https://z.example", TRUST_PROXY: "true" })).toEqual({ publicUrl: "https://z.example", trustProxy: true });
    expect(originSettings({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
  });
});
