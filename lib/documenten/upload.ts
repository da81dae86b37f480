// The upload pipeline of evidence documents: one file per request (multipart/form-data, streamed
// with busboy), never held whole in memory.
//   1. the target is looked up in the actor's scope first (an onderdeel they may edit, or a document
//      of their own gemeente's library), so that nothing is read for a request that is refused anyway;
//   2. the file is spooled to a temporary folder while its bytes are counted (more than 25 MB:
//      te-groot, and the rest of the request is not read) and hashed (sha256);
//   3. inspectFile (the type by content; zip containers checked for bombs), scanFile (clamd);
//   4. the quota, then the file goes to the store, then the rows and the audit entry are written in
//      one transaction that locks the gemeente's row, checks the scope and the quota again, and so
//      keeps two uploads at once from passing the quota together.
// Whatever fails after the store took the file deletes it again; the temporary folder is always
// removed; a refusal is audited as document.geweigerd with its reason and answered as `invalid`
// with the Dutch message on the field `file`. A dropped connection (the request's signal, or the
// body stream failing) is the refusal `afgebroken`.
import "server-only";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { mutation, refused, type Refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/config/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { errorFields, log } from "@/lib/log";
import {
  DOCUMENT_REFUSAL_MESSAGE,
  MAX_DOCUMENT_BYTES,
  ZDocumentMetaSchema,
  type DocumentRefusal,
  type DocumentView,
  type TDocumentMeta,
} from "@/lib/shared/documenten/documents";
import { ZId } from "@/lib/shared/forms/id";
import { invalid, invalidFromZod, notFound, ok, type Invalid, type Result } from "@/lib/shared/result";
import { inspectFile, sanitizeFileName } from "./inspect";
import { documentInclude, quotaBytes, toDocumentView } from "./queries";
import { fileStore, newStorageKey } from "./store";
import { findEditableOnderdeel, findOwnDocument } from "./targets";
import { scanFile, virusScanRefusal } from "./virus-scan";

/** Room for the form's other fields and the multipart boundaries beside the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
const TEMP_PREFIX = "zelfscan-upload-";

type Fields = Record<string, string>;

/** What arrived: the file spooled to disk with its size and hash, or why nothing usable did. */
type Receipt =
  | { status: "received"; path: string; fileName: string; size: number; sha256: string; fields: Fields }
  | { status: "refused"; reason: DocumentRefusal; fileName: string | null; size: number | null }
  | { status: "invalid"; result: Invalid };

const noFile = (message: string): Invalid => invalid({ file: message }, message);

/**
 * Spools the request's one file into `dir` (a folder of this upload alone) and collects its fields.
 * Stops reading as soon as the file passes MAX_DOCUMENT_BYTES or the request is aborted.
 */
function receive(request: Request, dir: string): Promise<Receipt> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_DOCUMENT_BYTES + FORM_OVERHEAD_BYTES) {
    void request.body?.cancel().catch(() => undefined);
    return Promise.resolve({ status: "refused", reason: "te-groot", fileName: null, size: declared });
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data\b/i.test(contentType)) {
    return Promise.resolve({ status: "invalid", result: noFile("Kies een bestand om toe te voegen.") });
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send the file name in UTF-8.
      defParamCharset: "utf8",
      // busboy reports the limit when a file reaches it: one byte more, so that exactly 25 MB is accepted.
      limits: { files: 1, fileSize: MAX_DOCUMENT_BYTES + 1, fields: 10, fieldSize: 2_000, parts: 12 },
    });
  } catch {
    return Promise.resolve({ status: "invalid", result: noFile("Kies een bestand om toe te voegen.") });
  }
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  const fields: Fields = {};
  const filePath = path.join(dir, "bestand");

  return new Promise<Receipt>((resolve) => {
    let settled = false;
    let writer: WriteStream | null = null;
    let written: Promise<void> | null = null;
    let fileName: string | null = null;
    let size = 0;
    let extraFile = false;
    const hash = createHash("sha256");

    const settle = (receipt: Receipt) => {
      if (settled) return;
      settled = true;
      request.signal.removeEventListener("abort", onAbort);
      resolve(receipt);
    };
    // Refused while reading: read no further (the rest of a too large file is never drained).
    const stop = (reason: DocumentRefusal) => {
      if (settled) return;
      source.unpipe(parser);
      source.destroy();
      writer?.destroy();
      settle({ status: "refused", reason, fileName, size });
    };
    const onAbort = () => stop("afgebroken");
    if (request.signal.aborted) return stop("afgebroken");
    request.signal.addEventListener("abort", onAbort, { once: true });
    source.on("error", () => stop("afgebroken"));

    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || written) {
        extraFile = true;
        stream.resume();
        return;
      }
      fileName = info.filename ?? "";
      stream.on("limit", () => stop("te-groot"));
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      writer = createWriteStream(filePath, { flags: "wx", mode: 0o600 });
      written = pipeline(stream, counter, writer);
      written.catch(() => stop("afgebroken"));
    });
    parser.on("filesLimit", () => {
      extraFile = true;
    });
    // busboy refuses a part header with raw control characters, which is how Chromium sends a file
    // name that has them: refused for its name (percent-encoded ones reach sanitizeFileName).
    parser.on("error", (error: Error) => stop(/malformed part header/i.test(error.message) ? "naam" : "afgebroken"));
    parser.on("close", () => {
      if (!written) return settle({ status: "invalid", result: noFile("Kies een bestand om toe te voegen.") });
      written.then(
        () => {
          if (extraFile) return settle({ status: "invalid", result: noFile("Voeg één bestand per keer toe.") });
          settle({ status: "received", path: filePath, fileName: fileName ?? "", size, sha256: hash.digest("hex"), fields });
        },
        () => stop("afgebroken"),
      );
    });
    source.pipe(parser);
  });
}

