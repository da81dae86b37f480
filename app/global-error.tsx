"use client";

import { ErrorMessage } from "@/components/ui/ErrorMessage";
import "./globals.css";

// When even the root layout fails (it reads the session from the database), this replaces it.
export default function GlobalError() {
  return (
    <html lang="nl">
      <head>
        <title>Storing | Zelfscan Werken aan Veiligheid</title>
      </head>
      <body className="bg-white font-sans text-slate-900">
        <main className="mx-auto w-full max-w-5xl px-4 py-8">
          {/* A full reload: the layout itself must be rendered again. */}
          <ErrorMessage onRetry={() => window.location.reload()} />
        </main>
      </body>
    </html>
  );
}
