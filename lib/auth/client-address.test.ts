import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client address the application stores", () => {
  it("is the one address server.mjs put in X-Forwarded-For, canonical", () => {
    expect(clientAddress({ "x-forwarded-for": "192.0.2.1" })).toBe("192.0.2.1");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "2001:DB8::1" })).toBe("2001:db8::1");
  });
  it("is null for a list, a name, or anything that did not come through server.mjs", () => {
    for (const value of [undefined, "", "unknown", "203.0.113.9, 127.0.0.1", "evil.example", ["192.0.2.1", "192.0.2.2"], "=cmd|x"]) {
      expect(clientAddress({ "x-forwarded-for": value }), String(value)).toBeNull();
    }
  });
});
