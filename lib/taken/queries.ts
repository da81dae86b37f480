// "Mijn taken" (issue 15): what waits for the signed-in user, across the scans they may reach.
// Every query is scoped by the access rules (editable.ts, readable.ts, leads-region.ts,
// coordinates.ts); the grouping by urgency is pure (lib/shared/taken/groups.ts).
import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/access/actor";
import { officerGemeenteIds } from "@/lib/access/grants";
import { editableZelfscanWhere, officerZelfscanWhere } from "@/lib/access/rules/editable";
import { submittableZelfscanWhere } from "@/lib/access/rules/coordinates";
import { currentActor } from "@/lib/auth/current";
import { prisma } from "@/lib/db/client";
import { ledGemeenteWhere } from "@/lib/access/rules/leads-region";
import { getFramework, getOnderdeel, type Framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { groupByUrgency, type Urgency } from "@/lib/shared/taken/groups";
import { isAnswered, needsToelichting, type AnswerState } from "@/lib/shared/zelfscan/progress";

type ScanRef = { id: string; gemeente: string; meetronde: string };

export type TaakOnderdeel = {
  scan: ScanRef;
  onderdeelId: string;
  eis: number;
  shortTitle: string;
  order: number;
  scanLabel: string;
  dueOn: Date | null;
  note: string;
  carriedOver: boolean;
  href: string;
};
type TaakOpmerking = { scan: ScanRef; onderdeelId: string; commentId: string; lastAuthor: string; lastAt: Date; href: string };
type TaakActie = { scan: ScanRef; id: string; title: string; deadline: Date | null; overdue: boolean; status: string; href: string };

export type MijnTaken = {
  assigned: Record<Urgency, TaakOnderdeel[]>;
  /** Carried-over onderdelen to confirm that nobody is assigned to (for the coordinator, or anyone without one). */
  carriedUnassigned: TaakOnderdeel[];
  comments: TaakOpmerking[];
  acties: TaakActie[];
  count: number;
};

const scanSelect = { id: true, frameworkVersion: true, gemeente: { select: { name: true } }, meetronde: { select: { name: true } } } as const;
type ScanRow = { id: string; frameworkVersion: string; gemeente: { name: string }; meetronde: { name: string } };
const refOf = (scan: ScanRow): ScanRef => ({ id: scan.id, gemeente: scan.gemeente.name, meetronde: scan.meetronde.name });

function done(framework: Framework, answer: AnswerState | undefined): boolean {
  return Boolean(answer && isAnswered(answer) && !(needsToelichting(framework, answer) && answer.toelichting.trim() === ""));
}

/** The wizard's address of an onderdeel: its eis's step, at the onderdeel (AnswerEditor's id). */
function onderdeelHref(framework: Framework, zelfscanId: string, onderdeelId: string, eis: number): string {
  const step = framework.requirements.findIndex((requirement) => requirement.number === eis) + 1;
  return `/zelfscans/${zelfscanId}/stap/${step}#onderdeel-${onderdeelId}`;
}

function taak(scan: ScanRow, onderdeelId: string, extra: { dueOn: Date | null; note: string; carriedOver: boolean }): TaakOnderdeel | null {
  const framework = getFramework(scan.frameworkVersion);
  const onderdeel = getOnderdeel(framework, onderdeelId);
  if (!onderdeel) return null;
  return {
    scan: refOf(scan),
    onderdeelId,
    eis: onderdeel.requirementNumber,
    shortTitle: onderdeel.shortTitle,
    order: onderdeel.order,
    scanLabel: `${scan.gemeente.name} ${scan.meetronde.name}`,
    href: onderdeelHref(framework, scan.id, onderdeelId, onderdeel.requirementNumber),
    ...extra,
  };
}

export async function getMijnTaken(prisma: PrismaClient, actor: Actor, now: Date): Promise<MijnTaken> {
  const officerOf = officerGemeenteIds(actor);
  const [assignments, carried, officerThreads, ledThreads, acties] = await Promise.all([
    officerOf.length
      ? prisma.assignment.findMany({ where: { userId: actor.userId, zelfscan: editableZelfscanWhere(actor) }, include: { zelfscan: { select: scanSelect } } })
      : [],
    // Carried-over answers in scans the actor coordinates (or may submit without a coordinator).
    officerOf.length
      ? prisma.answer.findMany({
          where: { carriedOver: true, zelfscan: { AND: [editableZelfscanWhere(actor), submittableZelfscanWhere(actor)] } },
          select: { zelfscanId: true, onderdeelId: true, zelfscan: { select: { ...scanSelect, assignments: { select: { onderdeelId: true } } } } },
        })
      : [],
    officerOf.length
      ? prisma.comment.findMany({
          where: { parentId: null, zelfscan: officerZelfscanWhere(actor) },
          select: threadSelect(),
        })
      : [],
    prisma.comment.findMany({ where: { parentId: null, zelfscan: { gemeente: ledGemeenteWhere(actor) } }, select: threadSelect() }),
    officerOf.length
      ? prisma.verbeteractie.findMany({
          where: { ownerId: actor.userId, draft: false, status: { in: ["GEPLAND", "IN_UITVOERING"] }, zelfscan: officerZelfscanWhere(actor) },
          select: { id: true, title: true, deadline: true, status: true, zelfscan: { select: scanSelect } },
          orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { title: "asc" }],
        })
      : [],
  ]);

  // Assigned onderdelen still waiting: not done, carried over and not confirmed, or not saved by
  // anyone since it was assigned (an answer given before is the assignee's to check).
  const answers = assignments.length
    ? await prisma.answer.findMany({
        where: { OR: assignments.map((assignment) => ({ zelfscanId: assignment.zelfscanId, onderdeelId: assignment.onderdeelId })) },
        select: { zelfscanId: true, onderdeelId: true, score: true, weetIkNiet: true, toelichting: true, carriedOver: true, updatedAt: true },
      })
    : [];
  const answerOf = new Map(answers.map((answer) => [`${answer.zelfscanId}/${answer.onderdeelId}`, answer]));
  const waiting = assignments.flatMap((assignment) => {
    const answer = answerOf.get(`${assignment.zelfscanId}/${assignment.onderdeelId}`);
    const framework = getFramework(assignment.zelfscan.frameworkVersion);
    if (done(framework, answer) && !answer?.carriedOver && answer!.updatedAt >= assignment.createdAt) return [];
    const item = taak(assignment.zelfscan, assignment.onderdeelId, {
      dueOn: assignment.dueOn,
      note: assignment.note,
      carriedOver: answer?.carriedOver ?? false,
    });
    return item ? [item] : [];
  });

  const carriedUnassigned = carried
    .filter((answer) => !answer.zelfscan.assignments.some((assignment) => assignment.onderdeelId === answer.onderdeelId))
    .flatMap((answer) => {
      const item = taak(answer.zelfscan, answer.onderdeelId, { dueOn: null, note: "", carriedOver: true });
      return item ? [item] : [];
    })
    .sort((a, b) => a.scanLabel.localeCompare(b.scanLabel, "nl") || a.order - b.order);

  // A thread waits for an officer when its last message is by someone who is not an officer of the
  // gemeente (the project leader): on onderdelen assigned to them, or every thread for the
  // coordinator and while the gemeente has none. For a leader, when the last message is by an officer.
  const mine = new Set(assignments.map((assignment) => `${assignment.zelfscanId}/${assignment.onderdeelId}`));
  const comments: TaakOpmerking[] = [];
  for (const thread of officerThreads) {
    const last = thread.replies[0] ?? thread;
    const lastIsOfficer = last.author.roles.some((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId === thread.zelfscan.gemeenteId);
    const everything = thread.zelfscan.gemeente.coordinatorId === null || thread.zelfscan.gemeente.coordinatorId === actor.userId;
    if (lastIsOfficer || !(everything || mine.has(`${thread.zelfscanId}/${thread.onderdeelId}`))) continue;
    comments.push(opmerking(thread, last));
  }
  for (const thread of ledThreads) {
    const last = thread.replies[0] ?? thread;
    if (last.author.roles.some((grant) => grant.role === "BELEIDSMEDEWERKER" && grant.gemeenteId === thread.zelfscan.gemeenteId)) {
      if (!comments.some((comment) => comment.commentId === thread.id)) comments.push(opmerking(thread, last));
    }
  }
  comments.sort((a, b) => a.lastAt.getTime() - b.lastAt.getTime());

  const acts: TaakActie[] = acties.map((actie) => ({
    scan: refOf(actie.zelfscan),
    id: actie.id,
    title: actie.title,
    deadline: actie.deadline,
    overdue: actie.deadline !== null && actie.deadline.getTime() < now.getTime(),
    status: actie.status,
    href: `/zelfscans/${actie.zelfscan.id}/verbeterplan#actie-${actie.id}`,
  }));

  return {
    assigned: groupByUrgency(waiting, now),
    carriedUnassigned,
    comments,
    acties: acts,
    count: waiting.length + carriedUnassigned.length + comments.length + acts.length,
  };
}

function threadSelect() {
  return {
    id: true,
    zelfscanId: true,
    onderdeelId: true,
    createdAt: true,
    author: { select: { name: true, roles: { select: { role: true, gemeenteId: true } } } },
    replies: {
      orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
      take: 1,
      select: { createdAt: true, author: { select: { name: true, roles: { select: { role: true, gemeenteId: true } } } } },
    },
    zelfscan: { select: { ...scanSelect, gemeenteId: true, gemeente: { select: { name: true, coordinatorId: true } } } },
  };
}

type ThreadRow = {
  id: string;
  zelfscanId: string;
  onderdeelId: string;
  zelfscan: ScanRow;
};

function opmerking(thread: ThreadRow, last: { createdAt: Date; author: { name: string } }): TaakOpmerking {
  return {
    scan: refOf(thread.zelfscan),
    onderdeelId: thread.onderdeelId,
    commentId: thread.id,
    lastAuthor: last.author.name,
    lastAt: last.createdAt,
    href: `/zelfscans/${thread.zelfscanId}#onderdeel-${thread.onderdeelId}`,
  };
}

/**
 * The signed-in user's tasks, computed once per request: the header's count (app/layout.tsx) and
 * the page (app/taken) share it. Null when nobody is signed in.
 */
export const mijnTakenOfThisRequest = cache(async (): Promise<MijnTaken | null> => {
  const actor = await currentActor();
  return actor ? getMijnTaken(prisma(), actor, new Date()) : null;
});
