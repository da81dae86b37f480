import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { metricsResponse } from "./metrics-endpoint";

const TOKEN = "k3Y7pQ9vX2mW8rT4nB6cF1hJ5dL0sA9e";
const request = (headers: Record<string, string> = {}) => new Request("http://127.0.0.1/api/metrics", { headers });

afterEach(() => vi.restoreAllMocks());

describe("GET /api/metrics", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    const response = await metricsResponse(request({ authorization: `Bearer ${TOKEN}` }), undefined);
    expect(response.status).toBe(404);
  });

  it("refuses a request without the token or with another one: 401 with WWW-Authenticate, logged without the token", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN.replace("k", "K")}` }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of attempts) {
      const response = await metricsResponse(request(headers), TOKEN);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
      expect(await response.text()).not.toContain("zelfscan_");
    }
    const refusals = lines.map((line) => JSON.parse(line) as { event: string; reden: string });
    expect(refusals.map((entry) => [entry.event, entry.reden])).toEqual([
      ["metrics.geweigerd", "geen-token"],
      ["metrics.geweigerd", "onjuist-token"],
      ["metrics.geweigerd", "onjuist-token"],
    ]);
    expect(lines.join("\n")).not.toContain(TOKEN.slice(1));
  });
});

describe("METRICS_TOKEN", () => {
  it("must be at least 32 characters; empty means not set", () => {
    expect(() => parseEnv({ METRICS_TOKEN: "te-kort" })).toThrow(/METRICS_TOKEN: moet minstens 32 tekens lang zijn/);
    expect(parseEnv({ METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
  });
});
