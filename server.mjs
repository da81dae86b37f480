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
import { beginShutdown, runShutdownHooks, shutdownPlan } from "./lib/observability/lifecycle.mjs";
import { errorFields, installConsoleRewrite, writeLogLine as logLine } from "./lib/observability/log-line.mjs";
import { requestIdFor, runWithRequestId } from "./lib/observability/request-context.mjs";

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
const drainMs = parseMilliseconds(process.env.SHUTDOWN_DRAIN_MS, 5_000);
const shutdownTimeoutMs = parseMilliseconds(process.env.SHUTDOWN_TIMEOUT_MS, 25_000);
const problems = [
  ...(hops === null ? ["- TRUST_PROXY: moet false of het aantal proxy's voor de app zijn (1 tot en met 9; true betekent 1)"] : []),
  ...(Number.isInteger(port) && port >= 0 && port <= 65535 ? [] : ["- PORT: moet een poortnummer zijn"]),
  ...(drainMs === null ? ["- SHUTDOWN_DRAIN_MS: moet een aantal milliseconden zijn (0 tot en met 600000)"] : []),
  ...(shutdownTimeoutMs === null ? ["- SHUTDOWN_TIMEOUT_MS: moet een aantal milliseconden zijn (0 tot en met 600000)"] : []),
  ...(drainMs !== null && shutdownTimeoutMs !== null && shutdownTimeoutMs < drainMs + 5_000
    ? ["- SHUTDOWN_TIMEOUT_MS: moet minstens 5000 groter zijn dan SHUTDOWN_DRAIN_MS (tijd om lopende verzoeken en de wachtrij af te ronden)"]
    : []),
];
if (problems.length) {
  // lib/config/env.ts checks the settings the application reads; these the server needs before Next.js starts.
  console.error(`Ongeldige configuratie:\n${problems.join("\n")}\n`);
  process.exit(1);
}

/**
 * A whole number of milliseconds from 0 to ten minutes, the fallback when unset or empty, or null.
 * @param {string | undefined} value
 * @param {number} fallback
 */
function parseMilliseconds(value, fallback) {
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d{1,6}$/.test(value.trim())) return null;
  const milliseconds = Number(value.trim());
  return milliseconds <= 600_000 ? milliseconds : null;
}
const production = process.env.APP_ENV === "production" || (process.env.APP_ENV === undefined && Boolean(process.env.DATABASE_URL));

const { default: next } = await import("next");
const app = next({ dev: false, dir: fileURLToPath(new URL(".", import.meta.url)), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Next.js writes its own errors (a failing server component, an unknown server action, an uncaught
// exception) with console.error, over many lines with the error's properties and stack, and
// Node.js its warnings. From here on such output becomes one JSON line like lib/log.ts's, with the
// request id, the first line of each message and a few stack frames (lib/observability/log-line.mjs).
installConsoleRewrite();

let stopping = false;
let closing = false;
// The requests whose answer is not done yet (method, request id, start), for the log line when the
// shutdown has to cut connections. Not the path: some carry a token (a password reset link).
/** @type {Map<import("node:http").IncomingMessage, { method?: string, requestId: string, startedAt: number }>} */
const openRequests = new Map();
/** @type {Set<import("node:net").Socket>} */
const connections = new Set();
// Of the time left after the drain, what the hooks leave for app.close() and the last log line.
const HOOK_RESERVE_MS = 500;
const server = createServer((request, response) => {
  observeRequest(request, response);
  // Every request gets an id: on the answer (X-Request-Id), in the headers Next.js sees, and in
  // every log line written while it is handled (lib/observability/request-context.mjs).
  const requestId = requestIdFor(request.headers["x-request-id"], hops);
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  // From the signal on, no connection is kept open after its answer: a proxy's pooled connection
  // would otherwise be cut when the server closes, just as a request might be sent over it.
  if (stopping) response.shouldKeepAlive = false;
  // Once the server is closing, a keep-alive connection is closed as soon as its answer is sent.
  openRequests.set(request, { method: request.method, requestId, startedAt: Date.now() });
  response.once("close", () => openRequests.delete(request));
  response.once("finish", () => {
    if (closing) setImmediate(() => server.closeIdleConnections());
  });
  runWithRequestId(requestId, () => {
    if (!hasDecodablePath(request.url ?? "/")) {
      response.writeHead(400, { ...gateHeaders(production), "Content-Type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ fout: MALFORMED_ADDRESS_MESSAGE }));
      return;
    }
    rewriteForwardingHeaders(request.headers, request.socket.remoteAddress, hops);
    handle(request, response).catch((error) => {
      logLine("error", "server.fout", { method: request.method, ...errorFields(error) });
      if (!response.headersSent) response.writeHead(500, { ...gateHeaders(production), "Content-Type": "application/json; charset=utf-8" });
      response.end();
    });
  });
});

server.on("connection", (socket) => {
  connections.add(socket);
  socket.once("close", () => connections.delete(socket));
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

// Graceful shutdown (SIGTERM from systemd, Docker or Kubernetes; SIGINT from Ctrl-C). The instance
// first only reports that it is going away (readiness 503) while it still serves, so that the
// proxy's health check takes it out of rotation without a single refused request; the mail worker
// fetches no new jobs from then on (the queue lives in the database). After the drain it stops
// accepting connections and lets the requests in flight finish; what is still open at cutAt (a slow
// client's download) is cut, so that the shutdown hooks (instrumentation.ts: the mail worker stops
// after its current delivery; lib/pdf/browser.ts: Chromium closes) get their share of the time
// left before SHUTDOWN_TIMEOUT_MS (shutdownPlan). Exit code 0 when all went well, 1 when
// connections were cut, a hook did not finish in time or the deadline passed. A second signal
// changes nothing: npm start passes Ctrl-C's SIGINT on to this process, which the terminal has
// sent it already.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const plan = shutdownPlan({ signalAt: Date.now(), drainMs, timeoutMs: shutdownTimeoutMs });
    beginShutdown();
    logLine("info", "server.afsluiten", { signal, drainMs, timeoutMs: shutdownTimeoutMs });
    setTimeout(() => {
      logLine("error", "server.afsluiten-te-lang", { timeoutMs: shutdownTimeoutMs });
      process.exit(1);
    }, plan.deadline - Date.now()).unref();
    setTimeout(() => {
      closing = true;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      logLine("info", "server.gesloten-voor-nieuwe-verbindingen", {});
      let cut = 0;
      const cutter = setTimeout(() => {
        cut = connections.size;
        const now = Date.now();
        const verzoeken = [...openRequests.values()].slice(0, 20).map(({ startedAt, ...open }) => ({ ...open, ms: now - startedAt }));
        logLine("error", "server.verbindingen-afgebroken", { aantal: cut, verzoeken });
        server.closeAllConnections();
      }, plan.cutAt - Date.now());
      closed
        .then(() => {
          clearTimeout(cutter);
          return runShutdownHooks(Math.max(0, plan.deadline - Date.now() - HOOK_RESERVE_MS));
        })
        .then(async (hooks) => {
          await app.close();
          return hooks;
        })
        .then(
          (hooks) => {
            const clean = hooks === "ok" && cut === 0;
            logLine(clean ? "info" : "error", "server.gestopt", { ...(clean ? {} : { hooks, afgebroken: cut }) });
            process.exit(clean ? 0 : 1);
          },
          (error) => {
            logLine("error", "server.afsluiten-fout", errorFields(error));
            process.exit(1);
          },
        );
    }, plan.drainEndsAt - Date.now());
  });
}
