// The safety checks of an upload on real files (tests/support/document-fixtures.ts) and a real
// clamd on loopback (tests/support/clamd.ts): the type found in the content, zip bombs refused
// without being unpacked, and the virus scan's four outcomes.
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { MAX_UNPACKED_BYTES, inspectFile } from "@/lib/documenten/inspect";
import { scanFile } from "@/lib/documenten/virus-scan";
import { MAX_DOCUMENT_BYTES } from "@/lib/shared/documenten/documents";
import { EICAR_EMBEDDED_FOUND, EICAR_FOUND, freePort, startClamd, type Clamd } from "@/tests/support/clamd";
import { fixtures } from "@/tests/support/document-fixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "document-safety-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

describe("inspectFile", () => {
  it.each([
    ["pdf", "pdf", "application/pdf", "pdf"],
    ["docx", "word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["xlsx", "excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
    ["odt", "opendocument", "application/vnd.oasis.opendocument.text", "odt"],
    ["png", "afbeelding", "image/png", "png"],
    ["doc", "word", "application/msword", "doc"],
    ["xls", "excel", "application/vnd.ms-excel", "xls"],
    // The size limit is the pipeline's (it counts while spooling); the content is a PDF.
    ["large", "pdf", "application/pdf", "pdf"],
  ] as const)("accepts the %s fixture as %s (%s, .%s)", async (fixture, kind, mediaType, extension) => {
    const file = await fixtures[fixture](dir);
    expect(await inspectFile(file)).toEqual({ ok: true, kind, mediaType, extension });
  });

  it("finds the type in the content, not in the name", async () => {
    const docx = await fixtures.docx(dir, "regiovisie.pdf");
    expect(await inspectFile(docx)).toMatchObject({ ok: true, kind: "word", extension: "docx" });
    const pdf = await fixtures.pdf(dir, "zonder-extensie");
    expect(await inspectFile(pdf)).toMatchObject({ ok: true, kind: "pdf", extension: "pdf" });
  });

  it.each([
    ["htmlAsPdf", "verkeerd-type"],
    ["svgWithScript", "verkeerd-type"],
    ["exe", "verkeerd-type"],
    ["plainZip", "verkeerd-type"],
    ["msi", "verkeerd-type"],
    ["eicar", "verkeerd-type"],
    ["zipTraversal", "onveilig"],
    ["manyEntries", "onveilig"],
    ["empty", "leeg"],
  ] as const)("refuses the %s fixture as %s", async (fixture, reason) => {
    const file = await fixtures[fixture](dir);
    expect(await inspectFile(file)).toEqual({ ok: false, reason });
  });

  it("accepts a docx of 9 000 entries (under the entry limit)", async () => {
    const file = await fixtures.manyEntries(dir, "genoeg.docx", 9_000);
    expect(await inspectFile(file)).toMatchObject({ ok: true, kind: "word" });
  });

  it("accepts a document's zip with a 1 MiB part (the bomb's structure is a valid docx)", async () => {
    const file = await fixtures.zipBomb(dir, "klein.docx", 1024 * 1024);
    expect(await inspectFile(file)).toMatchObject({ ok: true, kind: "word" });
  });

  // Inflating 1 GiB of zeros takes about 3 s on this machine; the checks take milliseconds
  // because they never unpack more than the headers allow.
  it("refuses a zip bomb disguised as .docx (1 GiB of zeros) without unpacking it", async () => {
    const file = await fixtures.zipBomb(dir);
    const { result, ms } = await timed(() => inspectFile(file));
    console.info(`zip-bom (eerlijke koppen): ${ms.toFixed(0)} ms`);
    expect(result).toEqual({ ok: false, reason: "onveilig" });
    expect(ms).toBeLessThan(1_000);
  });

  it("refuses a zip bomb whose headers claim 1 KiB, stopping where the lie shows", async () => {
    const file = await fixtures.lyingZipBomb(dir);
    const { result, ms } = await timed(() => inspectFile(file));
    console.info(`zip-bom (liegende koppen): ${ms.toFixed(0)} ms`);
    expect(result).toEqual({ ok: false, reason: "onveilig" });
    expect(ms).toBeLessThan(1_000);
    // Also a small lie, far below every limit: an entry may not unpack beyond what it declares.
    expect(await inspectFile(await fixtures.lyingZipBomb(dir, "klein-gelogen.docx", 1024 * 1024))).toEqual({ ok: false, reason: "onveilig" });
  });

  it("refuses a zip that unpacks to more than 100 times its size once that is more than a little", async () => {
    // 150 MiB of zeros: under MAX_UNPACKED_BYTES, but some 200 times the file's size.
    expect(150 * 1024 * 1024).toBeLessThan(MAX_UNPACKED_BYTES);
    const file = await fixtures.zipBomb(dir, "verhouding.docx", 150 * 1024 * 1024);
    expect(await inspectFile(file)).toEqual({ ok: false, reason: "onveilig" });
  });
});

describe("scanFile", () => {
  let clamd: Clamd;
  beforeAll(async () => {
    const { result, ms } = await timed(() => startClamd());
    clamd = result;
    console.info(`clamd gestart in ${ms.toFixed(0)} ms op poort ${clamd.port}`);
  });
  afterAll(() => clamd?.stop());
  const settings = () => ({ host: clamd.host, port: clamd.port });

  it("finds the EICAR test file, and the EICAR string inside a valid PDF", async () => {
    expect(await scanFile(await fixtures.eicar(dir), settings())).toEqual({
      status: "besmet",
      signature: expect.stringMatching(new RegExp(`^(${EICAR_FOUND}|${EICAR_EMBEDDED_FOUND})$`)),
    });
    const pdf = await fixtures.eicarPdf(dir);
    expect(await inspectFile(pdf)).toMatchObject({ ok: true, kind: "pdf" });
    expect(await scanFile(pdf, settings())).toEqual({ status: "besmet", signature: EICAR_EMBEDDED_FOUND });
  });

  it("passes clean documents, a 25 MB one included (clamd's StreamMaxLength must allow it)", async () => {
    for (const make of [fixtures.pdf, fixtures.docx, fixtures.xlsx, fixtures.png])
      expect(await scanFile(await make(dir), settings())).toEqual({ status: "schoon" });
    const large = await fixtures.large(dir, "precies-25-mb.pdf", MAX_DOCUMENT_BYTES);
    const { result, ms } = await timed(() => scanFile(large, settings()));
    console.info(`scan van 25 MB: ${ms.toFixed(0)} ms`);
    expect(result).toEqual({ status: "schoon" });
  });

  it("is onbereikbaar when clamd is not running", async () => {
    const stopped = await startClamd();
    const address = { host: stopped.host, port: stopped.port };
    expect(await scanFile(await fixtures.pdf(dir), address)).toEqual({ status: "schoon" });
    await stopped.stop();
    expect(await scanFile(await fixtures.pdf(dir), address)).toEqual({ status: "onbereikbaar" });
  });

  it("is onbereikbaar when the scanner does not answer in time", async () => {
    // A server that accepts the connection and never says a word.
    const connections = new Set<net.Socket>();
    const silent = net.createServer((socket) => connections.add(socket));
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    const file = await fixtures.pdf(dir);
    try {
      const { result, ms } = await timed(() => scanFile(file, { host: "127.0.0.1", port, timeoutMs: 500 }));
      expect(result).toEqual({ status: "onbereikbaar" });
      expect(ms).toBeLessThan(5_000);
    } finally {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("is niet-gescand without CLAMAV_HOST (the tests' environment has none)", async () => {
    expect(env().CLAMAV_HOST).toBeUndefined();
    expect(await scanFile(await fixtures.eicar(dir))).toEqual({ status: "niet-gescand" });
  });
});
