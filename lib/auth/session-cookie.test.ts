import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PLAIN_SESSION_COOKIE, SECURE_SESSION_COOKIE, sessionCookieNames, sessionTokenFrom, sessionTokenFromHeader } from "./session-cookie";

describe("the session cookie", () => {
  it("in production is only the __Secure- prefixed cookie", () => {
    expect(sessionCookieNames(true)).toEqual([SECURE_SESSION_COOKIE]);
    const jar = new Map([[PLAIN_SESSION_COOKIE, "geplant"]]);
    expect(sessionTokenFrom((name) => jar.get(name), true)).toBeUndefined();
    jar.set(SECURE_SESSION_COOKIE, "echt");
    expect(sessionTokenFrom((name) => jar.get(name), true)).toBe("echt");
    expect(sessionTokenFromHeader(`${PLAIN_SESSION_COOKIE}=geplant`, true)).toBeUndefined();
    expect(sessionTokenFromHeader(`${PLAIN_SESSION_COOKIE}=geplant; ${SECURE_SESSION_COOKIE}=echt`, true)).toBe("echt");
  });

  it("outside production is either cookie, the prefixed one first", () => {
    expect(sessionTokenFromHeader(`${PLAIN_SESSION_COOKIE}=a`, false)).toBe("a");
    expect(sessionTokenFromHeader(`${PLAIN_SESSION_COOKIE}=a; ${SECURE_SESSION_COOKIE}=b`, false)).toBe("b");
    expect(sessionTokenFromHeader("", false)).toBeUndefined();
    expect(sessionTokenFromHeader(undefined, false)).toBeUndefined();
    expect(sessionTokenFromHeader(`x=1; =2; ${PLAIN_SESSION_COOKIE}=`, false)).toBeUndefined();
  });
});

describe("the proxy's signed-in check", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function proxyWith(appEnv: "production" | "demo") {
    vi.stubEnv("APP_ENV", appEnv);
    vi.resetModules();
    return (await import("@/proxy")).proxy;
  }

  const visit = (cookie: string) => new NextRequest("https://zelfscan.test/zelfscans/abc", { headers: { host: "zelfscan.test", cookie } });

  it("in production sends a visitor with only an unprefixed cookie to the login page", async () => {
    const proxy = await proxyWith("production");
    const planted = proxy(visit(`${PLAIN_SESSION_COOKIE}=geplant`));
    expect(planted.status).toBe(307);
    expect(new URL(planted.headers.get("location")!).pathname).toBe("/login");
    const real = proxy(visit(`${SECURE_SESSION_COOKIE}=echt`));
    expect(real.headers.get("location")).toBeNull();
    expect(real.headers.get("cache-control")).toBe("no-store");
  });

  it("in a demo lets either cookie through", async () => {
    const proxy = await proxyWith("demo");
    expect(proxy(visit(`${PLAIN_SESSION_COOKIE}=a`)).headers.get("location")).toBeNull();
  });
});