/** A file name as the audit log may keep it: no control characters (no NUL, which JSON columns refuse), at most 300 characters. */
function loggedName(name: string | null): string | null {
  return name === null ? null : name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?").slice(0, 300);
}

type Where = { gemeenteId: string; regioId: string; targetType: "Zelfscan" | "Document"; targetId: string; details: Record<string, string> };

async function refuse(
  prisma: PrismaClient,
  actor: Actor,
  where: Where,
  refusal: { reason: DocumentRefusal; fileName: string | null; size: number | null; signature?: string },
  ip: string | null,
): Promise<Invalid> {
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: "document.geweigerd",
    targetType: where.targetType,
    targetId: where.targetId,
    gemeenteId: where.gemeenteId,
    regioId: where.regioId,
    details: {
      ...where.details,
      reason: refusal.reason,
      fileName: loggedName(refusal.fileName),
      size: refusal.size,
      ...(refusal.signature ? { signature: refusal.signature } : {}),
    },
    ip,
  });
  const message = DOCUMENT_REFUSAL_MESSAGE[refusal.reason];
  return invalid({ file: message }, message);
}

async function usedBytes(prisma: PrismaClient | Prisma.TransactionClient, gemeenteId: string): Promise<number> {
  const sum = await prisma.documentVersie.aggregate({ where: { document: { gemeenteId } }, _sum: { size: true } });
  return sum._sum.size ?? 0;
}

/** The stored file as the transaction writes it into a row. */
type StoredFile = { storageKey: string; fileName: string; mediaType: string; size: number; sha256: string };

/**
 * The common part of both uploads: receive, check, store, and let `write` make the rows in the
 * transaction that holds the gemeente's row (it answers null when the quota would be exceeded, or
 * a Result that is not ok when the target went away meanwhile: the stored file is then removed).
 */
