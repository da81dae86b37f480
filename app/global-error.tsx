"use client";

import { ErrorMessage } from "@/components/ui/ErrorMessage";
import "./globals.css";

// When even the root layout fails (it reads the session from the database), this replaces it. The
// layout's request id is not there then: the reference is the error's digest, which the log line of
// the failure (instrumentation.ts, "request.fout") carries beside the request id.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="nl">
      <head>
        <title>Storing | Zelfscan Werken aan Veiligheid</title>
      </head>
      <body className="bg-white font-sans text-slate-900">
        <main className="mx-auto w-full max-w-5xl px-4 py-8">
          {/* A full reload: the layout itself must be rendered again. */}
          <ErrorMessage onRetry={() => window.location.reload()} reference={error.digest} />
        </main>
      </body>
    </html>
  );
}
