// Calling the application's route handlers in integration tests the way Next.js does: a real
// Request (a multipart body built with FormData, or a stream of our own), the handler's own
// currentActor() reading a real session cookie. Next.js's request scope (next/headers) exists only
// inside its server, so a test file stands in for cookies() with the jar below:
//
//   vi.mock("next/headers", () => import("../support/route-requests").then((m) => m.nextHeaders));
//
// and the handlers find the test's database where lib/db/client.ts keeps the application's.
import { openAsBlob } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { applicationSecret } from "@/lib/auth/secret";
import { createSession } from "@/lib/auth/sessions";
import type { Database } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PLAIN_SESSION_COOKIE } from "@/lib/auth/session-cookie";

const jar: { token: string | undefined } = { token: undefined };

/** The stand-in for next/headers: cookies() holds the session cookie of the user signed in last (signInForRoutes). */
export const nextHeaders = {
  cookies: async () => ({ get: (name: string) => (name === PLAIN_SESSION_COOKIE && jar.token ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers(),
};

/** The route handlers use this database from now on (lib/db/client.ts's database()). */
export function useDatabaseForRoutes(db: Database): void {
  (globalThis as unknown as { zelfscanDatabase?: Database }).zelfscanDatabase = db;
}

/** The next requests come from this user: a session row and its cookie, as a login makes them. */
export async function signInForRoutes(prisma: PrismaClient, user: { id: string }): Promise<void> {
  const sid = await createSession(prisma, { userId: user.id, method: "password", mfaSatisfied: true });
  jar.token = await encode({ token: { sub: user.id, sid }, secret: applicationSecret() });
}

/** A multipart POST with the fields and, if given, the file (streamed from disk) under the name `file`. */
export async function multipartRequest(url: string, input: { fields?: Record<string, string>; file?: string; fileName?: string }): Promise<Request> {
  const form = new FormData();
  for (const [name, value] of Object.entries(input.fields ?? {})) form.set(name, value);
  if (input.file) form.set("file", await openAsBlob(input.file), input.fileName ?? path.basename(input.file));
  return new Request(new URL(url, "http://localhost"), { method: "POST", body: form });
}

const BOUNDARY = "----zelfscan-test-boundary";

/** The start of a multipart body written by hand: the fields, then the file part's headers (`disposition` after form-data; name="file"; ). */
function handMadeHead(fields: Record<string, string>, disposition: string): Buffer {
  const parts = Object.entries(fields).map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return Buffer.from(`${parts.join("")}--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: application/pdf\r\n\r\n`);
}

function handMadeRequest(url: string, body: ReadableStream<Uint8Array>, signal?: AbortSignal): Request {
  return new Request(new URL(url, "http://localhost"), {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    signal,
    duplex: "half",
  } as RequestInit);
}

/**
 * A multipart POST written by hand, for what FormData cannot send: a file name in RFC 5987's
 * filename* (where control characters arrive percent-encoded, as a client other than a browser may send them).
 */
export function handMadeMultipartRequest(url: string, input: { fields: Record<string, string>; disposition: string; bytes: Buffer }): Request {
  const whole = Buffer.concat([handMadeHead(input.fields, input.disposition), input.bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
  return handMadeRequest(
    url,
    new ReadableStream({
      start(stream) {
        stream.enqueue(new Uint8Array(whole));
        stream.close();
      },
    }),
  );
}

/**
 * A multipart POST whose body stops halfway through the file: the stream fails (a dropped
 * connection), or, with `abort`, the request's signal is aborted while the body waits.
 */
export function brokenMultipartRequest(url: string, input: { bytes: Buffer; fileName: string; how: "stream-error" | "abort" }): Request {
  const head = handMadeHead({ title: "Afgebroken", ingangsdatum: "2026-01-01" }, `filename="${input.fileName}"`);
  const half = input.bytes.subarray(0, Math.floor(input.bytes.length / 2));
  const controller = new AbortController();
  let step = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      step += 1;
      if (step === 1) return stream.enqueue(new Uint8Array(head));
      if (step === 2) return stream.enqueue(new Uint8Array(half));
      if (input.how === "stream-error") return stream.error(new Error("verbinding verbroken"));
      controller.abort();
      // A dropped connection: nothing more ever comes.
      await new Promise(() => undefined);
    },
  });
  return handMadeRequest(url, body, controller.signal);
}
