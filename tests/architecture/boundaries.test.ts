// What runs where (issue 13, README "Architecture"): the browser gets only browser-safe code, and
// every route handler goes through route(). Lint (eslint.config.mjs) checks each import on its
// own; these follow the whole import graph, also through dynamic import() and re-exports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientBoundaryViolations, clientEntries, routeFiles, routeHandlerViolations } from "./checks";

// Server-action modules outside app/ that client modules may still import: none. Server actions
// live beside their pages and reach the forms as props.
const SERVER_ACTION_MODULES_OUTSIDE_APP: string[] = [];

const describeProblems = (violations: { file: string; problem: string }[]) => violations.map((violation) => `${violation.file}: ${violation.problem}`);

// Parsing every module of the project takes a few seconds on a busy machine.
describe("the project", { timeout: 60_000 }, () => {
  it("has client modules and route handlers to check", () => {
    expect(clientEntries()).toEqual(expect.arrayContaining(["components/zelfscan/AnswerEditor.tsx", "components/auth/LoginForm.tsx", "app/error.tsx"]));
    expect(routeFiles()).toEqual(
      expect.arrayContaining(["app/api/health/route.ts", "app/api/auth/[...nextauth]/route.ts", "app/zelfscans/[id]/verbeterplan.pdf/route.ts"]),
    );
  });

  it("gives the browser no server code: no 'use client' module reaches lib/ outside lib/shared, a module importing server-only, or classic zod", () => {
    expect(describeProblems(clientBoundaryViolations(undefined, SERVER_ACTION_MODULES_OUTSIDE_APP))).toEqual([]);
  });

  it("wraps every exported HTTP method of every route.ts in route()", () => {
    expect(describeProblems(routeHandlerViolations())).toEqual([]);
  });
});

