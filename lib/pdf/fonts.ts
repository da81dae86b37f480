// The document font, shipped with the application (Noto Sans, latin subset: all Dutch diacritics)
// and inlined as data URLs, so the PDF looks the same on every server and embeds its fonts.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

export function fontFaceCss(): string {
  if (cached) return cached;
  // Read from node_modules at run time. (A bundled require.resolve() yields a module id, not a
  // path, in a production build.) The app always runs from the project folder.
  const dir = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files");
  const face = (weight: number) => {
    const data = readFileSync(path.join(dir, `noto-sans-latin-${weight}-normal.woff2`)).toString("base64");
    return `@font-face { font-family: "Noto Sans"; font-style: normal; font-weight: ${weight}; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
  };
  cached = `${face(400)}\n${face(700)}`;
  return cached;
}
