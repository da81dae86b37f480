"use server";
// The gemeente's document library: changing a document's title and date, deleting one no scan uses.
// serverAction finds who is acting; the data layer parses and checks scope (lib/documenten/mutations.ts).
import { serverAction } from "@/lib/actions/server-action";
import { deleteDocument, updateDocumentMeta } from "@/lib/documenten/mutations";
import { plainId } from "@/lib/shared/forms/text";

const libraryPath = (slug: string) => `/gemeenten/${encodeURIComponent(plainId(slug))}/documenten`;

export async function updateDocumentMetaAction(slug: string, documentId: string, values: unknown) {
  return serverAction((prisma, actor) => updateDocumentMeta(prisma, actor, { documentId, values }), { refresh: libraryPath(slug) });
}

export async function deleteDocumentAction(slug: string, documentId: string) {
  return serverAction((prisma, actor) => deleteDocument(prisma, actor, { documentId }), { refresh: libraryPath(slug) });
}
