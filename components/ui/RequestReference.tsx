"use client";

import { usePathname } from "next/navigation";
import { createContext, useContext, useState, type ReactNode } from "react";

// The id of the request that rendered this page (server.mjs's X-Request-Id, given by the root
// layout), for the reference on the error page: the beheerder finds every log line of the request
// under it. The root layout is rendered once per document, not again on a client-side navigation,
// so once the user has moved to another address the id belongs to an earlier request and is
// withheld; the error page then shows the error's digest, which the log line of the failure
// (instrumentation.ts, "request.fout") carries beside the request id.
const RequestReferenceContext = createContext<string | undefined>(undefined);

export function RequestReferenceProvider({ requestId, children }: { requestId: string | undefined; children: ReactNode }) {
  const pathname = usePathname();
  const [documentPath] = useState(pathname);
  const [navigated, setNavigated] = useState(false);
  // Adjusting state while rendering (React's pattern for state derived from a changed value).
  if (!navigated && pathname !== documentPath) setNavigated(true);
  return <RequestReferenceContext value={navigated ? undefined : requestId}>{children}</RequestReferenceContext>;
}

/** The reference for the error page: this document's request id, else the error's digest. */
export function useErrorReference(digest: string | undefined): string | undefined {
  return useContext(RequestReferenceContext) ?? digest;
}
