import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

const post = (headers: Record<string, string>) => new Request("http://zelfscan.test/api/x", { method: "POST", headers });

describe("same-origin check for state-changing requests", () => {
  it("accepts the application's own origin", () => {
    expect(isSameOrigin(post({ host: "zelfscan.test", origin: "http://zelfscan.test" }))).toBe(true);
  });
  it("refuses a foreign origin and the opaque origin null", () => {
    expect(isSameOrigin(post({ host: "zelfscan.test", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(post({ host: "zelfscan.test", origin: "null" }))).toBe(false);
  });
  it("refuses a cross-site request without Origin, accepts a script without browser headers", () => {
    expect(isSameOrigin(post({ host: "zelfscan.test", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOrigin(post({ host: "zelfscan.test" }))).toBe(true);
  });
});
