// What poppler reads from a PDF, for the tests that check the exports: the metadata (pdfinfo), the
// fonts (pdffonts), the text (pdftotext) and the tagged structure (pdfinfo -struct), and the
// structure with its text (pdfinfo -struct-text), so that a test can compare the headings and
// tables of a PDF with those of the page it mirrors. (-struct-text takes poppler a long time on a
// document with hundreds of table cells: seconds for the verbeterplan, a minute for the regional
// overview, whose rows a test reads from the laid-out text instead.)
import { execFileSync } from "node:child_process";

export type StructNode = { type: string; texts: string[]; children: StructNode[] };

export type PdfFacts = {
  title: string | null;
  tagged: boolean;
  pages: number;
  /** The document's language from its catalog (/Lang), as a screen reader gets it. */
  lang: string | null;
  fonts: { name: string; embedded: boolean }[];
  /** The text in reading order (pdftotext). */
  text: string;
  /** The text as laid out on the page (pdftotext -layout): a table row on one line. */
  layout: string;
  /** The tagged elements, without their text. */
  structure: StructNode;
};

/** Every space removed: text broken over lines in a PDF compares equal to the page's text. */
export const squeeze = (text: string) => text.replace(/\s+/g, "");

export function readPdf(file: string, contents: Buffer): PdfFacts {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
    .trim()
    .split("\n")
    .slice(2)
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type [encoding words] emb sub uni object ID: "emb" is the fifth column from the end.
      return { name: columns[0]!, embedded: columns.at(-5) === "yes" };
    });
  return {
    title: /^Title:\s+(.*)$/m.exec(info)?.[1] ?? null,
    tagged: /^Tagged:\s+yes$/m.test(info),
    pages: Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1] ?? 0),
    lang: /\/Lang \(([^)]*)\)/.exec(contents.toString("latin1"))?.[1] ?? null,
    fonts,
    text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }),
    layout: execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }),
    structure: parseStructure(execFileSync("pdfinfo", ["-struct", file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
  };
}

/** The tagged elements with their text. */
export function readStructureText(file: string): StructNode {
  return parseStructure(
    execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 }),
  );
}

/** The laid-out lines of the text with their spaces collapsed: "Delft Ingediend 1,51 2 3 …". */
export function layoutLines(pdf: Pick<PdfFacts, "layout">): string[] {
  return pdf.layout
    .split("\n")
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

/** The tree `pdfinfo -struct-text` prints: one element per line, nested by indentation; text in quotes. */
function parseStructure(output: string): StructNode {
  const root: StructNode = { type: "root", texts: [], children: [] };
  const stack: { indent: number; node: StructNode }[] = [{ indent: -1, node: root }];
  for (const line of output.split("\n")) {
    const content = line.trim();
    if (!content || content.startsWith("/")) continue;
    const indent = line.length - line.trimStart().length;
    while (stack.length > 1 && stack.at(-1)!.indent >= indent) stack.pop();
    const parent = stack.at(-1)!.node;
    if (content.startsWith('"')) {
      parent.texts.push(content.replace(/^"|"$/g, ""));
      continue;
    }
    const node: StructNode = { type: content.split(/[\s:]/)[0]!, texts: [], children: [] };
    parent.children.push(node);
    stack.push({ indent, node });
  }
  return root;
}

export function nodesOf(node: StructNode, type: string): StructNode[] {
  return [...(node.type === type ? [node] : []), ...node.children.flatMap((child) => nodesOf(child, type))];
}

/**
 * The text of an element in reading order. A table header repeated on every page it spans is
 * marked as the same element, so a run that repeats the one before it is left out.
 */
export function textOf(node: StructNode): string {
  const runs = [...node.texts, ...node.children.map(textOf)];
  return runs.filter((run, index) => run !== "" && run !== runs[index - 1]).join(" ");
}

export function headingsOf(structure: StructNode, level: number): string[] {
  return nodesOf(structure, `H${level}`).map(textOf);
}

/** A table as rows of cells (header cells marked), found by its caption. */
export function tableOf(structure: StructNode, caption: string | RegExp): { cells: { header: boolean; text: string }[] }[] {
  const table = nodesOf(structure, "Table").find((candidate) => {
    const text = textOf(nodesOf(candidate, "Caption")[0] ?? { type: "", texts: [], children: [] });
    return typeof caption === "string" ? squeeze(text) === squeeze(caption) : caption.test(text);
  });
  if (!table) throw new Error(`Geen tabel met het bijschrift ${caption} in de PDF.`);
  return nodesOf(table, "TR").map((row) => ({
    cells: row.children.filter((cell) => cell.type === "TH" || cell.type === "TD").map((cell) => ({ header: cell.type === "TH", text: textOf(cell) })),
  }));
}
