// Reading evidence documents, always within the actor's scope (the scope is part of the query):
// the documents of a scan's answers and the gemeente's library are readable by whoever may read the
// gemeente's scans (lib/access/rules/readable.ts: its officers and the leaders of its region).
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { editableGemeenteWhere } from "@/lib/access/rules/editable";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { env } from "@/lib/config/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DocumentView, LibraryDocumentView } from "@/lib/shared/documenten/documents";

export const documentInclude = {
  versies: { orderBy: { nummer: "desc" }, include: { uploadedBy: { select: { name: true } } } },
} satisfies Prisma.DocumentInclude;

type DocumentRow = Prisma.DocumentGetPayload<{ include: typeof documentInclude }>;

/** A stored date (@db.Date, midnight UTC) as yyyy-mm-dd. */
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

export function toDocumentView(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    title: row.title,
    ingangsdatum: isoDay(row.ingangsdatum),
    versies: row.versies.map((versie) => ({
      id: versie.id,
      nummer: versie.nummer,
      fileName: versie.fileName,
      mediaType: versie.mediaType,
      size: versie.size,
      uploadedAt: versie.createdAt.toISOString(),
      uploadedBy: versie.uploadedBy?.name ?? null,
    })),
  };
}

/** The documents of many scans by scan and onderdeel, in the order they were added; scans outside the actor's scope are left out. */
export async function getDocumentsForScans(
  prisma: PrismaClient,
  actor: Actor,
  zelfscanIds: readonly string[],
): Promise<Map<string, Map<string, DocumentView[]>>> {
  const byScan = new Map<string, Map<string, DocumentView[]>>();
  if (zelfscanIds.length === 0) return byScan;
  const links = await prisma.answerDocument.findMany({
    where: { zelfscanId: { in: [...zelfscanIds] }, zelfscan: readableZelfscanWhere(actor) },
    orderBy: [{ createdAt: "asc" }, { documentId: "asc" }],
    include: { document: { include: documentInclude } },
  });
  for (const link of links) {
    const byOnderdeel = byScan.get(link.zelfscanId) ?? new Map<string, DocumentView[]>();
    byOnderdeel.set(link.onderdeelId, [...(byOnderdeel.get(link.onderdeelId) ?? []), toDocumentView(link.document)]);
    byScan.set(link.zelfscanId, byOnderdeel);
  }
  return byScan;
}

/**
 * The documents of a scan's answers by onderdeelId; an empty map when the scan is outside the
 * actor's scope (the page that shows the scan has already answered and audited that).
 */
export async function getAnswerDocuments(prisma: PrismaClient, actor: Actor, zelfscanId: string): Promise<Map<string, DocumentView[]>> {
  return (await getDocumentsForScans(prisma, actor, [zelfscanId])).get(zelfscanId) ?? new Map();
}

/** The gemeente's quota in bytes: its own setting, else DOCUMENT_QUOTA_MB. */
export function quotaBytes(gemeente: { documentQuotaMb: number | null }): number {
  return (gemeente.documentQuotaMb ?? env().DOCUMENT_QUOTA_MB) * 1024 * 1024;
}

/**
 * The gemeente's library: every document with its versions (newest first) and where it is used,
 * the storage taken and the quota, for the gemeente's own officers (who upload new versions, change
 * and delete); null (and the refusal audited) for anyone else. A project leader reads documents only
 * where a scan names them (getAnswerDocuments, the scan's download route).
 */
export async function getDocumentLibrary(prisma: PrismaClient, actor: Actor, gemeenteSlug: string) {
  const gemeente = await prisma.gemeente.findFirst({
    where: { AND: [{ slug: gemeenteSlug }, editableGemeenteWhere(actor)] },
    select: { id: true, name: true, slug: true, documentQuotaMb: true },
  });
  if (!gemeente) {
    await auditRefusal(prisma, actor, { type: "Gemeente", slug: gemeenteSlug });
    return null;
  }
  const [rows, used] = await Promise.all([
    prisma.document.findMany({
      where: { gemeenteId: gemeente.id },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      include: {
        ...documentInclude,
        koppelingen: {
          orderBy: [{ zelfscan: { meetronde: { startsOn: "desc" } } }, { onderdeelId: "asc" }],
          select: { zelfscanId: true, onderdeelId: true, zelfscan: { select: { meetronde: { select: { name: true } } } } },
        },
      },
    }),
    prisma.documentVersie.aggregate({ where: { document: { gemeenteId: gemeente.id } }, _sum: { size: true } }),
  ]);
  const documents: LibraryDocumentView[] = rows.map((row) => ({
    ...toDocumentView(row),
    usedIn: row.koppelingen.map((link) => ({ zelfscanId: link.zelfscanId, meetronde: link.zelfscan.meetronde.name, onderdeelId: link.onderdeelId })),
  }));
  return {
    gemeente: { id: gemeente.id, name: gemeente.name, slug: gemeente.slug },
    documents,
    storage: { usedBytes: used._sum.size ?? 0, quotaBytes: quotaBytes(gemeente) },
  };
}
