// The document font, shipped with the application (Noto Sans, latin subset: all Dutch diacritics)
// and inlined as data URLs, so the PDF looks the same on every server and embeds its fonts.
import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let cached: string | undefined;

function fontDirectory(): string {
  // In a Next.js server bundle require.resolve gives the bundler's module id (a number), not a
  // path; the package is then found in the application's node_modules.
  const resolved: unknown = createRequire(import.meta.url).resolve("@fontsource/noto-sans/package.json");
  if (typeof resolved === "string") return path.join(path.dirname(resolved), "files");
  return path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files");
}

export function fontFaceCss(): string {
  if (cached) return cached;
  const dir = fontDirectory();
  const face = (weight: number) => {
    const data = readFileSync(path.join(dir, `noto-sans-latin-${weight}-normal.woff2`)).toString("base64");
    return `@font-face { font-family: "Noto Sans"; font-style: normal; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
  };
  cached = `${face(400)}\n${face(700)}`;
  return cached;
}
