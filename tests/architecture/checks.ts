// The architecture's two rules that lint cannot see whole, as functions over a source tree (the
// project, or a fixture in the tests of these checks):
// - what the browser runs stays browser-safe: from every "use client" module, following static
//   imports, re-exports and dynamic import(), no module of lib/ outside lib/shared (the Prisma
//   enums excepted) and no module that imports "server-only" is reached. A "use server" module is
//   a reference to server actions, not code the browser runs; it is not followed, but it belongs
//   in app/. Nor does the browser get classic zod: its schemas are zod/mini.
// - every route handler goes through route() (lib/http/route.ts): each HTTP method a route.ts
//   exports is a constant made by route(...).
import ts from "typescript";
import { directives, mentions, parse, resolve, ROOT, runtimeImports, sourceFiles } from "./source";

const BROWSER_SAFE_IN_LIB = new Set(["lib/generated/prisma/enums.ts"]);
// Every schema the browser runs is zod/mini (lib/shared/forms/zod.ts): classic zod is 40 kB more.
const CLASSIC_ZOD = new Set(["zod", "zod/v4", "zod/v3"]);

export type Violation = { file: string; problem: string };

export function clientEntries(root: string = ROOT): string[] {
  return ["app", "components", "lib"]
    .flatMap((dir) => sourceFiles(dir, root))
    .filter((file) => mentions(file, "use client", root) && directives(parse(file, root)).includes("use client"));
}

/**
 * Walks the import graph from each "use client" module. `serverActionModules` lists "use server"
 * modules outside app/ that client code may still import for now; one that nothing imports any
 * more is reported too, so that the list only shrinks.
 */
export function clientBoundaryViolations(root: string = ROOT, serverActionModules: readonly string[] = []): Violation[] {
  const violations: Violation[] = [];
  const usedExceptions = new Set<string>();
  const cache = new Map<string, { source: ts.SourceFile; edges: ReturnType<typeof runtimeImports> }>();
  const load = (file: string) => {
    let entry = cache.get(file);
    if (!entry) {
      const source = parse(file, root);
      entry = { source, edges: runtimeImports(source) };
      cache.set(file, entry);
    }
    return entry;
  };

  for (const start of clientEntries(root)) {
    const via = new Map<string, string | null>([[start, null]]);
    const chain = (file: string) => {
      const out: string[] = [];
      for (let at: string | null | undefined = file; at; at = via.get(at)) out.unshift(at);
      return out.join(" -> ");
    };
    const queue = [start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      const { source, edges } = load(file);
      if (file !== start && directives(source).includes("use server")) {
        if (file.startsWith("app/")) continue;
        if (serverActionModules.includes(file)) {
          usedExceptions.add(file);
          continue;
        }
        violations.push({ file: start, problem: `imports server actions from ${file} outside app/ (${chain(file)})` });
        continue;
      }
      if (file.startsWith("lib/") && !file.startsWith("lib/shared/") && !BROWSER_SAFE_IN_LIB.has(file)) {
        violations.push({ file: start, problem: `reaches ${file}, a server-side module of lib/ (${chain(file)})` });
      }
      for (const edge of edges) {
        if (edge.specifier === "server-only") {
          violations.push({ file: start, problem: `reaches ${file}, which imports "server-only" (${chain(file)})` });
          continue;
        }
        if (CLASSIC_ZOD.has(edge.specifier)) {
          violations.push({
            file: start,
            problem: `reaches ${file}, which imports classic zod ("${edge.specifier}"); the browser runs zod/mini (${chain(file)})`,
          });
          continue;
        }
        if (edge.specifier === "<computed>") {
          violations.push({ file: start, problem: `${file}:${edge.line} has an import() whose module cannot be followed (${chain(file)})` });
          continue;
        }
        const target = resolve(file, edge.specifier, root);
        if (target === null || via.has(target)) continue;
        via.set(target, file);
        queue.push(target);
      }
    }
  }
  for (const file of serverActionModules) {
    if (!usedExceptions.has(file))
      violations.push({ file, problem: "is listed as an exception but no client module imports it any more: remove it from the list" });
  }
  return violations;
}

const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;

export function routeFiles(root: string = ROOT): string[] {
  return sourceFiles("app", root).filter((file) => /(^|\/)route\.tsx?$/.test(file));
}

/** Every exported HTTP method of every app/**\/route.ts is `route(...)` from @/lib/http/route. */
export function routeHandlerViolations(root: string = ROOT): Violation[] {
  const violations: Violation[] = [];
  const methods = new Set<string>(HTTP_METHODS);
  for (const file of routeFiles(root)) {
    const source = parse(file, root);
    const report = (problem: string) => violations.push({ file, problem });
    const routeNames = new Set<string>();
    const constants = new Map<string, ts.Expression | undefined>();
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === "@/lib/http/route") {
        const bindings = statement.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements)
            if ((element.propertyName ?? element.name).text === "route" && !element.isTypeOnly) routeNames.add(element.name.text);
        }
      }
      if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
        for (const declaration of statement.declarationList.declarations)
          if (ts.isIdentifier(declaration.name)) constants.set(declaration.name.text, declaration.initializer);
      }
    }
    // `route(...)`, `route<Context>(...)`, or a constant that is one of those.
    const isWrapped = (expression: ts.Expression | undefined, seen = new Set<string>()): boolean => {
      if (!expression) return false;
      if (ts.isCallExpression(expression)) return ts.isIdentifier(expression.expression) && routeNames.has(expression.expression.text);
      if (ts.isIdentifier(expression) && constants.has(expression.text) && !seen.has(expression.text)) {
        seen.add(expression.text);
        return isWrapped(constants.get(expression.text), seen);
      }
      return false;
    };
    const exported = (node: ts.Node) =>
      ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    let handlers = 0;
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name && methods.has(statement.name.text)) {
        handlers++;
        report(`exports ${statement.name.text} as a function; write export const ${statement.name.text} = route(...)`);
      } else if (ts.isVariableStatement(statement) && exported(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name) || !methods.has(declaration.name.text)) continue;
          handlers++;
          if (!(statement.declarationList.flags & ts.NodeFlags.Const))
            report(`exports ${declaration.name.text} as a variable that can change; write export const`);
          else if (!isWrapped(declaration.initializer)) report(`exports ${declaration.name.text} without route() from @/lib/http/route`);
        }
      } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          if (!methods.has(element.name.text)) continue;
          handlers++;
          const local = (element.propertyName ?? element.name).text;
          if (statement.moduleSpecifier) report(`re-exports ${element.name.text} from another module; wrap it in route() here`);
          else if (!isWrapped(ts.factory.createIdentifier(local))) report(`exports ${element.name.text} (${local}) without route() from @/lib/http/route`);
        }
      } else if (ts.isExportDeclaration(statement) && !statement.exportClause && statement.moduleSpecifier) {
        report("re-exports everything of another module (export *); export each handler made by route() here");
      }
    }
    if (handlers === 0) report("exports no HTTP method handler");
  }
  return violations;
}
