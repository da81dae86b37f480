import { describe, expect, it } from "vitest";
import { carriesMetricsToken } from "./metrics-token";

const TOKEN = "k3Y7pQ9vX2mW8rT4nB6cF1hJ5dL0sA9e";

describe("the metrics token", () => {
  it("is accepted as the bearer token, in any case of the scheme", () => {
    expect(carriesMetricsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(carriesMetricsToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(carriesMetricsToken(`Bearer  ${TOKEN} `, TOKEN)).toBe(true);
  });

  it("is refused when missing, another, a prefix or an extension of it, or in another scheme", () => {
    expect(carriesMetricsToken(null, TOKEN)).toBe(false);
    expect(carriesMetricsToken("", TOKEN)).toBe(false);
    expect(carriesMetricsToken("Bearer ", TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Bearer ${TOKEN.toUpperCase()}`, TOKEN)).toBe(false);
    expect(carriesMetricsToken(TOKEN, TOKEN)).toBe(false);
    expect(carriesMetricsToken(`Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`, TOKEN)).toBe(false);
  });
});
