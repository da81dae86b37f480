import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { currentRequestId, newRequestId, requestIdFor, runWithRequestId } from "./request-context.mjs";

describe("the request context", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives the id inside runWithRequestId, across awaits and timers, and none outside", async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await runWithRequestId("verzoek-1234", async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const inner = await new Promise<string | undefined>((resolve) => setImmediate(() => resolve(currentRequestId())));
      return [currentRequestId(), inner];
    });
    expect(seen).toEqual(["verzoek-1234", "verzoek-1234"]);
    expect(currentRequestId()).toBeUndefined();
  });

  it("keeps two concurrent requests apart", async () => {
    const one = runWithRequestId("aaaaaaaa", async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return currentRequestId();
    });
    const two = runWithRequestId("bbbbbbbb", async () => currentRequestId());
    expect(await Promise.all([one, two])).toEqual(["aaaaaaaa", "bbbbbbbb"]);
  });

  it("makes random UUIDs", () => {
    const id = newRequestId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newRequestId()).not.toBe(id);
  });

  it("takes a well-formed X-Request-Id only from a trusted proxy", () => {
    expect(requestIdFor("haproxy-7f3a:0001.ab", 1)).toBe("haproxy-7f3a:0001.ab");
    expect(requestIdFor("haproxy-7f3a:0001.ab", 0)).not.toBe("haproxy-7f3a:0001.ab");
    for (const bad of ["kort", "x".repeat(129), "met spatie erin", 'aaaaaaaa"}', "aaaaaaaa\n{}", ["aaaaaaaa", "bbbbbbbb"], undefined]) {
      expect(requestIdFor(bad as string, 2)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("puts the id in every log line written for the request", () => {
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    runWithRequestId("verzoek-5678", () => log.info("test.regel", { a: 1 }));
    log.info("buiten.verzoek");
    const [inside, outside] = out.mock.calls.map((call) => JSON.parse(call[0] as string) as Record<string, unknown>);
    expect(inside).toMatchObject({ event: "test.regel", requestId: "verzoek-5678", a: 1 });
    expect(outside).not.toHaveProperty("requestId");
  });
});
