// Changing the gemeente's document library and the evidence of answers, apart from uploading
// (upload.ts): linking a library document to an onderdeel and unlinking it (where the actor may
// change the onderdeel), changing a document's title and date, and deleting a document that no
// scan uses any more (its versions' rows, then their stored files). Officers of the gemeente only;
// everything else is not found, and audited as a refusal.
import "server-only";
import * as z from "zod/mini";
import type { Actor } from "@/lib/access/actor";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ZDocumentMetaSchema } from "@/lib/shared/documenten/documents";
import { ZId } from "@/lib/shared/forms/id";
import { locked, ok } from "@/lib/shared/result";
import { findEditableOnderdeel, findOwnDocument } from "./targets";
import { removeStored } from "./upload";

const ZLinkInput = z.strictObject({ zelfscanId: ZId, onderdeelId: ZId, documentId: ZId });

/**
 * Both ends of a link, in the actor's scope: an onderdeel they may change and a document of the
 * same gemeente's library; otherwise the refusal (or the lock) to answer with.
 */
async function findLink(prisma: PrismaClient, actor: Actor, input: z.infer<typeof ZLinkInput>) {
  const target = await findEditableOnderdeel(prisma, actor, input.zelfscanId, input.onderdeelId);
  if (target === "out of scope") return refused({ type: "Zelfscan", id: input.zelfscanId });
  if ("status" in target) return target;
  const document = await findOwnDocument(prisma, actor, input.documentId);
  if (!document || document.gemeenteId !== target.gemeenteId) return refused({ type: "Document", id: input.documentId });
  return { target, document };
}