async function runUpload<T>(
  prisma: PrismaClient,
  actor: Actor,
  input: {
    request: Request;
    ip: string | null;
    where: Where;
    gemeente: { id: string; documentQuotaMb: number | null };
    parseFields: (fields: Fields) => Result<unknown> | null;
    write: (tx: Prisma.TransactionClient, file: StoredFile) => Promise<Result<T> | "quotum-vol">;
  },
): Promise<Result<T>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  try {
    const receipt = await receive(input.request, dir);
    if (receipt.status === "invalid") return receipt.result;
    if (receipt.status === "refused") return refuse(prisma, actor, input.where, receipt, input.ip);
    const fieldProblem = input.parseFields(receipt.fields);
    if (fieldProblem && fieldProblem.status !== "ok") return fieldProblem;
    const refusal = (reason: DocumentRefusal, signature?: string) =>
      refuse(prisma, actor, input.where, { reason, fileName: receipt.fileName, size: receipt.size, signature }, input.ip);

    if (receipt.size === 0) return refusal("leeg");
    const inspection = await inspectFile(receipt.path);
    if (!inspection.ok) return refusal(inspection.reason);
    const scan = await scanFile(receipt.path);
    const scanRefusal = virusScanRefusal(scan, env().CLAMAV_REQUIRED);
    if (scanRefusal) return refusal(scanRefusal, scan.status === "besmet" ? scan.signature : undefined);
    if (scan.status === "onbereikbaar") log.warn("document.niet-gescand", { gemeenteId: input.gemeente.id });
    if ((await usedBytes(prisma, input.gemeente.id)) + receipt.size > quotaBytes(input.gemeente)) return refusal("quotum-vol");

    const file: StoredFile = {
      storageKey: newStorageKey(input.gemeente.id),
      fileName: sanitizeFileName(receipt.fileName, inspection.extension),
      mediaType: inspection.mediaType,
      size: receipt.size,
      sha256: receipt.sha256,
    };
    const store = fileStore();
    await store.put(file.storageKey, createReadStream(receipt.path), { size: file.size, mediaType: file.mediaType });
    let outcome: Result<T> | "quotum-vol";
    try {
      outcome = await prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Gemeente" WHERE id = ${input.gemeente.id} FOR UPDATE`;
        return input.write(tx, file);
      });
    } catch (error) {
      await removeStored(file.storageKey);
      throw error;
    }
    if (outcome === "quotum-vol" || outcome.status !== "ok") await removeStored(file.storageKey);
    return outcome === "quotum-vol" ? refusal("quotum-vol") : outcome;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Deletes a stored file whose rows were not written; what cannot be deleted now, the sweep (sweep.ts) deletes later. */
export async function removeStored(key: string): Promise<void> {
  try {
    await fileStore().delete(key);
  } catch (error) {
    log.error("document.opruimen-mislukt", { key, ...errorFields(error) });
  }
}

/** In the transaction that holds the gemeente's row: whether the file still fits. */
async function fits(tx: Prisma.TransactionClient, gemeente: { id: string; documentQuotaMb: number | null }, size: number): Promise<boolean> {
  const row = await tx.gemeente.findUniqueOrThrow({ where: { id: gemeente.id }, select: { documentQuotaMb: true } });
  return (await usedBytes(tx, gemeente.id)) + size <= quotaBytes(row);
}

const ZRequest = z.custom<Request>((value) => value instanceof Request);

function parseMeta(fields: Fields): { status: "ok"; data: TDocumentMeta } | Invalid {
  const parsed = z.safeParse(ZDocumentMetaSchema, { title: fields.title ?? "", ingangsdatum: fields.ingangsdatum ?? "" });
  return parsed.success ? { status: "ok", data: parsed.data } : invalidFromZod(parsed.error);
}

/**
 * A new document in the scan's gemeente library, linked to the onderdeel: multipart `title`,
 * `ingangsdatum` (yyyy-mm-dd) and `file`. Only where the actor may change the onderdeel.
 */
