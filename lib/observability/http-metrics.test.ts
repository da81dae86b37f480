import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRouteMatcher, type RoutesManifest } from "./http-metrics.mjs";

// The shape of .next/routes-manifest.json (Next.js 16), cut down to a few routes of the app.
const manifest = JSON.parse(readFileSync(new URL("./fixtures/routes-manifest.json", import.meta.url), "utf8")) as RoutesManifest;
const routeOf = createRouteMatcher(manifest);

describe("the route label of a request", () => {
  it("is the pattern of a dynamic route, never the ids in the address", () => {
    expect(routeOf("/api/zelfscans/cmabc123/antwoorden/3a")).toBe("/api/zelfscans/[id]/antwoorden/[onderdeelId]");
    expect(routeOf("/api/zelfscans/cmabc123/stappen/3")).toBe("/api/zelfscans/[id]/stappen/[nummer]");
    expect(routeOf("/zelfscans/cmabc123/verbeterplan.pdf")).toBe("/zelfscans/[id]/verbeterplan.pdf");
    expect(routeOf("/zelfscans/cmabc123")).toBe("/zelfscans/[id]");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
  });

  it("is the page of a static route, before any dynamic one that would also match", () => {
    expect(routeOf("/zelfscans/nieuw")).toBe("/zelfscans/nieuw");
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/login")).toBe("/login");
    expect(routeOf("/login/")).toBe("/login");
    expect(routeOf("/api/metrics")).toBe("/api/metrics");
  });

  it("is one route for the build's static files, and 'other' for anything the build does not know", () => {
    expect(routeOf("/_next/static/chunks/0a1b2c.js")).toBe("/_next/static");
    expect(routeOf("/wp-login.php")).toBe("other");
    expect(routeOf("/zelfscans/a/b/c/d")).toBe("other");
    expect(routeOf("/api/zelfscans/x/antwoorden")).toBe("other");
  });

  it("is 'other' for everything without a manifest", () => {
    const none = createRouteMatcher(null);
    expect(none("/login")).toBe("other");
    expect(none("/_next/static/x.js")).toBe("/_next/static");
  });
});