/** An existing document of the scan's gemeente library as evidence for the onderdeel ({ zelfscanId, onderdeelId, documentId }). */
export const linkDocument = mutation({
  handeling: "document bij een onderdeel zetten",
  schema: ZLinkInput,
  form: false,
  async run(prisma, actor, input) {
    const found = await findLink(prisma, actor, input);
    if (!("target" in found)) return found;
    const { target, document } = found;
    const created = await prisma.$transaction(async (tx) => {
      // Held until the link is written, so that deleteDocument (which locks it FOR UPDATE) sees it.
      await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${document.id} FOR SHARE`;
      const exists = await tx.answerDocument.findUnique({
        where: { zelfscanId_onderdeelId_documentId: { zelfscanId: target.zelfscanId, onderdeelId: target.onderdeelId, documentId: document.id } },
      });
      if (exists) return false;
      await tx.answerDocument.create({
        data: { zelfscanId: target.zelfscanId, onderdeelId: target.onderdeelId, documentId: document.id, addedById: actor.userId },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "document.gekoppeld",
        targetType: "Document",
        targetId: document.id,
        gemeenteId: target.gemeenteId,
        regioId: target.regioId,
        details: { title: document.title, zelfscanId: target.zelfscanId, onderdeelId: target.onderdeelId },
      });
      return true;
    });
    return ok(
      null,
      created ? `“${document.title}” staat nu bij onderdeel ${target.onderdeelId}.` : `“${document.title}” stond al bij onderdeel ${target.onderdeelId}.`,
    );
  },
});

/** The document no longer as evidence for the onderdeel; it stays in the library ({ zelfscanId, onderdeelId, documentId }). */
export const unlinkDocument = mutation({
  handeling: "document bij een onderdeel weghalen",
  schema: ZLinkInput,
  form: false,
  async run(prisma, actor, input) {
    const found = await findLink(prisma, actor, input);
    if (!("target" in found)) return found;
    const { target, document } = found;
    await prisma.$transaction(async (tx) => {
      const removed = await tx.answerDocument.deleteMany({
        where: { zelfscanId: target.zelfscanId, onderdeelId: target.onderdeelId, documentId: document.id },
      });
      if (removed.count === 0) return;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "document.ontkoppeld",
        targetType: "Document",
        targetId: document.id,
        gemeenteId: target.gemeenteId,
        regioId: target.regioId,
        details: { title: document.title, zelfscanId: target.zelfscanId, onderdeelId: target.onderdeelId },
      });
    });
    return ok(null, `“${document.title}” is bij onderdeel ${target.onderdeelId} weggehaald; het blijft in de documentenbibliotheek.`);
  },
});

/** A document's title and the date it takes effect ({ documentId, values: { title, ingangsdatum } }). */
export const updateDocumentMeta = mutation({
  handeling: "document wijzigen",
  schema: z.strictObject({ documentId: ZId, values: ZDocumentMetaSchema }),
  form: "values",
  async run(prisma, actor, { documentId, values }) {
    const document = await findOwnDocument(prisma, actor, documentId);
    if (!document) return refused({ type: "Document", id: documentId });
    const before = { title: document.title, ingangsdatum: document.ingangsdatum.toISOString().slice(0, 10) };
    await prisma.$transaction(async (tx) => {
      await tx.document.update({ where: { id: document.id }, data: { title: values.title, ingangsdatum: new Date(`${values.ingangsdatum}T00:00:00Z`) } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "document.gewijzigd",
        targetType: "Document",
        targetId: document.id,
        gemeenteId: document.gemeenteId,
        regioId: document.gemeente.regioId,
        details: { van: before, naar: values },
      });
    });
    return ok({ id: document.id }, "Het document is bijgewerkt.");
  },
});

/** Why a document that scans use cannot be deleted: where it is used, in words. */
function inUseMessage(uses: { onderdeelId: string; meetronde: string }[]): string {
  const places = uses.slice(0, 5).map((use) => `onderdeel ${use.onderdeelId} (${use.meetronde})`);
  const more = uses.length > 5 ? ` en nog ${uses.length - 5} andere` : "";
  const list = places.length === 1 ? places[0] : `${places.slice(0, -1).join(", ")} en ${places.at(-1)}`;
  return `Dit document wordt nog gebruikt bij ${list}${more}. Haal het daar eerst weg; dan kunt u het verwijderen.`;
}

/**
 * Deletes a document of the library that no scan links, with all its versions: first the rows (in
 * one transaction with the audit entry), then the stored files. A file that cannot be deleted now
 * has no row any more, so the sweep (sweep.ts) deletes it later.
 */
export const deleteDocument = mutation({
  handeling: "document verwijderen",
  schema: z.strictObject({ documentId: ZId }),
  form: false,
  async run(prisma, actor, { documentId }) {
    const document = await findOwnDocument(prisma, actor, documentId);
    if (!document) return refused({ type: "Document", id: documentId });
    const outcome = await prisma.$transaction(async (tx) => {
      // Locked so that a link written at the same moment (linkDocument holds it FOR SHARE) is either seen here or waits.
      await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${document.id} FOR UPDATE`;
      const uses = await tx.answerDocument.findMany({
        where: { documentId: document.id },
        orderBy: [{ zelfscan: { meetronde: { startsOn: "desc" } } }, { onderdeelId: "asc" }],
        select: { onderdeelId: true, zelfscan: { select: { meetronde: { select: { name: true } } } } },
      });
      if (uses.length) return { inUse: uses.map((use) => ({ onderdeelId: use.onderdeelId, meetronde: use.zelfscan.meetronde.name })), keys: [] };
      const versies = await tx.documentVersie.findMany({ where: { documentId: document.id }, select: { storageKey: true, nummer: true } });
      await tx.document.delete({ where: { id: document.id } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "document.verwijderd",
        targetType: "Document",
        targetId: document.id,
        gemeenteId: document.gemeenteId,
        regioId: document.gemeente.regioId,
        details: { title: document.title, versies: versies.length },
      });
      return { inUse: [], keys: versies.map((versie) => versie.storageKey) };
    });
    if (outcome.inUse.length) return locked(inUseMessage(outcome.inUse));
    for (const key of outcome.keys) await removeStored(key);
    return ok({ slug: document.gemeente.slug }, `“${document.title}” is verwijderd, met al zijn versies.`);
  },
});
