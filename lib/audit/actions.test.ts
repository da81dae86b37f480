import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS, FORMER_AUDIT_ACTION_LABEL, auditActionLabel, isAuditAction } from "@/lib/shared/audit/actions";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["lib", "app", "scripts", "components"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts", "server.mjs"];
const ACTION_SHAPE = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return relative === path.join("lib", "generated") ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

type Use = { file: string; name: string; kind: "name" | "prefix" };

/** The expression that starts at `from`, up to the `,`, `}` or line end that ends it (strings, templates and braces skipped). */
function expressionAt(text: string, from: number): string {
  const open: ("brace" | "template")[] = [];
  let quote: string | null = null;
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === "\\") at++;
      else if (char === quote) quote = null;
    } else if (open.at(-1) === "template") {
      if (char === "\\") at++;
      else if (char === "`") open.pop();
      else if (char === "$" && text[at + 1] === "{") {
        open.push("brace");
        at++;
      }
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "`") open.push("template");
    else if (char === "{") open.push("brace");
    else if (char === "}" && open.length > 0) open.pop();
    else if (open.length === 0 && (char === "," || char === "}" || char === "\n")) return text.slice(from, at);
  }
  return text.slice(from);
}

/**
 * Every action name the code writes or looks for: the `action:` of recordAudit calls, Prisma
 * creates and filters (string literals, also in a conditional; a template literal or a startsWith
 * counts as a prefix), and the literals of SQL that inserts into "AuditEntry" directly.
 */
function actionUses(): Use[] {
  // The catalogue itself defines the names; everything else uses them.
  const files = [...SOURCE_DIRS.flatMap(sourceFiles), ...ROOT_FILES.filter((file) => readdirSync(ROOT).includes(file))].filter(
    (file) => file !== path.join("lib", "shared", "audit", "actions.ts"),
  );
  return files.flatMap((file) => {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const uses: Use[] = [];
    for (const match of text.matchAll(/\baction:\s*/g)) {
      const whole = expressionAt(text, match.index + match[0].length);
      // An object is no action name: the direct link of an e-mail body (lib/mail/layout.ts) is an `action: { label, url }`.
      if (whole.trimStart().startsWith("{")) continue;
      // In a conditional only its outcomes are names; Prisma's orderBy says "asc" or "desc".
      const expression = whole.includes("?") ? whole.slice(whole.indexOf("?") + 1) : whole;
      if (/^"(asc|desc)"$/.test(expression.trim())) continue;
      for (const literal of expression.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`/g)) {
        const value = literal[1] ?? literal[2] ?? literal[3]!;
        if (literal[3] !== undefined && value.includes("${")) uses.push({ file, name: value.slice(0, value.indexOf("${")), kind: "prefix" });
        else if (/startsWith:\s*$/.test(expression.slice(0, literal.index))) uses.push({ file, name: value, kind: "prefix" });
        else uses.push({ file, name: value, kind: "name" });
      }
    }
    if (/INSERT INTO "AuditEntry"/.test(text)) {
      for (const literal of text.matchAll(/'([^'\n]+)'/g)) if (ACTION_SHAPE.test(literal[1]!)) uses.push({ file, name: literal[1]!, kind: "name" });
    }
    return uses;
  });
}

describe("the audit action catalogue", () => {
  const uses = actionUses();

  it("finds the action names of the whole code base, also those written without recordAudit", () => {
    const names = new Set(uses.filter((use) => use.kind === "name").map((use) => use.name));
    expect(names.size).toBeGreaterThan(50);
    // The refusal helper, the answer write in SQL, the demo seed, the command-line beheerder, a conditional.
    for (const name of [
      "toegang.geweigerd",
      "antwoord.opgeslagen",
      "demo.zelfscan-aangemaakt",
      "account.beheerder-via-opdrachtregel",
      "meetronde.gesloten",
      "opmerking.beantwoord",
    ]) {
      expect(names, name).toContain(name);
    }
    expect(uses).toContainEqual({ file: path.join("lib", "audit", "export.ts"), name: "export.", kind: "prefix" });
  });

  it("holds every action name used in the code", () => {
    const missing = uses.filter((use) => use.kind === "name" && !isAuditAction(use.name)).map((use) => `${use.file}: ${use.name}`);
    expect(missing).toEqual([]);
    const unmatchedPrefixes = uses
      .filter((use) => use.kind === "prefix" && !AUDIT_ACTIONS.some((action) => action.startsWith(use.name)))
      .map((use) => `${use.file}: ${use.name}…`);
    expect(unmatchedPrefixes).toEqual([]);
  });

  it("holds only actions the code writes (an export's by its kind)", () => {
    const names = new Set(uses.filter((use) => use.kind === "name").map((use) => use.name));
    const writtenByKind = uses.filter((use) => use.kind === "prefix" && use.file.endsWith(path.join("audit", "export.ts"))).map((use) => use.name);
    expect(AUDIT_ACTIONS.filter((action) => !names.has(action) && !writtenByKind.some((prefix) => action.startsWith(prefix)))).toEqual([]);
  });

  it("names every action as <domain>.<what happened>", () => {
    for (const action of [...AUDIT_ACTIONS, ...Object.keys(FORMER_AUDIT_ACTION_LABEL)]) expect(action).toMatch(ACTION_SHAPE);
  });

  it("gives every action a non-empty, unique Dutch label", () => {
    const labels = [...Object.entries(AUDIT_ACTION_LABEL), ...Object.entries(FORMER_AUDIT_ACTION_LABEL)];
    const english = /\b(the|and|of|by|with|created|updated|changed|deleted|removed|failed|login|logged|user|session|password|export(ed)?|sign(ed)?)\b/i;
    for (const [action, label] of labels) {
      expect(label, action).toBe(label.trim());
      expect(label, action).toMatch(/^[A-Z][a-zA-Zëéèïöüäá ,()'’-]+$/);
      expect(label, action).not.toMatch(english);
      expect(label.toLowerCase(), action).not.toBe(action.toLowerCase());
    }
    const seen = new Map<string, string>();
    for (const [action, label] of labels) {
      expect(seen.get(label.toLowerCase()), `${action} and ${seen.get(label.toLowerCase())} share "${label}"`).toBeUndefined();
      seen.set(label.toLowerCase(), action);
    }
  });

  it("keeps the actions older versions wrote apart from those written now", () => {
    for (const action of Object.keys(FORMER_AUDIT_ACTION_LABEL)) expect(isAuditAction(action), action).toBe(false);
  });

  it("labels a stored action, a former one, and shows an unknown name as it is", () => {
    expect(auditActionLabel("toegang.geweigerd")).toBe("Toegang geweigerd");
    expect(auditActionLabel("antwoord.opgeslagen")).toBe("Antwoord opgeslagen");
    expect(auditActionLabel("auth.inlog-geblokkeerd")).toBe("Inloggen geblokkeerd (te veel pogingen)");
    expect(auditActionLabel("iets.onbekends")).toBe("iets.onbekends");
    expect(isAuditAction("toString")).toBe(false);
    expect(auditActionLabel("toString")).toBe("toString");
  });
});
