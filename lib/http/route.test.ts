import { describe, expect, it, vi } from "vitest";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runWithRequestId } from "@/lib/observability/request-context.mjs";
import { route } from "./route";
import { dataHeaders } from "./security-headers";

const ORIGIN = "http://zelfscan.test";
const request = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(`${ORIGIN}${path}`, { ...init, headers: { host: "zelfscan.test", ...init.headers } });

function expectDataHeaders(response: Response) {
  expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
}

describe("route(): what every route handler gets", () => {
  it("refuses an address with control characters before the handler runs", async () => {
    const handler = vi.fn(async () => Response.json({ ok: true }));
    for (const path of ["/api/zelfscans/%00/antwoorden/3a", "/zelfscans/abc%0A/antwoorden.csv", "/api/x?q=%7f"]) {
      const response = await route("test", handler)(request(path, { method: "GET" }), {});
      expect(response.status, path).toBe(400);
      expect(await response.json()).toEqual({ fout: "Het adres bevat ongeldige tekens." });
      expectDataHeaders(response);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a state-changing request from another website, also with the opaque origin null", async () => {
    const handler = vi.fn(async () => Response.json({ ok: true }));
    for (const origin of ["https://kwaadwillend.example", "null"]) {
      for (const method of ["POST", "PUT", "DELETE"]) {
        const response = await route("test", handler)(request("/api/x", { method, headers: { origin } }), {});
        expect(response.status).toBe(403);
        expect(await response.json()).toEqual({ fout: "Verzoek van een andere website geweigerd." });
      }
    }
    expect(handler).not.toHaveBeenCalled();
    expect((await route("test", handler)(request("/api/x", { method: "PUT", headers: { origin: ORIGIN } }), {})).status).toBe(200);
    expect((await route("test", handler)(request("/api/x", { method: "GET", headers: { origin: "https://kwaadwillend.example" } }), {})).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("adds the security headers and no-store to the handler's answer and keeps the rest", async () => {
    const body = JSON.stringify({ toelichting: "één café 👍" });
    const handler = async () =>
      new Response(body, {
        status: 409,
        headers: [
          ["content-type", "application/json"],
          ["set-cookie", "a=1"],
          ["set-cookie", "b=2"],
        ],
      });
    const response = await route("test", handler)(request("/api/x", { method: "GET" }), {});
    expect(response.status).toBe(409);
    expectDataHeaders(response);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.text()).toBe(body);
  });

  it("keeps a handler's own caching rule and answers a redirect without a body", async () => {
    const cached = await route("test", async () => new Response("x", { headers: { "cache-control": "private, max-age=60" } }))(request("/x.csv"), {});
    expect(cached.headers.get("cache-control")).toBe("private, max-age=60");
    const redirect = await route("test", async () => Response.redirect(`${ORIGIN}/login`, 302))(request("/api/auth/signin"), {});
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(`${ORIGIN}/login`);
    expectDataHeaders(redirect);
  });

  it("turns an unexpected error into a Dutch 500 without details, and an unreachable database into a 503 to retry", async () => {
    const failing = await route("test", async () => {
      throw new Error('Invalid `prisma.answer.update()` invocation:\n{ toelichting: "vertrouwelijk" }');
    })(request("/api/x"), {});
    expect(failing.status).toBe(500);
    const text = await failing.text();
    expect(text).toContain("Er ging iets mis aan onze kant");
    expect(text).not.toMatch(/prisma|vertrouwelijk|Error/);
    expectDataHeaders(failing);

    const unavailable = await route("test", async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    })(request("/api/x"), {});
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    expect(((await unavailable.json()) as { fout: string }).fout).toMatch(/database is even niet bereikbaar/);
  });

  it("names the request's id in an error answer and in its log line, so that a report can be found in the log", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = await runWithRequestId("verzoek-route-0001", () =>
      route("test", async () => {
        throw new Error("kapot");
      })(request("/api/x"), {}),
    );
    expect(await failing.json()).toMatchObject({ status: "error", requestId: "verzoek-route-0001" });
    expect(JSON.parse(errors.mock.calls.at(-1)![0] as string)).toMatchObject({ event: "request.fout", where: "test", requestId: "verzoek-route-0001" });
    errors.mockRestore();
  });
});

describe("Next.js's own answers under /api", () => {
  it("carry the same headers as the route handlers' answers", async () => {
    type Rules = { source: string; headers: { key: string; value: string }[] }[];
    const config = (await import(pathToFileURL(path.resolve("next.config.mjs")).href)).default as { headers(): Promise<Rules> };
    const expected = Object.entries({ ...dataHeaders(false), "Cache-Control": "no-store" }).map(([key, value]) => ({ key, value }));
    expect(await config.headers()).toEqual([{ source: "/api/:path*", headers: expected }]);
  });
});
