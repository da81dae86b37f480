"use server";
// Submitting and reopening a scan, and its comments. serverAction/formAction find who is acting;
// the data layer parses, checks what they may do and answers "not found" outside their scope.
import { formAction, serverAction } from "@/lib/actions/server-action";
import { linkDocument, unlinkDocument } from "@/lib/documenten/mutations";
import { plainId } from "@/lib/shared/forms/text";
import { addComment } from "@/lib/zelfscan/comments";
import { reopenZelfscan, submitZelfscan } from "@/lib/zelfscan/mutations";

// The id comes back from the browser too: only a plain one goes into an address.
const scanPath = (zelfscanId: string) => `/zelfscans/${plainId(zelfscanId)}`;

/** "Indienen" on the overview: a plain form, so it works without JavaScript too. */
export async function submitZelfscanAction(zelfscanId: string): Promise<void> {
  await formAction((prisma, actor) => submitZelfscan(prisma, actor, { zelfscanId }), {
    back: `${scanPath(zelfscanId)}/overzicht`,
    to: () => `${scanPath(zelfscanId)}?ingediend=1`,
    refresh: { path: scanPath(zelfscanId), type: "layout" },
    melding: { invalid: "onvolledig" },
  });
}

export async function reopenZelfscanAction(zelfscanId: string, values: unknown) {
  return serverAction((prisma, actor) => reopenZelfscan(prisma, actor, { zelfscanId, values }), { refresh: { path: scanPath(zelfscanId), type: "layout" } });
}

export async function addCommentAction(zelfscanId: string, onderdeelId: string, parentId: string | null, values: unknown) {
  return serverAction((prisma, actor) => addComment(prisma, actor, { zelfscanId, onderdeelId, parentId, values }), {
    refresh: { path: scanPath(zelfscanId), type: "page" },
  });
}

/** A document of the gemeente's library as evidence for the onderdeel (uploading a new one: POST /api/zelfscans/[id]/antwoorden/[onderdeelId]/documenten). */
export async function linkDocumentAction(zelfscanId: string, onderdeelId: string, documentId: string) {
  return serverAction((prisma, actor) => linkDocument(prisma, actor, { zelfscanId, onderdeelId, documentId }), {
    refresh: { path: scanPath(zelfscanId), type: "layout" },
  });
}

export async function unlinkDocumentAction(zelfscanId: string, onderdeelId: string, documentId: string) {
  return serverAction((prisma, actor) => unlinkDocument(prisma, actor, { zelfscanId, onderdeelId, documentId }), {
    refresh: { path: scanPath(zelfscanId), type: "layout" },
  });
}