export const uploadDocument = mutation({
  handeling: "document uploaden",
  schema: z.strictObject({ zelfscanId: ZId, onderdeelId: ZId, request: ZRequest, ip: z.nullable(z.string()) }),
  form: false,
  async run(prisma, actor, input): Promise<Result<DocumentView> | Refused> {
    const target = await findEditableOnderdeel(prisma, actor, input.zelfscanId, input.onderdeelId);
    if (target === "out of scope") return refused({ type: "Zelfscan", id: input.zelfscanId }, { ip: input.ip });
    if ("status" in target) return target;
    const gemeente = await prisma.gemeente.findUniqueOrThrow({ where: { id: target.gemeenteId }, select: { id: true, documentQuotaMb: true } });
    let meta: TDocumentMeta | null = null;
    return runUpload<DocumentView>(prisma, actor, {
      request: input.request,
      ip: input.ip,
      where: {
        gemeenteId: target.gemeenteId,
        regioId: target.regioId,
        targetType: "Zelfscan",
        targetId: target.zelfscanId,
        details: { zelfscanId: target.zelfscanId, onderdeelId: target.onderdeelId },
      },
      gemeente,
      parseFields(fields) {
        const parsed = parseMeta(fields);
        if (parsed.status === "ok") meta = parsed.data;
        return parsed;
      },
      async write(tx, file): Promise<Result<DocumentView> | "quotum-vol"> {
        await tx.$queryRaw`SELECT id FROM "Zelfscan" WHERE id = ${target.zelfscanId} FOR SHARE`;
        const still = await findEditableOnderdeel(tx, actor, target.zelfscanId, target.onderdeelId);
        if (still === "out of scope") return notFoundNow();
        if ("status" in still) return still;
        if (!(await fits(tx, gemeente, file.size))) return "quotum-vol";
        const { title, ingangsdatum } = meta!;
        const document = await tx.document.create({
          data: {
            gemeenteId: target.gemeenteId,
            title,
            ingangsdatum: new Date(`${ingangsdatum}T00:00:00Z`),
            createdById: actor.userId,
            versies: { create: { nummer: 1, ...file, uploadedById: actor.userId } },
            koppelingen: { create: { zelfscanId: target.zelfscanId, onderdeelId: target.onderdeelId, addedById: actor.userId } },
          },
          include: documentInclude,
        });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "document.geupload",
          targetType: "Document",
          targetId: document.id,
          gemeenteId: target.gemeenteId,
          regioId: target.regioId,
          details: {
            title,
            fileName: file.fileName,
            size: file.size,
            sha256: file.sha256,
            mediaType: file.mediaType,
            zelfscanId: target.zelfscanId,
            onderdeelId: target.onderdeelId,
          },
          ip: input.ip,
        });
        return ok(toDocumentView(document), `“${title}” is toegevoegd.`);
      },
    });
  },
});

/** A new version of a document of the actor's own gemeente's library: multipart `file`. The earlier versions stay. */
export const uploadVersion = mutation({
  handeling: "nieuwe versie van een document uploaden",
  schema: z.strictObject({ documentId: ZId, request: ZRequest, ip: z.nullable(z.string()) }),
  form: false,
  async run(prisma, actor, input): Promise<Result<DocumentView> | Refused> {
    const document = await findOwnDocument(prisma, actor, input.documentId);
    if (!document) return refused({ type: "Document", id: input.documentId }, { ip: input.ip });
    const where: Where = {
      gemeenteId: document.gemeenteId,
      regioId: document.gemeente.regioId,
      targetType: "Document",
      targetId: document.id,
      details: { documentId: document.id },
    };
    return runUpload<DocumentView>(prisma, actor, {
      request: input.request,
      ip: input.ip,
      where,
      gemeente: document.gemeente,
      parseFields: (fields) =>
        Object.keys(fields).length
          ? invalid({}, `Het formulier bevat velden die hier niet zijn toegestaan: ${Object.keys(fields).join(", ")}. Er is niets opgeslagen.`)
          : null,
      async write(tx, file): Promise<Result<DocumentView> | "quotum-vol"> {
        const still = await findOwnDocument(tx, actor, document.id);
        if (!still) return notFoundNow();
        if (!(await fits(tx, document.gemeente, file.size))) return "quotum-vol";
        const last = await tx.documentVersie.aggregate({ where: { documentId: document.id }, _max: { nummer: true } });
        const nummer = (last._max.nummer ?? 0) + 1;
        await tx.documentVersie.create({ data: { documentId: document.id, nummer, ...file, uploadedById: actor.userId } });
        const updated = await tx.document.update({ where: { id: document.id }, data: { updatedAt: new Date() }, include: documentInclude });
        await recordAudit(tx, {
          actorId: actor.userId,
          action: "document.nieuwe-versie",
          targetType: "Document",
          targetId: document.id,
          gemeenteId: document.gemeenteId,
          regioId: document.gemeente.regioId,
          details: { title: document.title, versie: nummer, fileName: file.fileName, size: file.size, sha256: file.sha256, mediaType: file.mediaType },
          ip: input.ip,
        });
        return ok(toDocumentView(updated), `Versie ${nummer} van “${document.title}” is toegevoegd.`);
      },
    });
  },
});

/** The target went away while the file was uploading (another officer deleted it, a grant was withdrawn). */
const notFoundNow = () => notFound("Niet gevonden. Het bestaat niet (meer), of u heeft er geen toegang toe. Er is niets opgeslagen.");
