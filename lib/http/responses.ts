// Answers of route handlers: never cached, errors in Dutch, 404 for anything outside the scope.
export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function notSignedIn(): Response {
  return Response.json({ fout: "U bent niet ingelogd." }, { status: 401, headers: NO_STORE });
}

/** 405: the address exists, the method not (a download answers GET only: a HEAD would count as one). */
export function methodNotAllowed(allow: string): Response {
  return new Response(null, { status: 405, headers: { ...NO_STORE, Allow: allow } });
}

export function notFoundResponse(): Response {
  return Response.json({ fout: "Niet gevonden." }, { status: 404, headers: NO_STORE });
}

export function attachment(body: string | Uint8Array, filename: string, contentType: string): Response {
  return new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
    headers: {
      ...NO_STORE,
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
