import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { dataHeaders } from "./security-headers";
import {
  clientAddressFrom,
  gateHeaders,
  hasDecodablePath,
  normaliseAddress,
  parseErrorAnswer,
  parseTrustProxy,
  rewriteForwardingHeaders,
} from "./server-gate.mjs";

describe("TRUST_PROXY as a number of proxy hops", () => {
  it("reads off, the former true, and a hop count; anything else is invalid", () => {
    for (const off of [undefined, "", "false", "nee", "0", " FALSE "]) expect(parseTrustProxy(off), String(off)).toBe(0);
    for (const one of ["true", "ja", "1", "True"]) expect(parseTrustProxy(one), one).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    for (const wrong of ["yes", "-1", "10", "1.5", "127.0.0.1", "loopback"]) expect(parseTrustProxy(wrong), wrong).toBeNull();
  });
});

describe("stored addresses are valid IP addresses", () => {
  it("keeps IPv4 and IPv6 in one canonical form and maps IPv4-mapped IPv6 to IPv4", () => {
    expect(normaliseAddress("192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("::FFFF:c000:0201")).toBe("192.0.2.1");
    expect(normaliseAddress("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:51234")).toBe("192.0.2.1");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
  });
  it("is null for anything that is not one address", () => {
    for (const value of [
      undefined,
      null,
      42,
      "",
      "unknown",
      "evil.example",
      "1.2.3",
      "256.1.1.1",
      "1.1.1.1, 2.2.2.2",
      "<script>",
      "x".repeat(200),
      "::ffff:999.1.1.1",
    ]) {
      expect(normaliseAddress(value), String(value)).toBeNull();
    }
  });
});

describe("the client address from the connection", () => {
  it("without trusted proxies: the socket's, whatever X-Forwarded-For says", () => {
    expect(clientAddressFrom({ forwardedFor: "203.0.113.9", socketAddress: "::ffff:127.0.0.1", hops: 0 })).toBe("127.0.0.1");
    expect(clientAddressFrom({ forwardedFor: ["203.0.113.9", "198.51.100.1"], socketAddress: "192.0.2.7", hops: 0 })).toBe("192.0.2.7");
  });
  it("with n trusted proxies: the entry n hops back from the socket, never one the client put in front", () => {
    // client 198.51.100.23 forged "203.0.113.9"; proxy 10.0.0.2 appended what it saw.
    expect(clientAddressFrom({ forwardedFor: "203.0.113.9, 198.51.100.23", socketAddress: "10.0.0.2", hops: 1 })).toBe("198.51.100.23");
    // two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(clientAddressFrom({ forwardedFor: "203.0.113.9, 198.51.100.23, 10.0.0.1", socketAddress: "10.0.0.2", hops: 2 })).toBe("198.51.100.23");
    expect(clientAddressFrom({ forwardedFor: ["203.0.113.9", "198.51.100.23"], socketAddress: "10.0.0.2", hops: 1 })).toBe("198.51.100.23");
    // fewer entries than hops (the proxy reached directly): the furthest one known.
    expect(clientAddressFrom({ forwardedFor: undefined, socketAddress: "10.0.0.2", hops: 2 })).toBe("10.0.0.2");
    expect(clientAddressFrom({ forwardedFor: "bogus, garbage", socketAddress: "10.0.0.2", hops: 1 })).toBeNull();
  });
});

describe("the forwarding headers the application gets", () => {
  const forged = (): IncomingHttpHeaders => ({
    host: "127.0.0.1:3000",
    "x-forwarded-for": "203.0.113.9",
    "x-real-ip": "203.0.113.10",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    forwarded: "for=203.0.113.11",
  });

  it("without trusted proxies: none of the client's, and the socket's address", () => {
    const headers = forged();
    rewriteForwardingHeaders(headers, "::ffff:127.0.0.1", 0);
    expect(headers).toEqual({ host: "127.0.0.1:3000", "x-forwarded-for": "127.0.0.1" });
  });

  it("behind a trusted proxy: the nearest proxy's well-formed values only", () => {
    const headers = {
      ...forged(),
      "x-forwarded-for": "203.0.113.9, 198.51.100.23",
      "x-forwarded-host": "evil.example, zelfscan.gemeente.example",
      "x-forwarded-proto": "http, https",
    };
    rewriteForwardingHeaders(headers, "10.0.0.2", 1);
    expect(headers).toEqual({
      host: "127.0.0.1:3000",
      "x-forwarded-for": "198.51.100.23",
      "x-forwarded-host": "zelfscan.gemeente.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
    });
    const odd = {
      host: "h",
      "x-forwarded-for": "not-an-ip",
      "x-forwarded-host": "evil.example/path",
      "x-forwarded-proto": "javascript",
      "x-forwarded-port": "99999x",
    };
    rewriteForwardingHeaders(odd, "10.0.0.2", 1);
    expect(odd).toEqual({ host: "h", "x-forwarded-for": "unknown" });
  });
});

describe("addresses that cannot be routed", () => {
  it("finds paths whose percent-encoding does not decode, ignoring the query", () => {
    for (const bad of ["/%E0%A4%A", "/zelfscans/%E0%A4%A/rapport", "/api/zelfscans/%/antwoorden/3a", "/x/%C3"]) expect(hasDecodablePath(bad), bad).toBe(false);
    for (const good of ["/", "/zelfscans/%C3%A9", "/login?terug=%E0%A4%A", "/a%20b"]) expect(hasDecodablePath(good), good).toBe(true);
  });

  it("answers them with the route handlers' security headers", () => {
    expect(gateHeaders(false)).toEqual({ ...dataHeaders(false), "Cache-Control": "no-store" });
    expect(gateHeaders(true)).toEqual({ ...dataHeaders(true), "Cache-Control": "no-store" });
  });

  it("writes a whole HTTP answer for a request Node's parser refused", () => {
    const tooLong = parseErrorAnswer("HPE_HEADER_OVERFLOW", false);
    expect(tooLong.startsWith("HTTP/1.1 431 ")).toBe(true);
    expect(tooLong).toContain("\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'");
    expect(tooLong).toContain("\r\nX-Content-Type-Options: nosniff\r\n");
    const body = tooLong.split("\r\n\r\n")[1]!;
    expect(JSON.parse(body)).toEqual({ fout: "Het adres is ongeldig of te lang." });
    expect(tooLong).toContain(`\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`);
    expect(parseErrorAnswer("HPE_INVALID_URL", true)).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*Strict-Transport-Security/);
  });
});
