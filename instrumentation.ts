// Next.js calls register() once when a server process starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabaseOrExit } = await import("@/lib/db/prepare");
  await prepareDatabaseOrExit();
}

// Every unhandled error of a request, as one log line without request bodies or answer texts.
export async function onRequestError(error: unknown, request: { path: string; method: string }, context: { routePath: string; routeType: string }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { errorFields, log } = await import("@/lib/log");
  const digest = error && typeof error === "object" && "digest" in error ? String(error.digest) : undefined;
  log.error("request.fout", { method: request.method, route: context.routePath, routeType: context.routeType, digest, ...errorFields(error) });
}
