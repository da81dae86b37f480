// Reading the project's own sources for the architecture tests: the files under a folder, and
// the imports of a file as TypeScript parses them (static, re-exports and dynamic import()),
// resolved to files in the project the way the bundler does (`@/` is the project root).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "../..");

const SKIP = new Set(["node_modules", ".next", "generated", "tmp", "data", "test-results", "playwright-report"]);

/** Source files (.ts, .tsx) under `dir` relative to `root`, as paths relative to `root`. */
export function sourceFiles(dir: string, root: string = ROOT): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute)) {
      if (SKIP.has(entry)) continue;
      const child = path.join(relative, entry);
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) out.push(child.split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

const parsed = new Map<string, ts.SourceFile>();

export function parse(file: string, root: string = ROOT): ts.SourceFile {
  const key = path.join(root, file);
  let source = parsed.get(key);
  if (!source) {
    const text = readFileSync(key, "utf8");
    source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(key, source);
  }
  return source;
}

/** Whether the file's text names a directive at all; only those need parsing to find out. */
export function mentions(file: string, directive: string, root: string = ROOT): boolean {
  return readFileSync(path.join(root, file), "utf8").includes(directive);
}

/** The directive prologue of a module: "use client", "use server". */
export function directives(source: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    out.push(statement.expression.text);
  }
  return out;
}

export type ImportEdge = { specifier: string; line: number; kind: "static" | "re-export" | "dynamic" };

/**
 * The imports of a module that stay in the JavaScript: `import type`, `export type` and imports
 * whose every name is a type are left out (the compiler removes them); `import "x"` stays.
 */
export function runtimeImports(source: ts.SourceFile): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) edges.push({ specifier: node.moduleSpecifier.text, line: line(node), kind: "static" });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) edges.push({ specifier: node.moduleSpecifier.text, line: line(node), kind: "re-export" });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) edges.push({ specifier: argument.text, line: line(node), kind: "dynamic" });
      else edges.push({ specifier: "<computed>", line: line(node), kind: "dynamic" });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const EXTENSIONS = [".ts", ".tsx", ".js", ".mjs", ".jsx"];

/** A project file for a specifier, or null for a package (or a file that does not exist). */
export function resolve(from: string, specifier: string, root: string = ROOT): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  const candidates = [base, ...EXTENSIONS.map((extension) => base + extension), ...EXTENSIONS.map((extension) => `${base}/index${extension}`)];
  // "./x.js" written for an x.ts file
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx"));
  for (const candidate of candidates) {
    const absolute = path.join(root, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) return path.posix.normalize(candidate);
  }
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}
