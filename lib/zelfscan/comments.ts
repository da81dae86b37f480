// Comments on the items of a submitted scan, for the in-depth conversation between the regional
// project leader and the municipality. The leader of the gemeente's region starts a thread on an
// item; the gemeente's officers (and the leader) answer in it. Nobody else sees them: the scope is
// part of every query, and anything outside it is "not found" (and audited). Reading them:
// listComments in queries.ts.
import "server-only";
import * as z from "zod/mini";
import { canEditGemeente } from "@/lib/access/rules/editable";
import { canLeadRegio } from "@/lib/access/rules/leads-region";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { mutation, refused } from "@/lib/actions/mutation";
import { recordAudit } from "@/lib/audit/record";
import { getFramework, getOnderdeel } from "@/lib/framework";
import { personOf } from "@/lib/mail/recipients";
import { queueReactie } from "@/lib/mail/zelfscan-events";
import { ZId } from "@/lib/shared/forms/id";
import { invalid, ok } from "@/lib/shared/result";
import { ZCommentSchema } from "@/lib/shared/zelfscan/comment-schema";

/**
 * A new thread on an item (the leader of the region, on a submitted or reopened scan), or an
 * answer in a thread (`parentId`; the gemeente's officers and the leader): { zelfscanId, itemId,
 * parentId?, values: { body } }.
 */
export const addComment = mutation({
  schema: z.strictObject({ zelfscanId: ZId, onderdeelId: ZId, parentId: z.optional(z.nullable(ZId)), values: ZCommentSchema }),
  form: "values",
  async run(prisma, actor, input) {
    const scan = await prisma.zelfscan.findFirst({
      where: { AND: [{ id: input.zelfscanId }, readableZelfscanWhere(actor)] },
      select: { id: true, status: true, frameworkVersion: true, gemeenteId: true, gemeente: { select: { id: true, regioId: true } } },
    });
    const leads = scan ? canLeadRegio(actor, scan.gemeente.regioId) : false;
    const officer = scan ? canEditGemeente(actor, scan.gemeente) : false;
    const parent =
      scan && input.parentId
        ? await prisma.comment.findFirst({ where: { id: input.parentId, zelfscanId: scan.id, onderdeelId: input.onderdeelId, parentId: null } })
        : null;
    const allowed = scan && getOnderdeel(getFramework(scan.frameworkVersion), input.onderdeelId) && (input.parentId ? parent && (leads || officer) : leads);
    if (!scan || !allowed) return refused({ type: "Zelfscan", id: input.zelfscanId });
    if (!input.parentId && scan.status === "CONCEPT") {
      return invalid({ body: "U kunt opmerkingen plaatsen zodra de gemeente de zelfscan heeft ingediend." });
    }
    const comment = await prisma.$transaction(async (tx) => {
      const created = await tx.comment.create({
        data: { zelfscanId: scan.id, onderdeelId: input.onderdeelId, parentId: parent?.id ?? null, authorId: actor.userId, body: input.values.body },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: parent ? "opmerking.beantwoord" : "opmerking.geplaatst",
        targetType: "Comment",
        targetId: created.id,
        gemeenteId: scan.gemeenteId,
        regioId: scan.gemeente.regioId,
        details: { zelfscanId: scan.id, itemId: input.onderdeelId },
      });
      await queueReactie(tx, { commentId: created.id, actor: personOf(actor), asLeader: leads, asOfficer: officer });
      return created;
    });
    return ok({ id: comment.id }, parent ? "Uw antwoord is geplaatst." : "Uw opmerking is geplaatst.");
  },
});
