#!/usr/bin/env node
// One vocabulary (issue 13, point 5): renames the identifiers of the Zelfscan code base to the
// glossary (docs/glossary.md). Run from anywhere:   node /work/rename/codemod.mjs [--repo DIR] [--dry-run | --check]
// A statement whose leading comment says "codemod: keep" is left as it is (e.g. a test that writes
// rows under the old column names on purpose).
//
// It works on the syntax tree and the type checker of the project's own TypeScript (DIR/node_modules/
// typescript), never on raw text, so that words in Dutch UI text, comments, CSS classes ("items-center")
// and TypeScript's own `unknown` keyword are never touched. Idempotent: on a renamed tree it changes nothing.
// It stops (exit 1) before writing anything when it meets a case its rules do not decide.
//
// Steps: 1. decide every identifier and string of the old tree (the checker needs the old, consistent
// tree); 2. write the edits; 3. `git mv` the files and folders whose names change; 4. rename the fields
// in prisma/schema.prisma; 5. `prisma generate`.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const repo = path.resolve(args.includes("--repo") ? args[args.indexOf("--repo") + 1] : process.cwd());
// --check: like --dry-run, and exit 2 when anything would change (for CI or after a merge).
const check = args.includes("--check");
const dryRun = args.includes("--dry-run") || check;
const require = createRequire(path.join(repo, "package.json"));
const ts = require("typescript");

// ---------------------------------------------------------------------------------------------
// The rules.

// Names that mean one domain thing wherever they occur as an identifier (and as a string that
// names a property: Pick<T, "unknown">, register("itemIds"), path: ["targetLevel"]).
const ALWAYS = {
  // onderdeel (a scored part of the framework: a sub-item such as "3a", or an eis without sub-items)
  itemId: "onderdeelId",
  itemIds: "onderdeelIds",
  _itemId: "_onderdeelId",
  zelfscanId_itemId: "zelfscanId_onderdeelId",
  FrameworkItem: "Onderdeel",
  getItem: "getOnderdeel",
  ItemView: "OnderdeelView",
  ItemState: "OnderdeelState",
  ItemHandle: "OnderdeelHandle",
  ItemOption: "OnderdeelOption",
  ItemResult: "OnderdeelResult",
  isItemComplete: "isOnderdeelComplete",
  scoreItem: "scoreOnderdeel",
  comparableItems: "comparableOnderdelen",
  allItems: "allOnderdelen",
  byItem: "byOnderdeel",
  itemStats: "onderdeelStats",
  itemError: "onderdeelError",
  conflictItem: "conflictOnderdeel",
  checkItems: "checkOnderdelen",
  itemValues: "onderdeelValues",
  itemLabel: "onderdeelLabel",
  commentsByItem: "commentsByOnderdeel",
  actionItemIds: "actionOnderdeelIds",
  httpSaveItem: "httpSaveOnderdeel",
  directItems: "directOnderdelen",
  // doelniveau
  targetLevel: "doelniveau",
  atTarget: "opDoelniveau",
  // weet ik niet
  unknown: "weetIkNiet",
  unknowns: "weetIkNietOnderdelen",
  // meetronde
  ronde: "meetronde",
  rondes: "meetrondes",
  Ronde: "Meetronde",
  rondeStatus: "meetrondeStatus",
  RondeVoortgang: "MeetrondeVoortgang",
  DemoRonde: "DemoMeetronde",
  openRondes: "openMeetrondes",
  existingRonde: "existingMeetronde",
  leidenRonde: "leidenMeetronde",
  eldersRonde: "eldersMeetronde",
  rondeRow: "meetrondeRow",
  rondeName: "meetrondeName",
  round: "meetronde",
  rounds: "meetrondes",
  roundIds: "meetrondeIds",
  roundScans: "meetrondeScans",
  compareRounds: "compareMeetrondes",
  RoundComparison: "MeetrondeComparison",
  haaglandenRoundIds: "haaglandenMeetrondeIds",
  RONDE_STATUSES: "MEETRONDE_STATUSES",
  DEMO_RONDES: "DEMO_MEETRONDES",
  EXPECTED_ITEM_IDS: "EXPECTED_ONDERDEEL_IDS",
};

// A declaration that gets another new name than the table says (the table's name is taken in its scope).
// Key: "<file>#<declaration path>" of the old tree.
const OVERRIDES = {
  // A helper that makes a meetronde, next to loop variables called ronde (→ meetronde).
  "tests/integration/editable-rule.test.ts#round": "makeMeetronde",
};

// Names that are an onderdeel only sometimes ("item" is also a breadcrumb, a nav entry, a summary
// line, an exported row). Decided per declaration: by its type, or by the list below.
const CONTEXTUAL = { item: "onderdeel", items: "onderdelen", target: "doelniveau" };

// Types whose values are onderdelen (or per-onderdeel views of them). A declaration named item/items
// whose type is one of these (or an array/readonly array/optional of one) is renamed.
const ONDERDEEL_TYPES = new Set(["FrameworkItem", "Onderdeel", "ItemView", "OnderdeelView", "ItemOption", "OnderdeelOption", "ItemResult", "OnderdeelResult"]);

