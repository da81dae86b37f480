// Serving a stored version: only through the two scoped routes (the scan's, for a document linked
// to that scan; the library's, for the gemeente's documents), always as an attachment with the type
// found at upload, nosniff and a sandboxed policy, never cached, streamed from the store, audited.
// Outside the actor's scope the answer is null (the route answers 404), and the refusal is audited.
import "server-only";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { editableGemeenteWhere } from "@/lib/access/rules/editable";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { ATTACHMENT_POLICY } from "@/lib/http/security-headers";
import { errorFields, log } from "@/lib/log";
import { fileStore, StoredFileMissingError } from "./store";

/** Where the download was asked for: a scan the version's document is linked to, or the gemeente's library. */
export type DownloadScope = { zelfscanId: string } | { gemeenteSlug: string };

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987's filename*. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

function scopeWhere(actor: Actor, scope: DownloadScope): Prisma.DocumentWhereInput {
  return "zelfscanId" in scope
    ? { koppelingen: { some: { zelfscanId: scope.zelfscanId, zelfscan: readableZelfscanWhere(actor) } } }
    : { gemeente: { AND: [{ slug: scope.gemeenteSlug }, editableGemeenteWhere(actor)] } };
}

/** The version as a download Response, or null when it is outside the actor's scope (or does not exist, or its file is gone). */
export async function downloadVersion(
  prisma: PrismaClient,
  actor: Actor,
  input: { scope: DownloadScope; versieId: string; ip: string | null },
): Promise<Response | null> {
  const versie = await prisma.documentVersie.findFirst({
    where: { id: input.versieId, document: scopeWhere(actor, input.scope) },
    include: { document: { select: { id: true, title: true, gemeenteId: true, gemeente: { select: { regioId: true } } } } },
  });
  if (!versie) {
    await auditRefusal(prisma, actor, { type: "DocumentVersie", id: input.versieId }, "document downloaden", { ip: input.ip });
    return null;
  }
  return serveVersion(prisma, actor, versie, {
    ip: input.ip,
    details: "zelfscanId" in input.scope ? { zelfscanId: input.scope.zelfscanId } : { bibliotheek: input.scope.gemeenteSlug },
  });
}

type ServedVersie = {
  id: string;
  nummer: number;
  fileName: string;
  mediaType: string;
  size: number;
  storageKey: string;
  document: { id: string; title: string; gemeenteId: string; gemeente: { regioId: string } };
};

/**
 * Streams a version the caller has found in the actor's scope: audited as document.gedownload
 * (with `details` saying where from), as an attachment with nosniff and the sandboxed policy, never
 * cached. Null when its file is gone. Also the learning network's route (lib/leernetwerk).
 */
export async function serveVersion(
  prisma: PrismaClient,
  actor: Actor,
  versie: ServedVersie,
  input: { ip: string | null; details: Record<string, string> },
): Promise<Response | null> {
  let body: Readable;
  try {
    body = await fileStore().get(versie.storageKey);
  } catch (error) {
    if (!(error instanceof StoredFileMissingError)) throw error;
    // A row without its file: a restore without the files, or a store emptied by hand.
    log.error("document.bestand-ontbreekt", { versieId: versie.id, ...errorFields(error) });
    return null;
  }
  await recordAudit(prisma, {
    actorId: actor.userId,
    action: "document.gedownload",
    targetType: "DocumentVersie",
    targetId: versie.id,
    gemeenteId: versie.document.gemeenteId,
    regioId: versie.document.gemeente.regioId,
    details: {
      documentId: versie.document.id,
      title: versie.document.title,
      versie: versie.nummer,
      fileName: versie.fileName,
      ...input.details,
    },
    ip: input.ip,
  });
  return new Response(Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": versie.mediaType,
      "Content-Length": String(versie.size),
      "Content-Disposition": contentDisposition(versie.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": ATTACHMENT_POLICY,
      "Cache-Control": "private, no-store",
    },
  });
}
