// The production server (npm start): Next.js's own request handler for the production build, behind
// a plain Node HTTP server that first decides, from the connection, which client address and
// forwarding headers the application gets (lib/http/server-gate.mjs). `next start` cannot do that:
// it keeps an X-Forwarded-For the client sent, and the App Router never sees the socket.
//   node server.mjs [--port 3000] [--hostname 0.0.0.0]     (PORT works too)
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  MALFORMED_ADDRESS_MESSAGE,
  gateHeaders,
  hasDecodablePath,
  parseErrorAnswer,
  parseTrustProxy,
  rewriteForwardingHeaders,
} from "./lib/http/server-gate.mjs";
import { observeRequest } from "./lib/observability/http-metrics.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// Read by instrumentation.ts: a production deployment must run behind this gate.
process.env.ZELFSCAN_SERVER = "server.mjs";

const { values: options } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(options.port ?? process.env.PORT ?? 3000);
const hostname = options.hostname;
// Links in e-mail of a demo without NEXTAUTH_URL point at this port (lib/mail/links.ts).
process.env.PORT = String(port);
const hops = parseTrustProxy(process.env.TRUST_PROXY);
if (hops === null || !Number.isInteger(port) || port < 0 || port > 65535) {
  // lib/config/env.ts gives the full message; the gate needs a valid value before anything starts.
  console.error(
    `Ongeldige configuratie:\n${hops === null ? "- TRUST_PROXY: moet false of het aantal proxy's voor de app zijn (1 tot en met 9; true betekent 1)\n" : ""}${Number.isInteger(port) ? "" : "- PORT: moet een poortnummer zijn\n"}`,
  );
  process.exit(1);
}
const production = process.env.APP_ENV === "production" || (process.env.APP_ENV === undefined && Boolean(process.env.DATABASE_URL));

const { default: next } = await import("next");
const app = next({ dev: false, dir: fileURLToPath(new URL(".", import.meta.url)), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  observeRequest(request, response);
  if (!hasDecodablePath(request.url ?? "/")) {
    response.writeHead(400, { ...gateHeaders(production), "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify({ fout: MALFORMED_ADDRESS_MESSAGE }));
    return;
  }
  rewriteForwardingHeaders(request.headers, request.socket.remoteAddress, hops);
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { ...gateHeaders(production), "Content-Type": "application/json; charset=utf-8" });
    response.end();
  });
});

// Requests Node's HTTP parser refuses (an address longer than its header limit, bytes not allowed
// in an address) get a Dutch answer with the security headers instead of Node's bare one.
server.on("clientError", (error, socket) => {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (socket.writable && code !== "ECONNRESET") socket.end(parseErrorAnswer(code, production));
  else socket.destroy();
});

server.listen(port, hostname, () => {
  const address = server.address();
  const shown =
    typeof address === "object" && address ? `${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  console.log(`Zelfscan luistert op http://${shown} (proxy-hops vertrouwd: ${hops})`);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Requests still running after ten seconds are cut off.
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