// The checks themselves, on a small tree with every way of breaking the rules.
describe("the checks", () => {
  const root = mkdtempSync(path.join(tmpdir(), "grenzen-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write("lib/shared/format.ts", `export const format = (value: number) => String(value);\n`);
  write(
    "lib/shared/labels.ts",
    `import { Role } from "@/lib/generated/prisma/enums";\nexport { format } from "./format";\nexport const roles = Object.keys(Role);\n`,
  );
  write("lib/generated/prisma/enums.ts", `export const Role = { A: "A" } as const;\n`);
  write("lib/db/client.ts", `import "server-only";\nexport const prisma = {};\n`);
  write("lib/regio/queries.ts", `import { prisma } from "@/lib/db/client";\nexport type Row = { id: string };\nexport const rows = () => prisma;\n`);
  write("lib/regio/validation.ts", `export const check = () => true;\n`);
  write("lib/regio/actions.ts", `"use server";\nimport { prisma } from "@/lib/db/client";\nexport async function save() { return prisma; }\n`);
  write("app/regios/actions.ts", `"use server";\nimport { prisma } from "@/lib/db/client";\nexport async function save() { return prisma; }\n`);
  write(
    "components/Safe.tsx",
    `"use client";\nimport type { Row } from "@/lib/regio/queries";\nimport { type Row as R2 } from "../lib/regio/queries";\nimport { roles } from "@/lib/shared/labels";\nexport const x: Row | R2 | string[] = roles;\n`,
  );
  write("components/Page.tsx", `"use client";\nimport { save } from "@/app/regios/actions";\nexport const y = save;\n`);
  write("components/Helper.tsx", `export { rows } from "@/lib/regio/queries";\n`);
  write("components/Dynamic.tsx", `"use client";\nexport const load = () => import("@/lib/regio/validation");\n`);
  write("components/ReExport.tsx", `"use client";\nexport * from "./Helper";\n`);
  write("components/Actions.tsx", `"use client";\nimport { save } from "@/lib/regio/actions";\nexport const z = save;\n`);
  write("components/ServerOnly.tsx", `"use client";\nimport "server-only";\n`);
  write("lib/shared/classic.ts", `import { z } from "zod";\nexport const schema = z.string();\n`);
  write("lib/shared/mini.ts", `import * as z from "zod/mini";\nexport const schema = z.string();\n`);
  write(
    "components/Form.tsx",
    `"use client";\nimport type { z } from "zod";\nimport { schema as mini } from "@/lib/shared/mini";\nexport const load = () => import("@/lib/shared/classic");\nexport const s: z.ZodType | typeof mini = mini;\n`,
  );

  it("find each module of lib/ outside lib/shared, server-only and server actions outside app/ that a client module reaches", () => {
    const problems = describeProblems(clientBoundaryViolations(root));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^components\/Dynamic\.tsx: reaches lib\/regio\/validation\.ts/),
        expect.stringMatching(
          /^components\/ReExport\.tsx: reaches lib\/regio\/queries\.ts, a server-side module .*components\/ReExport\.tsx -> components\/Helper\.tsx -> lib\/regio\/queries\.ts/,
        ),
        expect.stringMatching(/^components\/ReExport\.tsx: reaches lib\/db\/client\.ts, which imports "server-only"/),
        expect.stringMatching(/^components\/Actions\.tsx: imports server actions from lib\/regio\/actions\.ts outside app\//),
        expect.stringMatching(/^components\/ServerOnly\.tsx: reaches components\/ServerOnly\.tsx, which imports "server-only"/),
        expect.stringMatching(/^components\/Form\.tsx: reaches lib\/shared\/classic\.ts, which imports classic zod \("zod"\)/),
      ]),
    );
    expect(problems.filter((problem) => problem.startsWith("components/Safe.tsx") || problem.startsWith("components/Page.tsx"))).toEqual([]);
    expect(problems.filter((problem) => problem.startsWith("components/Form.tsx"))).toHaveLength(1);
  });

  it("let an exception for a server-action module expire when nothing imports it", () => {
    const problems = describeProblems(clientBoundaryViolations(root, ["lib/regio/actions.ts", "lib/oud/actions.ts"]));
    expect(problems.some((problem) => problem.includes("lib/regio/actions.ts outside app/"))).toBe(false);
    expect(problems).toContain("lib/oud/actions.ts: is listed as an exception but no client module imports it any more: remove it from the list");
  });

  it("accept route(...) and only that for each exported HTTP method", () => {
    write("lib/http/route.ts", `export const route = (name: string, run: () => Promise<Response>) => run;\n`);
    write(
      "app/goed/route.ts",
      `import { route } from "@/lib/http/route";\nexport const dynamic = "force-dynamic";\nexport const GET = route("GET /goed", async () => new Response());\n`,
    );
    write(
      "app/alias/route.ts",
      `import { route as wrap } from "@/lib/http/route";\nconst handler = wrap<unknown>("/alias", async () => new Response());\nexport { handler as GET, handler as POST };\n`,
    );
    write("app/functie/route.ts", `export async function GET() { return new Response(); }\n`);
    write(
      "app/pijl/route.ts",
      `import { route } from "@/lib/http/route";\nexport const GET = route("GET", async () => new Response());\nexport const POST = async () => new Response();\n`,
    );
    write("app/los/route.ts", `const handler = async () => new Response();\nexport { handler as DELETE };\n`);
    write("app/let/route.ts", `import { route } from "@/lib/http/route";\nexport let PUT = route("PUT", async () => new Response());\n`);
    write("app/elders/route.ts", `export { GET } from "../goed/route";\n`);
    write("app/leeg/route.ts", `export const dynamic = "force-dynamic";\n`);
    expect(describeProblems(routeHandlerViolations(root)).sort()).toEqual([
      "app/elders/route.ts: re-exports GET from another module; wrap it in route() here",
      "app/functie/route.ts: exports GET as a function; write export const GET = route(...)",
      "app/leeg/route.ts: exports no HTTP method handler",
      "app/let/route.ts: exports PUT as a variable that can change; write export const",
      "app/los/route.ts: exports DELETE (handler) without route() from @/lib/http/route",
      "app/pijl/route.ts: exports POST without route() from @/lib/http/route",
    ]);
  });
});
