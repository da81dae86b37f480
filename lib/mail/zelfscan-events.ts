// The messages of a zelfscan's events, queued in the transaction of the change that causes them
// (lib/mail/outbox.ts): what rolls back sends nothing. Each goes to the other side of the event,
// never to the person who caused it: a round opened and a scan reopened to the gemeente's
// officers, a scan submitted to the region's leaders, a comment to whoever is on the other side
// of the conversation (and to whoever wrote in that thread).
//
// The dedupe key names the event: the round and the moment it was opened, the scan and the moment
// it was submitted or reopened, the comment.
import "server-only";
import { getFramework, getOnderdeel } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dedupeKey } from "./dedupe-keys";
import { appUrl } from "./links";
import { queueMessage } from "./outbox";
import { leadersOf, officersOf, withoutActor, type Person } from "./recipients";
import { meetrondeGeopendMessage, reactieMessage, zelfscanHeropendMessage, zelfscanIngediendMessage } from "./templates/zelfscan";

type Tx = Prisma.TransactionClient;

/** The place an officer fills in the gemeente's scan of a round: the scan, or the gemeente's page to start it. */
export const scanUrl = (gemeente: { slug: string }, scan: { id: string } | null | undefined) =>
  appUrl(scan ? `/zelfscans/${scan.id}` : `/gemeenten/${gemeente.slug}`);

/** A round was opened at `openedAt`: every active officer of the region's gemeenten hears of it. */
export async function queueMeetrondeGeopend(tx: Tx, input: { meetrondeId: string; actorId: string; openedAt: Date }): Promise<number> {
  const meetronde = await tx.meetronde.findUniqueOrThrow({
    where: { id: input.meetrondeId },
    select: {
      id: true,
      name: true,
      deadline: true,
      regio: { select: { id: true, name: true, gemeenten: { select: { id: true, name: true, slug: true }, orderBy: { id: "asc" } } } },
      zelfscans: { select: { id: true, gemeenteId: true } },
    },
  });
  let written = 0;
  for (const gemeente of meetronde.regio.gemeenten) {
    const scan = meetronde.zelfscans.find((candidate) => candidate.gemeenteId === gemeente.id);
    for (const officer of withoutActor(await officersOf(tx, gemeente.id), input.actorId)) {
      const id = await queueMessage(tx, {
        kind: "MEETRONDE_GEOPEND",
        dedupeKey: dedupeKey.meetrondeGeopend(meetronde.id, input.openedAt, gemeente.id, officer.id),
        to: officer,
        gemeenteId: gemeente.id,
        regioId: meetronde.regio.id,
        body: meetrondeGeopendMessage({ recipient: officer, meetronde, gemeente, regio: meetronde.regio, url: scanUrl(gemeente, scan) }),
      });
      if (id) written += 1;
    }
  }
  return written;
}

const SCAN_SELECT = {
  id: true,
  frameworkVersion: true,
  meetronde: { select: { name: true } },
  gemeente: { select: { id: true, name: true, slug: true, regio: { select: { id: true, name: true } } } },
} as const;

/** A scan was submitted at `submittedAt`: the region's active leaders hear of it. */
export async function queueZelfscanIngediend(tx: Tx, input: { zelfscanId: string; actor: Person; submittedAt: Date }): Promise<number> {
  const scan = await tx.zelfscan.findUniqueOrThrow({ where: { id: input.zelfscanId }, select: SCAN_SELECT });
  const { gemeente } = scan;
  let written = 0;
  for (const leader of withoutActor(await leadersOf(tx, gemeente.regio.id), input.actor.id)) {
    const id = await queueMessage(tx, {
      kind: "ZELFSCAN_INGEDIEND",
      dedupeKey: dedupeKey.zelfscanIngediend(scan.id, input.submittedAt, leader.id),
      to: leader,
      gemeenteId: gemeente.id,
      regioId: gemeente.regio.id,
      body: zelfscanIngediendMessage({
        recipient: leader,
        submittedBy: input.actor,
        submittedAt: input.submittedAt,
        meetronde: scan.meetronde,
        gemeente,
        regio: gemeente.regio,
        url: appUrl(`/zelfscans/${scan.id}`),
      }),
    });
    if (id) written += 1;
  }
  return written;
}

/** A scan was reopened at `reopenedAt` with a reason: the gemeente's active officers hear of it, with the reason. */
export async function queueZelfscanHeropend(tx: Tx, input: { zelfscanId: string; actor: Person; reopenedAt: Date; reason: string }): Promise<number> {
  const scan = await tx.zelfscan.findUniqueOrThrow({ where: { id: input.zelfscanId }, select: SCAN_SELECT });
  const { gemeente } = scan;
  let written = 0;
  for (const officer of withoutActor(await officersOf(tx, gemeente.id), input.actor.id)) {
    const id = await queueMessage(tx, {
      kind: "ZELFSCAN_HEROPEND",
      dedupeKey: dedupeKey.zelfscanHeropend(scan.id, input.reopenedAt, officer.id),
      to: officer,
      gemeenteId: gemeente.id,
      regioId: gemeente.regio.id,
      body: zelfscanHeropendMessage({
        recipient: officer,
        reopenedBy: input.actor,
        reason: input.reason,
        meetronde: scan.meetronde,
        gemeente,
        regio: gemeente.regio,
        url: appUrl(`/zelfscans/${scan.id}`),
      }),
    });
    if (id) written += 1;
  }
  return written;
}

/**
 * A comment or reply was placed. A leader's goes to the gemeente's officers, an officer's to the
 * region's leaders (someone who is both: to both); and to everyone who wrote in that thread and
 * still takes part in the conversation (an active officer of the gemeente or leader of the
 * region). Never to its writer.
 */
export async function queueReactie(tx: Tx, input: { commentId: string; actor: Person; asLeader: boolean; asOfficer: boolean }): Promise<number> {
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: input.commentId },
    select: { id: true, onderdeelId: true, parentId: true, zelfscan: { select: SCAN_SELECT } },
  });
  const scan = comment.zelfscan;
  const { gemeente } = scan;
  const officers = await officersOf(tx, gemeente.id);
  const leaders = await leadersOf(tx, gemeente.regio.id);
  const otherSide = [...(input.asLeader ? officers : []), ...(input.asOfficer ? leaders : [])];
  const threadId = comment.parentId ?? comment.id;
  const writers = new Set(
    (await tx.comment.findMany({ where: { OR: [{ id: threadId }, { parentId: threadId }] }, select: { authorId: true } })).map((row) => row.authorId),
  );
  const inThread = [...officers, ...leaders].filter((person) => writers.has(person.id));
  const onderdeel = getOnderdeel(getFramework(scan.frameworkVersion), comment.onderdeelId);
  if (!onderdeel) throw new Error(`Onderdeel ${comment.onderdeelId} bestaat niet in het kwaliteitskader van zelfscan ${scan.id}.`);
  let written = 0;
  for (const recipient of withoutActor([...otherSide, ...inThread], input.actor.id)) {
    const id = await queueMessage(tx, {
      kind: "REACTIE",
      dedupeKey: dedupeKey.reactie(comment.id, recipient.id),
      to: recipient,
      gemeenteId: gemeente.id,
      regioId: gemeente.regio.id,
      body: reactieMessage({
        recipient,
        author: input.actor,
        reply: comment.parentId !== null,
        onderdeel,
        meetronde: scan.meetronde,
        gemeente,
        regio: gemeente.regio,
        url: appUrl(`/zelfscans/${scan.id}#onderdeel-${onderdeel.id}`),
      }),
    });
    if (id) written += 1;
  }
  return written;
}
