// Requests per route and their latency, recorded by server.mjs with one call per request:
// observeRequest(request, response). The route label is the route's PATTERN from the build's
// route manifest ("/api/zelfscans/[id]/antwoorden/[onderdeelId]"), never the address itself: ids
// in addresses would make a series per scan (unbounded) and put them in the metrics. Anything the
// manifest does not know (a 404, a scanner's probe) is "other"; the build's static files are one
// route, "/_next/static". GET /api/metrics is labelled like any route: scrapes and refused
// scrapes show up as such.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { metrics } from "./metrics.mjs";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * A function from a path to its route pattern, over a routes-manifest.json (its staticRoutes and
 * dynamicRoutes, each with `page` and `regex`). Static routes win over dynamic ones, and dynamic
 * ones are tried in the manifest's order (Next.js sorts them most specific first).
 */
export function createRouteMatcher(manifest) {
  const exact = new Map();
  const staticRoutes = (manifest?.staticRoutes ?? []).map((entry) => ({ page: entry.page, regex: new RegExp(entry.regex) }));
  for (const entry of staticRoutes) exact.set(entry.page, entry.page);
  const dynamicRoutes = (manifest?.dynamicRoutes ?? []).map((entry) => ({ page: entry.page, regex: new RegExp(entry.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    const known = exact.get(pathname);
    if (known) return known;
    for (const entry of staticRoutes) if (entry.regex.test(pathname)) return entry.page;
    for (const entry of dynamicRoutes) if (entry.regex.test(pathname)) return entry.page;
    return "other";
  };
}

function loadManifest() {
  const appDir = fileURLToPath(new URL("../../", import.meta.url));
  const file = path.join(appDir, process.env.NEXT_DIST_DIR || ".next", "routes-manifest.json");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(
      JSON.stringify({
        time: new Date().toISOString(),
        level: "warn",
        event: "metrics.routes-manifest-ontbreekt",
        file,
        errorMessage: String(error).split("\n")[0],
      }),
    );
    return null;
  }
}

// Once, when server.mjs starts: the build does not change under a running server.
const routeOf = createRouteMatcher(loadManifest());

function pathOf(url) {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** Records the request when its answer is finished (or the connection closed before that: status "aborted"). */
export function observeRequest(request, response) {
  const started = process.hrtime.bigint();
  const method = METHODS.has(request.method) ? request.method : "other";
  let done = false;
  const record = () => {
    if (done) return;
    done = true;
    const route = routeOf(pathOf(request.url ?? "/"));
    const status = response.writableFinished ? String(response.statusCode) : "aborted";
    const { httpRequests, httpDuration } = metrics();
    httpRequests.inc({ method, route, status });
    httpDuration.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
  };
  response.once("finish", record);
  response.once("close", record);
}
