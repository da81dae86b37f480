// What an officer changes when they upload, link or unlink a document, found through the scope
// rules (lib/access/rules): the onderdeel of a scan they may edit, or a document of their own
// gemeente's library. Shared by the upload pipeline (upload.ts) and the mutations (mutations.ts).
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { mayEditOnderdeel } from "@/lib/access/rules/coordinates";
import { editableGemeenteWhere, isEditable, lockMessage, officerZelfscanWhere } from "@/lib/access/rules/editable";
import { getFramework, getOnderdeel } from "@/lib/framework";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { locked, type Locked } from "@/lib/shared/result";
import { notTheirsMessage } from "@/lib/zelfscan/mutations";

type Reader = PrismaClient | Prisma.TransactionClient;

export type EditableOnderdeel = { zelfscanId: string; onderdeelId: string; gemeenteId: string; regioId: string };

/**
 * The onderdeel of a scan of the actor's own gemeente, when the actor may change it now: "out of
 * scope" (not the actor's gemeente, no such scan or onderdeel), a Locked answer (submitted, round
 * closed, assigned to others), or the onderdeel with the scan's gemeente and regio.
 */
export async function findEditableOnderdeel(
  prisma: Reader,
  actor: Actor,
  zelfscanId: string,
  onderdeelId: string,
): Promise<EditableOnderdeel | Locked | "out of scope"> {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, officerZelfscanWhere(actor)] },
    select: {
      id: true,
      status: true,
      frameworkVersion: true,
      onlyAssigneesEdit: true,
      meetronde: { select: { status: true } },
      gemeente: { select: { id: true, regioId: true, coordinatorId: true } },
      assignments: { where: { onderdeelId }, select: { userId: true, user: { select: { name: true } } } },
    },
  });
  if (!scan || !getOnderdeel(getFramework(scan.frameworkVersion), onderdeelId)) return "out of scope";
  const state = { status: scan.status, meetrondeStatus: scan.meetronde.status };
  if (!isEditable(state)) return locked(lockMessage(state) ?? "Deze zelfscan kan niet meer worden gewijzigd.");
  const assignees = scan.assignments.map((row) => row.userId);
  if (!mayEditOnderdeel(actor, scan, assignees)) {
    return locked(
      notTheirsMessage(
        onderdeelId,
        scan.assignments.map((row) => row.user.name),
      ),
    );
  }
  return { zelfscanId: scan.id, onderdeelId, gemeenteId: scan.gemeente.id, regioId: scan.gemeente.regioId };
}

/** A document of the actor's own gemeente's library, with its gemeente's regio; null outside that scope. */
export async function findOwnDocument(prisma: Reader, actor: Actor, documentId: string) {
  return prisma.document.findFirst({
    where: { AND: [{ id: documentId }, { gemeente: editableGemeenteWhere(actor) }] },
    include: { gemeente: { select: { id: true, slug: true, regioId: true, documentQuotaMb: true } } },
  });
}
