// A printable document from React components: the same components the pages render, as static
// HTML with the document font inlined, ready for lib/pdf/render.ts. React escapes every text it
// renders, so text typed by users stays text in the PDF as on the page.
import "server-only";
import type { ReactNode } from "react";
import { fontFaceCss } from "./fonts";

export type PrintDocument = {
  /** The document's title: the <title>, which Chromium writes into the PDF's metadata. */
  title: string;
  /** The document's print stylesheet (static text of the application, never user input). */
  css: string;
  body: ReactNode;
};

/**
 * The whole HTML document. react-dom/server is imported when called, not at the top: Next.js
 * compiles route handlers as React Server Components, where a static import of react-dom/server
 * is refused (the way @react-email/render does it). The components rendered here must therefore
 * be plain server components without hooks, as presentational components are.
 */
export async function printDocumentHtml({ title, css, body }: PrintDocument): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <html lang="nl">
      {/* A standalone document for Chromium, not a Next.js page: next/head has no place here. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: `${fontFaceCss()}\n${css}` }} />
      </head>
      <body>{body}</body>
    </html>,
  )}`;
}
