// What server.mjs does with a request before Next.js sees it. Plain JavaScript because server.mjs
// runs under plain Node (npm start); the types are in server-gate.d.mts, the tests in
// server-gate.test.ts.
//
// Next.js fills X-Forwarded-For (and -Host, -Proto, -Port) from the connection only when a request
// has none, and code in the App Router cannot see the connection at all. So the server decides
// here, from the socket, which forwarding headers the application gets:
// - without a trusted proxy (TRUST_PROXY unset or 0) every forwarding header the client sent is
//   removed and X-Forwarded-For becomes the socket's address; Next.js then fills -Host, -Proto and
//   -Port from the Host header and the connection;
// - with TRUST_PROXY=n (n reverse proxies in front of the app, each appending the address it saw to
//   X-Forwarded-For), the client is the address n hops back from the socket; only the values the
//   nearest proxy set for -Host, -Proto and -Port are kept, and only when they are well-formed.
// Either way the application receives exactly one X-Forwarded-For value: a valid IP address, or
// "unknown" when a trusted proxy sent something that is not one.
import { isIP } from "node:net";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-forwarded-server"];

export const MAX_TRUSTED_HOPS = 9;

/**
 * TRUST_PROXY as a number of trusted proxy hops: unset, "", "false", "nee" and "0" are 0;
 * "true" and "ja" are 1 (the former boolean setting); "1" to "9" are that many. Anything else is
 * null: not a valid setting.
 * @param {string | undefined} value
 * @returns {number | null}
 */
export function parseTrustProxy(value) {
  if (value === undefined) return 0;
  const setting = value.trim().toLowerCase();
  if (setting === "" || setting === "false" || setting === "nee") return 0;
  if (setting === "true" || setting === "ja") return 1;
  if (/^\d$/.test(setting)) return Number(setting);
  return null;
}

/**
 * A valid IP address in one canonical form, or null: IPv4 as dotted decimal, IPv6 compressed in
 * lower case, an IPv4-mapped IPv6 address (::ffff:192.0.2.1, as Node reports IPv4 clients on a
 * dual-stack socket) as the IPv4 address. A port ("192.0.2.1:443", "[2001:db8::1]:443"), brackets
 * and an IPv6 zone ("fe80::1%eth0") are removed; anything else (names, "unknown", lists) is null.
 * @param {unknown} value
 * @returns {string | null}
 */
export function normaliseAddress(value) {
  if (typeof value !== "string" || value.length > 100) return null;
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1] ?? "";
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.split("%")[0] ?? "";
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind !== 6) return null;
  // The WHATWG URL parser writes IPv6 addresses in their canonical compressed form.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1] ?? "0", 16);
  const low = parseInt(mapped[2] ?? "0", 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/**
 * The client's address: the socket's without trusted proxies; with n trusted hops the entry n
 * places to the left of the socket in X-Forwarded-For + socket (the leftmost one when the list is
 * shorter, as when the proxies were reached directly). Null when that entry is not an IP address.
 * @param {{ forwardedFor: string | string[] | undefined; socketAddress: string | undefined; hops: number }} input
 * @returns {string | null}
 */
export function clientAddressFrom({ forwardedFor, socketAddress, hops }) {
  if (hops <= 0) return normaliseAddress(socketAddress);
  const listed = (Array.isArray(forwardedFor) ? forwardedFor : forwardedFor === undefined ? [] : [forwardedFor])
    .flatMap((header) => header.split(","))
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...listed, socketAddress ?? ""];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** @param {string | string[] | undefined} header */
function nearestValue(header) {
  const value = Array.isArray(header) ? header.join(",") : header;
  return value?.split(",").at(-1)?.trim().toLowerCase();
}

/**
 * Rewrites the forwarding headers of a request in place (see the top of this file).
 * @param {import("node:http").IncomingHttpHeaders} headers
 * @param {string | undefined} socketAddress
 * @param {number} hops
 */
export function rewriteForwardingHeaders(headers, socketAddress, hops) {
  const client = clientAddressFrom({ forwardedFor: headers["x-forwarded-for"], socketAddress, hops });
  const host = hops > 0 ? nearestValue(headers["x-forwarded-host"]) : undefined;
  const proto = hops > 0 ? nearestValue(headers["x-forwarded-proto"]) : undefined;
  const port = hops > 0 ? nearestValue(headers["x-forwarded-port"]) : undefined;
  for (const name of FORWARDING_HEADERS) delete headers[name];
  headers["x-forwarded-for"] = client ?? "unknown";
  if (host && /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/.test(host)) {
    headers["x-forwarded-host"] = host;
  }
  if (proto === "http" || proto === "https") headers["x-forwarded-proto"] = proto;
  if (port && /^\d{1,5}$/.test(port)) headers["x-forwarded-port"] = port;
}

/**
 * Whether every segment of the path decodes: Next.js decodes dynamic segments itself and answers a
 * bare 500 on some routes when one does not (%E0%A4%A, a lone %), so such addresses never reach it.
 * @param {string} url the request target, e.g. "/zelfscans/abc?x=1"
 */
export function hasDecodablePath(url) {
  const path = url.split("?")[0]?.split("#")[0] ?? "";
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The headers of the server's own answers (a malformed address or request), the same as those of
 * the route handlers' answers (dataHeaders in lib/http/security-headers.ts; a test compares them).
 * @param {boolean} production
 * @returns {Record<string, string>}
 */
export function gateHeaders(production) {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "Cache-Control": "no-store",
  };
}

export const MALFORMED_ADDRESS_MESSAGE = "Het adres is ongeldig of te lang.";

/**
 * A complete HTTP/1.1 answer as raw bytes, for a connection whose request Node's parser refused
 * (an address that is too long, bytes that are not allowed in an address): 431 or 400, in Dutch,
 * with the security headers, and the connection closed.
 * @param {string | undefined} code the parser's error code, e.g. "HPE_HEADER_OVERFLOW"
 * @param {boolean} production
 */
export function parseErrorAnswer(code, production) {
  const tooLarge = code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({ fout: MALFORMED_ADDRESS_MESSAGE });
  const headers = {
    ...gateHeaders(production),
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
  };
  const head = [
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${head.join("\r\n")}\r\n\r\n${body}`;
}
