"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

// The reference on the error page, under which the beheerder finds the failure in the log.
// - The root layout gives the id of the request that rendered this document (server.mjs's
//   X-Request-Id). It is rendered once per document, not again for a client-side navigation, a
//   change of the query string or a server action, so that id names the failure only when the
//   error page is part of the document's own first render.
// - Every later failure (and the failure of the root layout itself, global-error.tsx) is named by
//   the error's digest, which the failure's log line (instrumentation.ts, "request.fout") carries
//   beside its own request id.
// - An error without a digest happened in the browser alone: nothing about it is in the server's
//   log, so no reference is shown rather than a misleading one.
const RequestReferenceContext = createContext<string | undefined>(undefined);

// Set once the document's first render has been committed in the browser. Never set on the
// server (effects do not run there), so the server's render and the hydration agree.
let documentCommitted = false;

export function RequestReferenceProvider({ requestId, children }: { requestId: string | undefined; children: ReactNode }) {
  useEffect(() => {
    documentCommitted = true;
  }, []);
  return <RequestReferenceContext value={requestId}>{children}</RequestReferenceContext>;
}

/** The reference for the error page: the document's request id if the error came with the document, else the error's digest. */
export function useErrorReference(digest: string | undefined): string | undefined {
  const requestId = useContext(RequestReferenceContext);
  const [withDocument] = useState(() => !documentCommitted);
  if (!digest) return undefined;
  return withDocument && requestId ? requestId : digest;
}
