// The learning network's reads (issue 17, point 4), each scoped to the acting user:
// - a region's leaders: per common gap of a round, the gemeenten of the region whose submitted scan
//   scores 3 on it and that share (name, toelichting, documents), and how many more do without a name;
// - whoever may read a scan (its officers, the region's leaders): per onderdeel where the scan falls
//   short, the shared good examples of the region's other gemeenten in the same round;
// - the documents of a shared example, downloadable by exactly those who may see it, through its own
//   route (/leernetwerk/[zelfscanId]/[onderdeelId]/[versieId]): not once sharing is off or the score
//   is no longer 3. The national team sees none of this (only the counts of lib/landelijk).
// The rules of what a good example is are pure (voorbeelden.ts).
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { editableGemeenteWhere } from "@/lib/access/rules/editable";
import { canLeadRegio, ledRegioWhere } from "@/lib/access/rules/leads-region";
import { readableZelfscanWhere } from "@/lib/access/rules/readable";
import { serveVersion } from "@/lib/documenten/download";
import { documentInclude, toDocumentView } from "@/lib/documenten/queries";
import { getFramework, type Framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { scoreOnderdeel } from "@/lib/scoring/score";
import { gatenVanScan, goedeVoorbeelden, isGoedVoorbeeld, type VoorbeeldenView, type VoorbeeldScan, type VoorbeeldView } from "./voorbeelden";

const ANSWER_FIELDS = { onderdeelId: true, score: true, weetIkNiet: true, doelniveau: true, toelichting: true } as const;

/** The scans of a round with each gemeente's choice to share, as the pure rules read them. */
async function roundScans(prisma: PrismaClient, meetrondeId: string): Promise<VoorbeeldScan[]> {
  const scans = await prisma.zelfscan.findMany({
    where: { meetrondeId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, answers: { select: ANSWER_FIELDS }, gemeente: { select: { id: true, name: true, deeltVoorbeelden: true } } },
  });
  return scans.map((scan) => ({ gemeente: scan.gemeente, scan: { id: scan.id, status: scan.status, answers: scan.answers } }));
}

/** The documents linked to each shared example's answer (the example's scan and onderdeel). */
async function withDocuments(prisma: PrismaClient, lists: ReturnType<typeof goedeVoorbeelden>): Promise<VoorbeeldenView[]> {
  const examples = lists.flatMap((list) => list.voorbeelden);
  const links = examples.length
    ? await prisma.answerDocument.findMany({
        where: { OR: examples.map((example) => ({ zelfscanId: example.scanId, onderdeelId: example.onderdeelId })) },
        orderBy: [{ createdAt: "asc" }, { documentId: "asc" }],
        include: { document: { include: documentInclude } },
      })
    : [];
  return lists.map((list) => ({
    ...list,
    voorbeelden: list.voorbeelden.map((example) => ({
      ...example,
      documents: links
        .filter((link) => link.zelfscanId === example.scanId && link.onderdeelId === example.onderdeelId)
        .map((link) => toDocumentView(link.document)),
    })),
  }));
}

/**
 * For a leader of the region: the good examples of one round on the given onderdelen (the common
 * gaps the page shows). Null, and the refusal audited, for anyone else or a round of another region.
 */
export async function getVoorbeeldenVoorRegio(
  prisma: PrismaClient,
  actor: Actor,
  input: { slug: string; meetrondeId: string; onderdeelIds: readonly string[] },
): Promise<VoorbeeldenView[] | null> {
  const meetronde = await prisma.meetronde.findFirst({ where: { id: input.meetrondeId, regio: { AND: [{ slug: input.slug }, ledRegioWhere(actor)] } } });
  if (!meetronde) {
    await auditRefusal(prisma, actor, { type: "Meetronde", id: input.meetrondeId }, "goede voorbeelden bekijken");
    return null;
  }
  const framework = getFramework(meetronde.frameworkVersion);
  return withDocuments(prisma, goedeVoorbeelden(framework, await roundScans(prisma, meetronde.id), input.onderdeelIds));
}

export type GatMetVoorbeelden = {
  onderdeel: { id: string; shortTitle: string; text: string; requirementNumber: number };
  value: number;
  doelniveau: number;
  weetIkNiet: boolean;
  voorbeelden: VoorbeeldView[];
};

/**
 * For whoever may read the scan (its officers, the region's leaders): per onderdeel where the scan
 * falls short of its target, the shared good examples of the other gemeenten of the round. Only
 * what was shared: no count of those that do not share. Null (and audited) outside the scope.
 */
export async function getVoorbeeldenVoorScan(prisma: PrismaClient, actor: Actor, zelfscanId: string) {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, readableZelfscanWhere(actor)] },
    select: {
      id: true,
      status: true,
      frameworkVersion: true,
      meetrondeId: true,
      answers: { select: ANSWER_FIELDS },
      gemeente: { select: { id: true, name: true, slug: true } },
      meetronde: { select: { name: true } },
    },
  });
  if (!scan) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: zelfscanId }, "goede voorbeelden bekijken");
    return null;
  }
  const framework = getFramework(scan.frameworkVersion);
  const gaten = gatenVanScan(framework, scan.answers);
  const lists = await withDocuments(prisma, goedeVoorbeelden(framework, await roundScans(prisma, scan.meetrondeId), gaten, { zonder: scan.gemeente.id }));
  const byId = new Map(scan.answers.map((answer) => [answer.onderdeelId, answer]));
  return {
    scan: { id: scan.id, status: scan.status, gemeente: scan.gemeente, meetronde: scan.meetronde },
    framework: { title: framework.title, version: framework.version },
    gaten: lists.map((list): GatMetVoorbeelden => {
      const onderdeel = framework.onderdelen.find((candidate) => candidate.id === list.onderdeelId)!;
      const scored = scoreOnderdeel(framework, onderdeel, byId.get(onderdeel.id));
      return {
        onderdeel: { id: onderdeel.id, shortTitle: onderdeel.shortTitle, text: onderdeel.text, requirementNumber: onderdeel.requirementNumber },
        value: scored.value!,
        doelniveau: scored.doelniveau,
        weetIkNiet: scored.weetIkNiet,
        voorbeelden: list.voorbeelden,
      };
    }),
  };
}