// Declarations of item/items/target that mean onderdeel(en)/doelniveau although their type does not say
// so (a count, a map by onderdeel id, a projection). Key: "<file>#<declaration path>", as printed in the
// report ("kept" lines show the paths of the declarations that were left alone).
const DECLARED = new Set([
  "lib/scoring/score.ts#ScanScore.counts.items", // the number of onderdelen
  "lib/scoring/score.ts#ItemResult.target", // the doelniveau of one onderdeel
  "lib/scoring/score.ts#RequirementResult.target", // the mean doelniveau of an eis
  "lib/regio/aggregate.ts#HeatRow.items", // values per onderdeel id
  "lib/regio/aggregate.ts#Gap.gemeenten.target",
  "lib/regio/aggregate.ts#RoundComparison.gemeenten.items", // changes per onderdeel id
  "lib/regio/aggregate.ts#RoundComparison.regio.items",
  "lib/regio/queries.ts#listLoadedFrameworkVersions.items", // number of onderdelen of a version
  "components/regio/RegionaleActieForm.tsx#Requirement.items", // onderdelen of an eis, for the checkboxes
  "components/regio/RegionaleActieForm.tsx#RegionaleActieForm.item",
  "app/regios/[slug]/plan/page.tsx#RegioPlanPage.requirements.items", // the same projection, built for the form
  "lib/scoring/score.ts#scoreItem.target",
  "lib/regio/aggregate.ts#CommonGap.gemeenten.target",
  "lib/regio/aggregate.ts#commonGaps.short.target",
  "lib/regio/aggregate.ts#HeatMapRow.items",
  "lib/regio/aggregate.ts#compareRounds.gemeenten.items",
  "lib/regio/mutations.ts#listFrameworkVersionsForBeheer.items", // number of onderdelen of a loaded version
  "lib/beheer/kaderversies.ts#listFrameworkVersionsForBeheer.items", // the same, where main moved it
  "tests/integration/regio.test.ts#items", // the same, as the test expects it
  "tests/e2e/zelfscan-wizard.spec.ts#item", // the locator of one onderdeel's section on a step page
  "tests/e2e/verbeterplan.spec.ts#item", // the checkbox label of an onderdeel
  "lib/scoring/score.test.ts#items", // the expected counts: the number of onderdelen
  "lib/regio/view.ts#parseSort.item", // the onderdeel named by a sort key
]);
// The same paths after the rename, so that a second run still recognises them (idempotence).
for (const key of [...DECLARED]) DECLARED.add(renamePath(key));
// Keys are matched by file name and declaration path, so that a file moved to another folder
// (lib/regio/view.ts → lib/shared/regio/view.ts) keeps its decisions.
const byName = (key) => key.replace(/^(?:.*\/)?([^/#]+#)/, "$1");
const inTable = (table, key) => {
  const short = byName(key);
  for (const k of table instanceof Set ? table : Object.keys(table)) if (byName(k) === short) return table instanceof Set ? true : table[k];
  return undefined;
};

// Declarations that keep an ALWAYS/CONTEXTUAL name on purpose (another meaning). Same key format.
const KEEP_DECLARED = new Set([]);

// Files not touched at all.
const SKIP_FILES = [
  /^node_modules\//,
  /^lib\/generated\//,
  // The schema of the content files (content/frameworks/*.json): it describes a stored file format whose
  // keys stay as they are (requirements, subItems, scale.unknown); lib/framework/index.ts maps them.
  /^lib\/framework\/schema\.ts$/,
];

// Symbols declared in these files are never renamed where they are used (the content file format).
const FORMAT_FILES = [/^lib\/framework\/schema\.ts$/];

// Object literals whose keys are a stored or exported format, not identifiers: audit details (stored,
// append-only, shown in the audit export), and the rows of the user-facing exports.
const FORMAT_OBJECT_PROPERTIES = new Set(["details"]);

// Property accesses that keep their name: the URL's query parameters (UI text in the address bar).
const KEEP_ACCESS = [{ object: /^(query|searchParams|params\.searchParams)$/, name: "ronde" }];

// Strings that equal an old name and are data or UI text, not a property name; the codemod leaves them.
// Key: "<file>:<the string>" or "<file>:<the string>@<text just before it>". Anything not decided fails.
const KEEP_STRINGS = [
  { file: /^lib\/auth\/client-address\.test\.ts$/, text: "unknown" },
  { file: /^lib\/http\/server-gate\.test\.ts$/, text: "unknown" },
  // The sort key and the column kind of the heat map ("onderdeel-3a" in the URL already).
  { file: /^(lib|app|components|tests)\//, text: "item", before: /(by|kind|===|==|:)\s*$/ },
  { file: /^(lib|app|components|tests)\//, text: "items", before: /(by|kind|===|==|:)\s*$/ },
  // The name of a meetronde in a test fixture is data.
  { file: /^tests\//, text: "Ronde", before: /name:\s*$/ },
  // Column headers of the exports (UI text).
  { file: /^lib\/.*export-format(\.test)?\.ts$/, text: "item" },
];

// Options of the project's helpers whose string value is the key of a field of the input.
const FIELD_KEY_OPTIONS = { mutation: ["form"], invalidFromZod: ["under"], formAction: ["form"], serverAction: ["form"] };

// SQL inside template literals: quoted identifiers (columns, aliases) and JSON keys.
const SQL_COLUMNS = {
  itemId: "onderdeelId",
  itemIds: "onderdeelIds",
  targetLevel: "doelniveau",
  unknown: "weetIkNiet",
  rondeStatus: "meetrondeStatus",
  conflictItem: "conflictOnderdeel",
};
// JSON keys in SQL ('itemId'): renamed when code reads them back; kept in audit details.
// Matched against the SQL text just before the key's opening quote.
const SQL_KEEP_KEYS = [/jsonb_build_object\('zelfscanId', s\.id, $/];

// Prisma schema fields.
const PRISMA_FIELDS = { itemId: "onderdeelId", itemIds: "onderdeelIds", unknown: "weetIkNiet", targetLevel: "doelniveau" };

// File and folder names: a path segment (without extension) equal to a key is renamed.
const PATH_SEGMENTS = { "[itemId]": "[onderdeelId]", RondeVoortgang: "MeetrondeVoortgang", rondeStatus: "meetrondeStatus", "ronde-status": "meetronde-status" };

// Structural patches the renames need (file, old text, new text). Applied after the renames.
const PATCHES = [
  {
    file: "lib/framework/index.ts",
    // The content file calls the scale's "Weet ik niet" option "unknown"; the app's Scale calls it weetIkNiet.
    from: "    scale: raw.scale,\n",
    to: "    // The content file's \"unknown\" is the scale's Weet ik niet option (docs/glossary.md).\n    scale: { max: raw.scale.max, levels: raw.scale.levels, weetIkNiet: raw.scale.unknown },\n",
  },
  // A draft the browser kept (sessionStorage) from before the rename still names two fields the old
  // way; read it under the new names, so that an answer typed across the upgrade is not lost.
  // No file: the one code file that has the anchor (the autosave may move to another module).
  {
    file: null,
    from: "    return raw ? (JSON.parse(raw) as Draft) : null;\n",
    to: "    return raw ? withGlossaryNames(JSON.parse(raw) as Draft) : null;\n",
  },
  {
    file: null,
    from: "export function readDraft(",
    to: [
      "// codemod: keep. A draft stored in this browser before the rename of docs/glossary.md calls two of",
      "// its fields unknown and targetLevel; it is read under their new names, so that nothing typed is lost.",
      "function withGlossaryNames(draft: Draft): Draft {",
      "  const { unknown, targetLevel, ...values } = draft.values as TAnswerInput & { unknown?: boolean; targetLevel?: number };",
      "  if (unknown === undefined && targetLevel === undefined) return draft;",
      "  return { ...draft, values: { ...values, weetIkNiet: values.weetIkNiet ?? unknown ?? false, doelniveau: values.doelniveau ?? targetLevel! } };",
      "}",
      "",
      "export function readDraft(",
    ].join("\n"),
  },
];

// ---------------------------------------------------------------------------------------------

function renamePath(key) {
  const [file, decl] = key.split("#");
  const all = { ...ALWAYS, ...CONTEXTUAL };
  return `${file}#${decl
    .split(".")
    .map((part) => (Object.hasOwn(all, part) ? all[part] : part))
    .join(".")}`;
}

const git = (...a) => execFileSync("git", a, { cwd: repo, encoding: "utf8" });
const problems = [];
const changed = new Map(); // file -> [{old,new,count}]
const kept = new Map(); // "file#decl item" -> count
const note = (file, from, to) => {
  const list = changed.get(file) ?? new Map();
  list.set(`${from} → ${to}`, (list.get(`${from} → ${to}`) ?? 0) + 1);
  changed.set(file, list);
};

const tracked = git("ls-files").split("\n").filter(Boolean);
const codeFiles = tracked.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !SKIP_FILES.some((re) => re.test(f)) && existsSync(path.join(repo, f)));

// The program: every code file, with the project's compiler options.
const configPath = path.join(repo, "tsconfig.json");
const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, repo);
const program = ts.createProgram({
  rootNames: [...new Set([...config.fileNames, ...codeFiles.map((f) => path.join(repo, f))])],
  options: { ...config.options, noEmit: true, incremental: false },
});
const checker = program.getTypeChecker();
const rel = (sf) => path.relative(repo, sf.fileName).split(path.sep).join("/");

// The declaration path of a declaration node: names of the enclosing declarations, outermost first.
function declPath(node) {
  const parts = [];
  for (let n = node; n && !ts.isSourceFile(n); n = n.parent) {
    const name = n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) ? n.name.text : null;
    if (
      name &&
      (ts.isPropertySignature(n) ||
        ts.isPropertyAssignment(n) ||
        ts.isShorthandPropertyAssignment(n) ||
        ts.isPropertyDeclaration(n) ||
        ts.isTypeAliasDeclaration(n) ||
        ts.isInterfaceDeclaration(n) ||
        ts.isFunctionDeclaration(n) ||
        ts.isVariableDeclaration(n) ||
        ts.isMethodDeclaration(n) ||
        ts.isParameter(n) ||
        ts.isBindingElement(n) ||
        ts.isClassDeclaration(n))
    ) {
      parts.unshift(name);
    }
  }
  return parts.join(".");
}

function baseTypeNames(type) {
  // Names of the named types in a type, through unions, arrays, readonly arrays and Records.
  const out = new Set();
  const visit = (t, depth) => {
    if (!t || depth > 4) return;
    if (t.isUnion() || t.isIntersection()) return t.types.forEach((u) => visit(u, depth + 1));
    const sym = t.aliasSymbol ?? t.getSymbol();
    if (sym && (sym.name === "Array" || sym.name === "ReadonlyArray")) {
      return (checker.getTypeArguments(t) ?? []).forEach((u) => visit(u, depth + 1));
    }
    if (t.aliasSymbol) out.add(t.aliasSymbol.name);
    else if (sym) out.add(sym.name);
    else out.add(checker.typeToString(t));
  };
  visit(type, 0);
  out.delete("undefined");
  out.delete("null");
  return out;
}

const decisionCache = new Map();
// Decide one declaration of a contextual name: true = rename.
function decideDeclaration(decl, name) {
  if (decisionCache.has(decl)) return decisionCache.get(decl);
  const sf = decl.getSourceFile();
  const key = `${rel(sf)}#${declPath(decl)}`;
  let verdict;
  if (inTable(KEEP_DECLARED, key)) verdict = false;
  else if (inTable(DECLARED, key)) verdict = true;
  else if (name === "target")
    verdict = false; // only the listed ones (event.target, audit targets stay)
  else {
    const type = checker.getTypeAtLocation(decl.name ?? decl);
    const names = baseTypeNames(type);
    verdict = names.size > 0 && [...names].every((n) => ONDERDEEL_TYPES.has(n));
    if (!verdict && [...names].some((n) => ONDERDEEL_TYPES.has(n))) {
      problems.push(`${key}: "${name}" has a type that is partly an onderdeel (${[...names].join(" | ")}); add it to DECLARED or KEEP_DECLARED`);
    }
  }
  if (!verdict) kept.set(`${key}  (${name})`, (kept.get(`${key}  (${name})`) ?? 0) + 1);
  decisionCache.set(decl, verdict);
  return verdict;
}

// A declaration inside a format object or type ({ details: { itemId } }).
function inFormatHolder(decl) {
  const holder = decl.parent?.parent;
  if (!decl.parent || !(ts.isObjectLiteralExpression(decl.parent) || ts.isTypeLiteralNode(decl.parent)) || !holder) return false;
  return (ts.isPropertyAssignment(holder) || ts.isPropertySignature(holder)) && ts.isIdentifier(holder.name) && FORMAT_OBJECT_PROPERTIES.has(holder.name.text);
}
const isFormatSymbol = (sym) =>
  sym?.declarations?.length > 0 && sym.declarations.every((d) => FORMAT_FILES.some((re) => re.test(rel(d.getSourceFile()))) || inFormatHolder(d));

// A property key inside a format object (audit details, export rows).
function inFormatObject(node) {
  const obj = node.parent && (ts.isPropertyAssignment(node.parent) || ts.isShorthandPropertyAssignment(node.parent)) ? node.parent.parent : null;
  if (!obj || !ts.isObjectLiteralExpression(obj)) return false;
  const holder = obj.parent;
  return Boolean(holder && ts.isPropertyAssignment(holder) && ts.isIdentifier(holder.name) && FORMAT_OBJECT_PROPERTIES.has(holder.name.text));
}

// The symbol that decides a name at this location, following object-literal keys to the declared
// property of their contextual type.
function decidingSymbols(id) {
  const parent = id.parent;
  if (
    (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) &&
    parent.name === id &&
    ts.isObjectLiteralExpression(parent.parent)
  ) {
    const ctx = checker.getContextualType(parent.parent);
    const declared = ctx && ctx.getProperty ? ctx.getProperty(id.text) : undefined;
    if (ctx && ctx.isUnion && ctx.isUnion()) {
      const props = ctx.types.map((t) => t.getProperty?.(id.text)).filter(Boolean);
      if (props.length) return props;
    }
    if (declared) return [declared];
  }
  if (ts.isJsxAttribute(parent) && parent.name === id) {
    // <StepForm items={...}>: the prop of the component's props type.
    const ctx = checker.getContextualType(parent.parent);
    const prop = ctx?.getProperty?.(id.text);
    if (prop) return [prop];
  }
  if (ts.isBindingElement(parent) && parent.propertyName === id) {
    const pattern = parent.parent;
    const type = checker.getTypeAtLocation(pattern);
    const prop = type.getProperty?.(id.text);
    if (prop) return [prop];
  }
  const sym = checker.getSymbolAtLocation(id);
  return sym ? [sym] : [];
}

function decideIdentifier(id, name) {
  if (Object.hasOwn(ALWAYS, name)) {
    const syms = decidingSymbols(id);
    if (syms.some(isFormatSymbol)) return false;
    return true;
  }
  // CONTEXTUAL
  const syms = decidingSymbols(id);
  const decls = syms.flatMap((s) => s.declarations ?? []);
  if (syms.some(isFormatSymbol)) return false;
  if (decls.length === 0) {
    // An object literal without a declared type (e.g. an inline prop object): decide by the value.
    const parent = id.parent;
    if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) return decideDeclaration(parent, name);
    problems.push(`${rel(id.getSourceFile())}:${lineOf(id)}: no declaration found for "${name}"; the checker cannot decide it`);
    return false;
  }
  const verdicts = [...new Set(decls.map((d) => decideDeclaration(d, name)))];
  if (verdicts.length > 1) {
    problems.push(
      `${rel(id.getSourceFile())}:${lineOf(id)}: "${name}" refers to declarations that are decided differently: ${decls.map((d) => `${rel(d.getSourceFile())}#${declPath(d)}`).join(", ")}`,
    );
    return false;
  }
  return verdicts[0];
}

const lineOf = (node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;

// The new name of an identifier: the whole name, or its parts when it is a compound we know.
const newName = (name) => (Object.hasOwn(ALWAYS, name) ? ALWAYS[name] : CONTEXTUAL[name]);

function isTypeKeyString(lit) {
  // "unknown" in Pick<T, "unknown">, T["unknown"], Omit<...>, keyof checks.
  let n = lit.parent;
  if (ts.isLiteralTypeNode(n)) return true;
  return false;
}

function isFieldNameString(lit) {
  const p = lit.parent;
  // register("itemIds"), useController({ name: "unknown" }), setError("targetLevel"), path: ["targetLevel"]
  if (ts.isCallExpression(p) && p.arguments[0] === lit) {
    const callee = p.expression.getText();
    if (/(^|\.)(register|setValue|getValues|watch|setError|clearErrors|resetField|trigger|getFieldState|useController|useWatch)$/.test(callee)) return true;
  }
  // useController({ name: "unknown" }) (not every `name:`: a meetronde's name is data).
  if (ts.isPropertyAssignment(p) && p.initializer === lit && ts.isIdentifier(p.name) && p.name.text === "name") {
    const call = p.parent.parent;
    if (call && ts.isCallExpression(call) && /(^|\.)(useController|useWatch|useFieldArray)$/.test(call.expression.getText())) return true;
  }
  if (ts.isArrayLiteralExpression(p) && ts.isPropertyAssignment(p.parent) && ts.isIdentifier(p.parent.name) && p.parent.name.text === "path") return true;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === lit) return true;
  // Options that name a key of the input: mutation({ form: "ronde" }), invalidFromZod(error, { under: "ronde" }).
  if (ts.isPropertyAssignment(p) && p.initializer === lit && ts.isIdentifier(p.name) && ts.isObjectLiteralExpression(p.parent)) {
    const call = p.parent.parent;
    if (call && ts.isCallExpression(call)) {
      const callee = call.expression.getText().split(".").at(-1);
      if ((FIELD_KEY_OPTIONS[callee] ?? []).includes(p.name.text)) return true;
    }
  }
  // A string whose expected type is a set of property names (keyof ...), e.g. mutation({ form: "ronde" }):
  // the property it names is renamed, so is the string.
  const expected = checker.getContextualType(lit);
  const literals = expected ? (expected.isUnion() ? expected.types : [expected]) : [];
  if (literals.length > 0 && literals.every((t) => t.isStringLiteral()) && literals.some((t) => t.value === lit.text)) return true;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.InKeyword && p.left === lit) return true;
  return false;
}

const isSql = (text) =>
  /\b(SELECT|INSERT|UPDATE|DELETE)\b/.test(text) &&
  /"(Answer|Zelfscan|Meetronde|Comment|Verbeteractie|RegionaleActie|Gemeente|AuditEntry)"|\bFROM\b/.test(text);
function sqlEdit(text, file, line, whole = text) {
  if (!isSql(whole)) return null;
  let out = text;
  for (const [from, to] of Object.entries(SQL_COLUMNS)) {
    out = out.replace(new RegExp(`"${from}"`, "g"), () => (note(file, `"${from}" (SQL)`, `"${to}"`), `"${to}"`));
    if (from === "unknown") {
      out = out.replace(/(?<![\w"'$])unknown(?![\w"'])/g, () => (note(file, "unknown (SQL column)", `"${to}"`), `"${to}"`));
    }
  }
  out = out.replace(/'(itemId|itemIds)'/g, (m, key, offset, whole) => {
    const before = whole.slice(Math.max(0, offset - 80), offset);
    if (SQL_KEEP_KEYS.some((re) => re.test(before))) {
      kept.set(`${file}:${line} SQL JSON key '${key}' (audit details)`, 1);
      return m;
    }
    const to = SQL_COLUMNS[key];
    note(file, `'${key}' (SQL JSON key)`, `'${to}'`);
    return `'${to}'`;
  });
  return out === text ? null : out;
}

// ---------------------------------------------------------------------------------------------
// 1. Decide.
const edits = new Map(); // file -> [{start,end,text}]
const addEdit = (file, start, end, text, node = null) => {
  const list = edits.get(file) ?? [];
  list.push({ start, end, text, node });
  edits.set(file, list);
};
function overrideFor(node) {
  const sym = checker.getSymbolAtLocation(node);
  for (const d of sym?.declarations ?? []) {
    const key = `${rel(d.getSourceFile())}#${declPath(d)}`;
    const override = inTable(OVERRIDES, key);
    if (override) return override;
  }
  return undefined;
}

for (const file of codeFiles) {
  const sf = program.getSourceFile(path.join(repo, file));
  if (!sf) {
    problems.push(`${file}: not part of the TypeScript program`);
    continue;
  }
  const visit = (node) => {
    if (isKept(sf, node)) return;
    if (ts.isIdentifier(node)) {
      const name = node.text;
      if (!Object.hasOwn(ALWAYS, name) && !Object.hasOwn(CONTEXTUAL, name)) return;
      const p = node.parent;
      // Math.round, z.unknown() and other members of the platform and of libraries: declared in
      // node_modules (the Prisma client is generated into lib/generated, so its fields are renamed).
      {
        const declFiles = decidingSymbols(node)
          .flatMap((sym) => sym.declarations ?? [])
          .map((d) => d.getSourceFile().fileName);
        if (declFiles.length && declFiles.every((f) => f.includes("/node_modules/"))) {
          if (Object.hasOwn(ALWAYS, name)) kept.set(`${file}:${lineOf(node)} ${p.getText().slice(0, 60)} (declared in a library)`, 1);
          return;
        }
      }
      // URL query parameters are what the user sees in the address bar (?ronde=, ?van=, ?weergave=).
      if (ts.isPropertyAccessExpression(p) && p.name === node && KEEP_ACCESS.some((k) => k.name === name && k.object.test(p.expression.getText()))) {
        kept.set(`${file}:${lineOf(node)} ${p.getText()} (URL query parameter)`, 1);
        return;
      }
      // Keys of stored/exported format objects stay; a shorthand there keeps its key.
      if (inFormatObject(node) || (ts.isPropertySignature(p) && p.name === node && inFormatHolder(p))) {
        if (ts.isPropertySignature(p)) return;
        if (ts.isShorthandPropertyAssignment(p) && decideIdentifier(node, name)) {
          addEdit(file, node.getStart(), node.getEnd(), `${name}: ${newName(name)}`);
          note(file, `${name} (shorthand in ${p.parent.parent.name.text})`, `${name}: ${newName(name)}`);
        }
        return;
      }
      if (ts.isShorthandPropertyAssignment(p)) {
        // The key side (the declared property) and the value side (the variable) decide separately.
        const keyRenamed = decideIdentifier(node, name);
        const valueSym = checker.getShorthandAssignmentValueSymbol(p);
        const valueRenamed = Object.hasOwn(ALWAYS, name) ? !isFormatSymbol(valueSym) : (valueSym?.declarations ?? []).some((d) => decideDeclaration(d, name));
        const key = keyRenamed ? newName(name) : name;
        const value = valueRenamed ? newName(name) : name;
        if (key === name && value === name) return;
        addEdit(file, node.getStart(), node.getEnd(), key === value ? key : `${key}: ${value}`);
        note(file, name, key === value ? key : `${key}: ${value}`);
        return;
      }
      if (ts.isBindingElement(p) && p.name === node && !p.propertyName && ts.isObjectBindingPattern(p.parent)) {
        // const { item } = x: the property of x's type and the new local decide separately.
        const prop = decidingSymbols(Object.assign(Object.create(node), {}))[0];
        const typeProp = checker.getTypeAtLocation(p.parent).getProperty?.(name);
        const keyRenamed = Object.hasOwn(ALWAYS, name) ? !isFormatSymbol(typeProp) : (typeProp?.declarations ?? []).some((d) => decideDeclaration(d, name));
        const localRenamed = Object.hasOwn(ALWAYS, name) ? keyRenamed : decideDeclaration(p, name);
        void prop;
        const key = keyRenamed ? newName(name) : name;
        const local = localRenamed ? newName(name) : name;
        if (key === name && local === name) return;
        addEdit(file, node.getStart(), node.getEnd(), key === local ? key : `${key}: ${local}`);
        note(file, name, key === local ? key : `${key}: ${local}`);
        return;
      }
      if (decideIdentifier(node, name)) {
        const to = overrideFor(node) ?? newName(name);
        addEdit(file, node.getStart(), node.getEnd(), to, node);
        note(file, name, to);
      }
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const text = node.text;
      // Module specifiers of renamed files.
      if (
        ts.isImportDeclaration(node.parent) ||
        ts.isExportDeclaration(node.parent) ||
        (ts.isCallExpression(node.parent) && node.parent.expression.kind === ts.SyntaxKind.ImportKeyword)
      ) {
        const renamed = renameSpecifier(text);
        if (renamed !== text) {
          addEdit(file, node.getStart() + 1, node.getEnd() - 1, renamed);
          note(file, `import "${text}"`, `"${renamed}"`);
        }
        return;
      }
      if (ts.isNoSubstitutionTemplateLiteral(node)) {
        const sql = sqlEdit(text, file, lineOf(node));
        if (sql !== null) addEdit(file, node.getStart() + 1, node.getEnd() - 1, sql);
        if (sql !== null) return;
      }
      // Route patterns in strings: "PUT /api/zelfscans/[id]/antwoorden/[itemId]".
      if (/\/\[\w+\]|^\[\w+\]|\/\[\w+\]$/.test(text)) {
        const routed = text.replace(/\[(\w+)\]/g, (m) => (Object.hasOwn(PATH_SEGMENTS, m) ? PATH_SEGMENTS[m] : m));
        if (routed !== text) {
          addEdit(file, node.getStart() + 1, node.getEnd() - 1, routed);
          note(file, `"${text}"`, `"${routed}"`);
        }
        return;
      }
      if (!Object.hasOwn(ALWAYS, text) && !Object.hasOwn(CONTEXTUAL, text)) return;
      const before = sf.text.slice(Math.max(0, node.getStart() - 40), node.getStart());
      if (KEEP_STRINGS.some((k) => k.file.test(file) && k.text === text && (!k.before || k.before.test(before)))) return;
      // A compound name (itemIds, targetLevel, zelfscanId_itemId) in a string is always a field name;
      // a plain word (unknown, ronde, item) only where the string names a property.
      const compound = /[a-z][A-Z]|_/.test(text);
      if (Object.hasOwn(ALWAYS, text) && (compound || isTypeKeyString(node) || isFieldNameString(node))) {
        addEdit(file, node.getStart() + 1, node.getEnd() - 1, ALWAYS[text]);
        note(file, `"${text}"`, `"${ALWAYS[text]}"`);
        return;
      }
      // HTML ids and form field names in JSX (id="ronde" name="ronde": the URL's ?ronde= parameter).
      if (ts.isJsxAttribute(node.parent)) {
        kept.set(`${file}:${lineOf(node)} JSX attribute "${text}"`, 1);
        return;
      }
      if (Object.hasOwn(CONTEXTUAL, text) && isTypeKeyString(node)) {
        // Pick<T, "items">: decided by T's property.
        problems.push(`${file}:${lineOf(node)}: the string "${text}" names a property in a type; decide it by hand (KEEP_STRINGS) or rename it`);
        return;
      }
      problems.push(`${file}:${lineOf(node)}: the string "${text}" (…${before.replace(/\s+/g, " ")}) is neither a known field name nor listed in KEEP_STRINGS`);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      // SQL with ${...} parts: edit each literal part on its own.
      for (const part of [node.head, ...node.templateSpans.map((s) => s.literal)]) {
        const raw = sf.text.slice(part.getStart(), part.getEnd());
        const sql = sqlEdit(raw, file, lineOf(part), node.getText());
        if (sql !== null) addEdit(file, part.getStart(), part.getEnd(), sql);
      }
      node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

// "codemod: keep" in the comments just before a statement leaves that statement alone.
function isKept(sf, node) {
  if (!ts.isStatement(node) && !ts.isVariableStatement(node)) return false;
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  return ranges.some((r) => sf.text.slice(r.pos, r.end).includes("codemod: keep"));
}

function renameSegment(segment) {
  const ext = segment.match(/(\.[A-Za-z0-9.]+)$/)?.[1] ?? "";
  const stem = ext ? segment.slice(0, -ext.length) : segment;
  return (Object.hasOwn(PATH_SEGMENTS, stem) ? PATH_SEGMENTS[stem] : stem) + ext;
}
function renameSpecifier(spec) {
  if (!spec.startsWith(".") && !spec.startsWith("@/")) return spec;
  return spec
    .split("/")
    .map((s) => (s === "." || s === ".." || s === "@" ? s : renameSegment(s)))
    .join("/");
}

// Collisions: after the rename, a reference must still mean the same symbol. A renamed local clashes
// when another symbol visible at one of its references has (or gets) the same name.
const renamedTo = new Map();
for (const list of edits.values())
  for (const e of list)
    if (e.node) {
      const sym = checker.getSymbolAtLocation(e.node);
      if (sym) renamedTo.set(sym, e.text);
    }
for (const [file, list] of edits) {
  const sf = program.getSourceFile(path.join(repo, file));
  for (const e of list) {
    if (!e.node) continue;
    const sym = checker.getSymbolAtLocation(e.node);
    const isLocal = sym?.declarations?.some(
      (d) => (ts.isVariableDeclaration(d) || ts.isParameter(d) || ts.isBindingElement(d) || ts.isFunctionDeclaration(d)) && d.getSourceFile() === sf,
    );
    if (!isLocal) continue;
    const clash = checker
      .getSymbolsInScope(e.node, ts.SymbolFlags.Value | ts.SymbolFlags.Type | ts.SymbolFlags.Alias)
      .find((s) => s !== sym && (renamedTo.has(s) ? renamedTo.get(s) === e.text : s.name === e.text));
    if (clash) {
      problems.push(
        `${file}:${sf.getLineAndCharacterOfPosition(e.start).line + 1}: renaming "${e.node.text}" to "${e.text}" meets another "${e.text}" in scope (${clash.name}); add an OVERRIDES entry`,
      );
    }
  }
}

if (problems.length) {
  console.error(`codemod: ${problems.length} case(s) the rules do not decide; nothing was written:\n  ${[...new Set(problems)].join("\n  ")}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// 2. Write the edits.
let fileCount = 0;
for (const [file, list] of edits) {
  const abs = path.join(repo, file);
  let text = readFileSync(abs, "utf8");
  const sorted = list.sort((a, b) => b.start - a.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].end > sorted[i - 1].start) {
      console.error(`codemod: overlapping edits in ${file} at ${sorted[i].start}; nothing was written`);
      process.exit(1);
    }
  }
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  fileCount++;
  if (!dryRun) writeFileSync(abs, text);
}

for (const patch of PATCHES) {
  // The patch's file, or the one code file that has its old or its new form.
  const candidates = patch.file
    ? [patch.file]
    : codeFiles.filter((f) => {
        const t = readFileSync(path.join(repo, f), "utf8");
        return t.includes(patch.from) || t.includes(patch.to);
      });
  if (candidates.length !== 1 || !existsSync(path.join(repo, candidates[0]))) {
    console.error(
      `codemod: the patch below was found in ${candidates.length} files (${candidates.join(", ")}), not in exactly one; apply it by hand or adapt PATCHES:\n${patch.to}`,
    );
    process.exit(1);
  }
  const file = candidates[0];
  const abs = path.join(repo, file);
  const text = dryRun && edits.has(file) ? null : readFileSync(abs, "utf8");
  if (text === null) {
    note(file, "patch", patch.to.trim().split("\n").at(-1).trim());
    continue;
  }
  if (text.includes(patch.to)) continue;
  if (!text.includes(patch.from)) {
    console.error(`codemod: ${file}: neither the old nor the new form of the patch was found:\n${patch.from}`);
    process.exit(1);
  }
  note(file, "patch", patch.to.trim().split("\n").at(-1).trim());
  if (!dryRun) writeFileSync(abs, text.replace(patch.from, patch.to));
}

// 3. File and folder names (deepest first, so that a renamed folder's files move with it).
const moves = [];
const dirs = new Set();
for (const f of tracked) {
  const parts = f.split("/");
  for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
}
for (const p of [...dirs].sort((a, b) => b.split("/").length - a.split("/").length)) {
  const parts = p.split("/");
  const last = parts.at(-1);
  const renamed = renameSegment(last);
  if (renamed === last || SKIP_FILES.some((re) => re.test(p))) continue;
  const to = [...parts.slice(0, -1), renamed].join("/");
  if (!existsSync(path.join(repo, p))) continue;
  if (existsSync(path.join(repo, to))) {
    console.error(`codemod: cannot move ${p} to ${to}: it exists`);
    process.exit(1);
  }
  moves.push([p, to]);
}
for (const [from, to] of moves) {
  console.log(`git mv ${from} ${to}`);
  if (!dryRun) git("mv", from, to);
}

// 4. Prisma schema fields (outside comments).
const schemaPath = path.join(repo, "prisma/schema.prisma");
if (existsSync(schemaPath)) {
  const lines = readFileSync(schemaPath, "utf8").split("\n");
  let inModel = null;
  const out = lines.map((line) => {
    const model = line.match(/^model (\w+) \{/);
    if (model) inModel = model[1];
    if (/^\}/.test(line)) inModel = null;
    if (!inModel) return line;
    const at = line.indexOf("//");
    const code = at === -1 ? line : line.slice(0, at);
    const rest = at === -1 ? "" : line.slice(at);
    let next = code;
    // A field declaration: keep the type column where it was.
    const field = next.match(/^(\s+)(\w+)(\s+)(\S.*)?$/);
    if (field && Object.hasOwn(PRISMA_FIELDS, field[2])) {
      const to = PRISMA_FIELDS[field[2]];
      const pad = Math.max(1, field[2].length + field[3].length - to.length);
      note("prisma/schema.prisma", `${inModel}.${field[2]}`, to);
      next = `${field[1]}${to}${" ".repeat(pad)}${field[4] ?? ""}`;
    }
    for (const [from, to] of Object.entries(PRISMA_FIELDS)) {
      next = next.replace(new RegExp(`(?<![\\w"])${from}(?![\\w"])`, "g"), () => (note("prisma/schema.prisma", `${inModel}.${from}`, to), to));
    }
    return next + rest;
  });
  if (!dryRun) writeFileSync(schemaPath, out.join("\n"));
}

// 5. The Prisma client follows the schema.
if (!dryRun && changed.has("prisma/schema.prisma")) {
  execFileSync("npx", ["prisma", "generate"], {
    cwd: repo,
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false" },
  });
}

// Report (on stdout; problems go to stderr).
const totals = new Map();
for (const [file, list] of [...changed].sort()) {
  console.log(file);
  for (const [what, count] of list) {
    console.log(`  ${what}  ×${count}`);
    totals.set(what, (totals.get(what) ?? 0) + count);
  }
}
console.log("\nTotals:");
for (const [what, count] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${what}  ×${count}`);
console.log(`\nKept (item/items/target whose declaration is not an onderdeel/doelniveau):`);
for (const [what] of [...kept].sort()) console.log(`  ${what}`);
console.log(
  `\n${dryRun ? "(dry run) would change" : "changed"} ${fileCount} code file(s), ${moves.length} path(s) moved${changed.has("prisma/schema.prisma") ? ", prisma/schema.prisma" : ""}.`,
);
if (check && (fileCount > 0 || moves.length > 0 || changed.has("prisma/schema.prisma"))) {
  console.error("codemod --check: the tree does not follow the glossary yet (see above).");
  process.exit(2);
}
