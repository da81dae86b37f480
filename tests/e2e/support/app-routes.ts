// Every page and route handler of app/, read from the folder itself, so that a route added later is
// covered by the tests that walk them without anyone having to list it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type AppRoute = {
  /** The address pattern, e.g. "/zelfscans/[id]/stap/[nummer]". */
  pattern: string;
  kind: "page" | "route";
  /** HTTP methods: GET (and POST, for server actions) for a page; the exported ones for a handler. */
  methods: string[];
};

export function appRoutes(root = "app"): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // Route groups "(x)" add no segment; private folders "_x" and parallel slots "@x" are no addresses.
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        routes.push({ pattern: `/${segments.join("/")}`, kind: "page", methods: ["GET", "POST"] });
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        const source = readFileSync(path.join(dir, entry.name), "utf8");
        const methods = [...source.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b|\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
          (match) => (match[1] ?? match[2])!,
        );
        routes.push({ pattern: `/${segments.join("/")}`, kind: "route", methods });
      }
    }
  };
  walk(root, []);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The dynamic segments of a pattern, with the static segment before each: "zelfscans/[id]". */
export function dynamicSegments(pattern: string): { index: number; key: string }[] {
  const parts = pattern.split("/");
  return parts.flatMap((part, index) => (/^\[.+\]$/.test(part) ? [{ index, key: `${parts[index - 1] ?? ""}/${part}` }] : []));
}

/** The pattern with each dynamic segment filled by fill(key) (already percent-encoded as needed). */
export function fillPattern(pattern: string, fill: (key: string, index: number) => string): string {
  const parts = pattern.split("/");
  const dynamic = new Map(dynamicSegments(pattern).map((segment) => [segment.index, segment.key]));
  return parts.map((part, index) => (dynamic.has(index) ? fill(dynamic.get(index)!, index) : part)).join("/") || "/";
}
