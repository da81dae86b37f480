// Next.js calls register() once when a server process starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Client addresses and forwarding headers are only trustworthy behind server.mjs (npm start):
  // `next start` passes on whatever X-Forwarded-For a client sends. Production refuses to run
  // without it; elsewhere (next dev, a quick trial) a warning says so.
  if (process.env.ZELFSCAN_SERVER !== "server.mjs" && process.env.NODE_ENV === "production") {
    const { env } = await import("@/lib/config/env");
    const { log } = await import("@/lib/log");
    if (env().APP_ENV === "production") {
      log.error("server.zonder-poort", {
        melding: "Start de app met npm start (node server.mjs), niet met next start: alleen dan komen adressen van de verbinding.",
      });
      process.exit(1);
    }
    log.warn("server.zonder-poort", { melding: "Gestart zonder server.mjs: X-Forwarded-For van de client wordt niet verwijderd. Gebruik npm start." });
  }
  const { prepareDatabaseOrExit } = await import("@/lib/db/prepare");
  await prepareDatabaseOrExit();
  // E-mail: the queue's workers of this instance (lib/mail/worker.ts).
  const { startMailWorker } = await import("@/lib/mail/worker");
  const { database } = await import("@/lib/db/client");
  const worker = await startMailWorker(database());
  // On SIGTERM (server.mjs): at once no new jobs; after the last request, the delivery in progress
  // finishes and is recorded, within the time left.
  const { onShutdown, onShutdownBegin } = await import("@/lib/observability/lifecycle.mjs");
  onShutdownBegin("mail-worker", worker.pause);
  onShutdown("mail-worker", worker.stop);
}

// Every unhandled error of a request, as one log line without request bodies or answer texts, with
// the request's id (lib/log.ts) and the digest the error page shows when it has no request id.
export async function onRequestError(error: unknown, request: { path: string; method: string }, context: { routePath: string; routeType: string }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { errorFields, log } = await import("@/lib/log");
  const digest = error && typeof error === "object" && "digest" in error ? String(error.digest) : undefined;
  log.error("request.fout", { method: request.method, route: context.routePath, routeType: context.routeType, digest, ...errorFields(error) });
}
