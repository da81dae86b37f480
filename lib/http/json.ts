// Reading a JSON request body with a size limit: an oversized or malformed body is a clear 4xx.
const MAX_JSON_BYTES = 256 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: Response.json({ fout: "Het verzoek is te groot." }, { status: 413 }) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: Response.json({ fout: "Het verzoek is te groot." }, { status: 413 }) };
  // NUL cannot be stored in PostgreSQL text; refusing it here keeps every handler from a 500.
  if (text.includes("\u0000") || text.includes("\\u0000")) {
    return { ok: false, response: Response.json({ fout: "Het verzoek bevat onzichtbare stuurtekens (NUL)." }, { status: 400 }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: Response.json({ fout: "Het verzoek is geen geldige JSON." }, { status: 400 }) };
  }
}