/**
 * The example (scan, onderdeel) is one the actor may see: a shared good example (voorbeelden.ts)
 * and the actor leads its region, or is an officer of another gemeente of the round whose scan
 * falls short on that onderdeel.
 */
async function visibleExample(prisma: PrismaClient, actor: Actor, zelfscanId: string, onderdeelId: string): Promise<boolean> {
  const scan = await prisma.zelfscan.findUnique({
    where: { id: zelfscanId },
    select: {
      status: true,
      frameworkVersion: true,
      meetrondeId: true,
      gemeenteId: true,
      gemeente: { select: { regioId: true, deeltVoorbeelden: true } },
      answers: { where: { onderdeelId }, select: ANSWER_FIELDS },
    },
  });
  if (!scan || !scan.gemeente.deeltVoorbeelden) return false;
  const framework: Framework = getFramework(scan.frameworkVersion);
  if (!isGoedVoorbeeld(framework, scan, scan.answers[0])) return false;
  if (canLeadRegio(actor, scan.gemeente.regioId)) return true;
  const own = await prisma.zelfscan.findMany({
    where: { meetrondeId: scan.meetrondeId, gemeenteId: { not: scan.gemeenteId }, gemeente: editableGemeenteWhere(actor) },
    select: { frameworkVersion: true, answers: { select: ANSWER_FIELDS } },
  });
  return own.some((candidate) => gatenVanScan(getFramework(candidate.frameworkVersion), candidate.answers).includes(onderdeelId));
}

/**
 * A document version of a shared good example as a download, or null (the route answers 404):
 * outside the scope of visibleExample, when the version's document is not linked to the example's
 * answer, or when its file is gone. A refusal is audited.
 */
export async function downloadVoorbeeldDocument(
  prisma: PrismaClient,
  actor: Actor,
  input: { zelfscanId: string; onderdeelId: string; versieId: string; ip: string | null },
): Promise<Response | null> {
  const versie = (await visibleExample(prisma, actor, input.zelfscanId, input.onderdeelId))
    ? await prisma.documentVersie.findFirst({
        where: { id: input.versieId, document: { koppelingen: { some: { zelfscanId: input.zelfscanId, onderdeelId: input.onderdeelId } } } },
        include: { document: { select: { id: true, title: true, gemeenteId: true, gemeente: { select: { regioId: true } } } } },
      })
    : null;
  if (!versie) {
    await auditRefusal(prisma, actor, { type: "DocumentVersie", id: input.versieId }, "voorbeelddocument downloaden", { ip: input.ip });
    return null;
  }
  return serveVersion(prisma, actor, versie, { ip: input.ip, details: { leernetwerk: input.zelfscanId, onderdeelId: input.onderdeelId } });
}
