// Changing zelfscans. Every function takes the acting user, checks access inside its database
// query and writes its audit entry in the same transaction as the change: a failure writes nothing.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { canEditGemeente, canLeadRegio, officerGemeenteIds } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { editableZelfscanWhere, readableZelfscanWhere } from "@/lib/access/scope";
import { recordAudit, recordAudits, type AuditInput } from "@/lib/audit/record";
import { getFramework, getItem, type Framework } from "@/lib/framework";
import { Prisma, type Answer, type PrismaClient } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/forms/zod";
import { saveAnswerRequestSchema, type TAnswerInput } from "./answer-schema";
import { toAnswerView, type AnswerView } from "./answer-view";
import { scanProgress } from "./progress";

type Tx = Prisma.TransactionClient;

export type SaveResult =
  | { status: "saved"; answer: AnswerView }
  | { status: "conflict"; current: AnswerView | null; message: string }
  | { status: "invalid"; errors: Record<string, string>; message: string }
  | { status: "locked"; message: string }
  | { status: "not-found" };

const CONFLICT_MESSAGE =
  "Iemand anders heeft dit antwoord intussen gewijzigd. Vergelijk de twee versies en kies welke u wilt bewaren.";

class SaveAbort extends Error {
  constructor(readonly result: SaveResult) {
    super(result.status);
  }
}

type EditableScan = { id: string; frameworkVersion: string; gemeenteId: string; regioId: string };

/**
 * The scan when the actor may edit it now. Every autosave starts here, so this is one SQL
 * statement rather than Prisma's query with two relations; the scope is the rule of
 * editableZelfscanWhere (the actor's own gemeenten, officerGemeenteIds), inside the query.
 */
async function editableScan(tx: Tx, actor: Actor, zelfscanId: string): Promise<EditableScan> {
  const [scan] = await tx.$queryRaw<(EditableScan & { status: string; rondeStatus: string })[]>`
    SELECT z.id, z."frameworkVersion", z."gemeenteId", g."regioId", z.status::text AS status, m.status::text AS "rondeStatus"
    FROM "Zelfscan" z
    JOIN "Gemeente" g ON g.id = z."gemeenteId"
    JOIN "Meetronde" m ON m.id = z."meetrondeId"
    WHERE z.id = ${zelfscanId} AND z."gemeenteId" = ANY(${officerGemeenteIds(actor)})`;
  if (!scan) throw new SaveAbort({ status: "not-found" });
  if (scan.status === "INGEDIEND") {
    throw new SaveAbort({ status: "locked", message: "Deze zelfscan is ingediend en kan niet meer worden gewijzigd, tenzij de projectleider hem heropent." });
  }
  if (scan.rondeStatus === "GESLOTEN") {
    throw new SaveAbort({ status: "locked", message: "Deze meetronde is gesloten; de zelfscan kan niet meer worden gewijzigd." });
  }
  return { id: scan.id, frameworkVersion: scan.frameworkVersion, gemeenteId: scan.gemeenteId, regioId: scan.regioId };
}

function answerData(answer: TAnswerInput) {
  return {
    score: answer.unknown ? null : answer.score,
    unknown: answer.unknown,
    toelichting: answer.toelichting,
    vastgelegdIn: answer.vastgelegdIn,
    vastgelegdAnders: answer.vastgelegdIn.includes("anders") ? answer.vastgelegdAnders : "",
    evidence: answer.evidence,
    targetLevel: answer.targetLevel,
  };
}

type ParsedSave = { itemId: string; baseVersion: number; answer: TAnswerInput; confirm: boolean };

function parseSave(framework: Framework, itemId: string, request: unknown): ParsedSave {
  if (!getItem(framework, itemId)) {
    throw new SaveAbort({ status: "invalid", errors: { itemId: "Dit onderdeel bestaat niet in het kwaliteitskader van deze zelfscan." }, message: "Onbekend onderdeel." });
  }
  const parsed = saveAnswerRequestSchema(framework.scale.max).safeParse(request);
  if (!parsed.success) {
    // Keyed by the answer's own field names ("toelichting", "evidence.0.url"), as the form has them.
    const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([key, message]) => [key.replace(/^answer\./, ""), message]));
    throw new SaveAbort({ status: "invalid", errors, message: Object.values(errors)[0] ?? "De invoer is niet geldig." });
  }
  return { itemId, baseVersion: parsed.data.baseVersion, answer: parsed.data.answer, confirm: parsed.data.confirm ?? false };
}

/**
 * Writes validated answers of one scan: one read of the rows as they are, one write per answer
 * (the version in its WHERE makes check and write one step), one insert for all audit entries.
 * `onItem` names the item being written, so that a step save can say which one failed.
 */
async function writeAnswers(
  tx: Tx,
  actor: Actor,
  scan: EditableScan,
  saves: ParsedSave[],
  ip: string | null,
  onItem: (itemId: string) => void = () => undefined,
): Promise<AnswerView[]> {
  // Raw SQL on this hot path returns the same rows as answer.findMany at half the cost.
  const rows = await tx.$queryRaw<Answer[]>`
    SELECT * FROM "Answer" WHERE "zelfscanId" = ${scan.id} AND "itemId" = ANY(${saves.map((save) => save.itemId)})`;
  const existingByItem = new Map(rows.map((row) => [row.itemId, row]));
  const now = new Date();
  const views: AnswerView[] = [];
  const audits: AuditInput[] = [];
  for (const { itemId, baseVersion, answer, confirm } of saves) {
    onItem(itemId);
    const existing = existingByItem.get(itemId);
    const data = answerData(answer);
    let saved;
    if (!existing) {
      if (baseVersion !== 0) throw new SaveAbort({ status: "conflict", current: null, message: CONFLICT_MESSAGE });
      saved = await tx.answer.create({ data: { zelfscanId: scan.id, itemId, ...data, version: 1, lastEditedById: actor.userId, updatedAt: now } });
    } else {
      const carriedOver = existing.carriedOver && !confirm;
      // The hot path of autosave, as one SQL statement (Prisma's updateMany costs three times as
      // much): the version in the WHERE makes the check and the write one atomic step.
      const count = await tx.$executeRaw`
        UPDATE "Answer"
        SET score = ${data.score}, unknown = ${data.unknown}, toelichting = ${data.toelichting},
            "vastgelegdIn" = ${data.vastgelegdIn}::text[], "vastgelegdAnders" = ${data.vastgelegdAnders},
            evidence = ${JSON.stringify(data.evidence)}::jsonb, "targetLevel" = ${data.targetLevel},
            "carriedOver" = ${carriedOver}, version = version + 1, "lastEditedById" = ${actor.userId}, "updatedAt" = ${now}
        WHERE id = ${existing.id} AND version = ${baseVersion}`;
      if (count === 0) {
        const current = await tx.answer.findUniqueOrThrow({ where: { id: existing.id }, include: { lastEditedBy: { select: { name: true } } } });
        throw new SaveAbort({ status: "conflict", current: toAnswerView(current), message: CONFLICT_MESSAGE });
      }
      // The row is exactly what was written: no need to read it back.
      saved = { ...existing, ...data, carriedOver, version: baseVersion + 1, updatedAt: now };
    }
    views.push(toAnswerView({ ...saved, lastEditedBy: { name: actor.name } }));
    audits.push({
      actorId: actor.userId,
      action: "antwoord.opgeslagen",
      targetType: "Answer",
      targetId: saved.id,
      gemeenteId: scan.gemeenteId,
      regioId: scan.regioId,
      details: {
        zelfscanId: scan.id,
        itemId,
        versie: saved.version,
        van: existing ? { score: existing.score, weetIkNiet: existing.unknown, toelichting: existing.toelichting } : null,
        naar: { score: saved.score, weetIkNiet: saved.unknown, toelichting: saved.toelichting },
      },
      ip,
    });
  }
  await recordAudits(tx, audits);
  return views;
}

async function runSave<T>(prisma: PrismaClient, actor: Actor, zelfscanId: string, work: (tx: Tx) => Promise<T>): Promise<T | SaveResult> {
  try {
    return await prisma.$transaction(work, { timeout: 15_000 });
  } catch (error) {
    if (error instanceof SaveAbort) {
      if (error.result.status === "not-found") await auditRefusal(prisma, actor, { type: "Zelfscan", id: zelfscanId });
      return error.result;
    }
    // Two first saves of the same item at once: the unique index refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "conflict", current: null, message: CONFLICT_MESSAGE };
    }
    throw error;
  }
}

/** Saves one answer (autosave). */
export async function saveAnswer(
  prisma: PrismaClient,
  actor: Actor,
  input: { zelfscanId: string; itemId: string; request: unknown; ip?: string | null },
): Promise<SaveResult> {
  const result = await runSave(prisma, actor, input.zelfscanId, async (tx) => {
    const scan = await editableScan(tx, actor, input.zelfscanId);
    const framework = getFramework(scan.frameworkVersion);
    const [answer] = await writeAnswers(tx, actor, scan, [parseSave(framework, input.itemId, input.request)], input.ip ?? null);
    return { status: "saved" as const, answer: answer! };
  });
  return result;
}

export type StepSaveResult = { status: "saved"; answers: AnswerView[] } | (SaveResult & { itemId?: string });

/** Saves all answers of one step (one eis) as one unit: all of them, or none. */
export async function saveStep(
  prisma: PrismaClient,
  actor: Actor,
  input: { zelfscanId: string; requirementNumber: number; answers: Record<string, unknown>; ip?: string | null },
): Promise<StepSaveResult> {
  let currentItem: string | undefined;
  const result = await runSave(prisma, actor, input.zelfscanId, async (tx) => {
    const scan = await editableScan(tx, actor, input.zelfscanId);
    const framework = getFramework(scan.frameworkVersion);
    const requirement = framework.requirements.find((candidate) => candidate.number === input.requirementNumber);
    const itemIds = Object.keys(input.answers);
    if (!requirement || itemIds.length === 0 || itemIds.some((id) => !requirement.items.some((item) => item.id === id))) {
      throw new SaveAbort({ status: "invalid", errors: { itemId: "Deze onderdelen horen niet bij deze stap." }, message: "Onbekend onderdeel in deze stap." });
    }
    const saves = itemIds.map((itemId) => {
      currentItem = itemId;
      return parseSave(framework, itemId, input.answers[itemId]);
    });
    const saved = await writeAnswers(tx, actor, scan, saves, input.ip ?? null, (itemId) => (currentItem = itemId));
    return { status: "saved" as const, answers: saved };
  });
  return result.status === "saved" ? result : { ...result, itemId: currentItem };
}

export type StartResult = { status: "started"; zelfscanId: string } | { status: "not-found" } | { status: "closed"; message: string };

/**
 * Starts the gemeente's scan in an open round (or returns the one that exists). With carryOver,
 * the answers of the gemeente's previous scan are copied as "overgenomen" until confirmed.
 */
export async function startZelfscan(
  prisma: PrismaClient,
  actor: Actor,
  input: { gemeenteId: string; meetrondeId: string; carryOver: boolean },
): Promise<StartResult> {
  const ronde = await prisma.meetronde.findFirst({
    where: { id: input.meetrondeId, regio: { gemeenten: { some: { id: input.gemeenteId } } } },
  });
  if (!ronde || !canEditGemeente(actor, { id: input.gemeenteId })) {
    await auditRefusal(prisma, actor, { type: "Meetronde", id: input.meetrondeId });
    return { status: "not-found" };
  }
  if (ronde.status !== "OPEN") return { status: "closed", message: "Deze meetronde is niet open; u kunt er geen zelfscan in starten." };
  const existing = await prisma.zelfscan.findUnique({
    where: { gemeenteId_meetrondeId: { gemeenteId: input.gemeenteId, meetrondeId: ronde.id } },
  });
  if (existing) return { status: "started", zelfscanId: existing.id };
  const framework = getFramework(ronde.frameworkVersion);
  try {
    const scan = await prisma.$transaction(async (tx) => {
      const created = await tx.zelfscan.create({
        data: { gemeenteId: input.gemeenteId, meetrondeId: ronde.id, frameworkId: ronde.frameworkId, frameworkVersion: ronde.frameworkVersion },
      });
      let carried = 0;
      if (input.carryOver) {
        const previous = await tx.zelfscan.findFirst({
          where: { gemeenteId: input.gemeenteId, id: { not: created.id }, meetronde: { startsOn: { lt: ronde.startsOn } } },
          orderBy: { meetronde: { startsOn: "desc" } },
          include: { answers: true },
        });
        // Only items that exist with the same id in this round's framework version carry over.
        const answers = (previous?.answers ?? []).filter((answer) => getItem(framework, answer.itemId));
        carried = answers.length;
        if (answers.length) {
          await tx.answer.createMany({
            data: answers.map((answer) => ({
              zelfscanId: created.id,
              itemId: answer.itemId,
              score: answer.score,
              unknown: answer.unknown,
              toelichting: answer.toelichting,
              vastgelegdIn: answer.vastgelegdIn,
              vastgelegdAnders: answer.vastgelegdAnders,
              evidence: answer.evidence ?? [],
              targetLevel: answer.targetLevel,
              carriedOver: true,
              version: 1,
              lastEditedById: actor.userId,
            })),
          });
        }
      }
      const gemeenteRow = await tx.gemeente.findUniqueOrThrow({ where: { id: input.gemeenteId }, select: { regioId: true } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "zelfscan.gestart",
        targetType: "Zelfscan",
        targetId: created.id,
        gemeenteId: input.gemeenteId,
        regioId: gemeenteRow.regioId,
        details: { meetronde: ronde.name, overgenomen: carried },
      });
      return created;
    });
    return { status: "started", zelfscanId: scan.id };
  } catch (error) {
    // Two officers pressing "start" at once: the second finds the first one's scan.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const scan = await prisma.zelfscan.findUniqueOrThrow({
        where: { gemeenteId_meetrondeId: { gemeenteId: input.gemeenteId, meetrondeId: ronde.id } },
      });
      return { status: "started", zelfscanId: scan.id };
    }
    throw error;
  }
}

export type SubmitResult =
  | { status: "submitted" }
  | { status: "incomplete"; message: string; missing: { unanswered: number; missingToelichting: number } }
  | { status: "locked"; message: string }
  | { status: "not-found" };

/** Indienen: only a complete scan (all items answered, required toelichtingen present) is locked. */
export async function submitZelfscan(prisma: PrismaClient, actor: Actor, zelfscanId: string): Promise<SubmitResult> {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: zelfscanId }, editableZelfscanWhere(actor)] },
    include: { answers: true, gemeente: { select: { regioId: true } }, meetronde: { select: { status: true } } },
  });
  if (!scan) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: zelfscanId });
    return { status: "not-found" };
  }
  if (scan.status === "INGEDIEND") return { status: "locked", message: "Deze zelfscan is al ingediend." };
  if (scan.meetronde.status === "GESLOTEN") return { status: "locked", message: "Deze meetronde is gesloten." };
  const framework = getFramework(scan.frameworkVersion);
  const progress = scanProgress(framework, scan.answers);
  const unanswered = progress.total - progress.answered;
  const carried = scan.answers.filter((answer) => answer.carriedOver).length;
  if (unanswered > 0 || progress.missingToelichting > 0 || carried > 0) {
    const parts = [
      unanswered ? `${unanswered} ${unanswered === 1 ? "onderdeel is" : "onderdelen zijn"} nog niet beantwoord` : null,
      progress.missingToelichting ? `bij ${progress.missingToelichting} ${progress.missingToelichting === 1 ? "onderdeel ontbreekt" : "onderdelen ontbreekt"} de toelichting` : null,
      carried ? `${carried} overgenomen ${carried === 1 ? "antwoord is" : "antwoorden zijn"} nog niet bevestigd` : null,
    ].filter(Boolean);
    return { status: "incomplete", message: `U kunt nog niet indienen: ${parts.join(", ")}.`, missing: { unanswered, missingToelichting: progress.missingToelichting } };
  }
  const submitted = await prisma.$transaction(async (tx) => {
    // The status condition makes a double submit (two tabs) harmless.
    const { count } = await tx.zelfscan.updateMany({
      where: { id: scan.id, status: { in: ["CONCEPT", "HEROPEND"] } },
      data: { status: "INGEDIEND", submittedAt: new Date(), submittedById: actor.userId },
    });
    if (count === 1) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "zelfscan.ingediend",
        targetType: "Zelfscan",
        targetId: scan.id,
        gemeenteId: scan.gemeenteId,
        regioId: scan.gemeente.regioId,
      });
    }
    return count === 1;
  });
  return submitted ? { status: "submitted" } : { status: "locked", message: "Deze zelfscan is al ingediend." };
}

export type ReopenResult = { status: "reopened" } | { status: "invalid"; message: string } | { status: "not-found" };

/** The region's project leader reopens a submitted scan, with a reason the municipality sees. */
export async function reopenZelfscan(prisma: PrismaClient, actor: Actor, input: { zelfscanId: string; reason: string }): Promise<ReopenResult> {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: input.zelfscanId }, readableZelfscanWhere(actor)] },
    include: { gemeente: { select: { regioId: true } } },
  });
  if (!scan || !canLeadRegio(actor, scan.gemeente.regioId)) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: input.zelfscanId });
    return { status: "not-found" };
  }
  const reason = input.reason.trim();
  if (reason.length < 5 || reason.length > 1000) return { status: "invalid", message: "Geef een reden van 5 tot 1000 tekens." };
  if (scan.status !== "INGEDIEND") return { status: "invalid", message: "Alleen een ingediende zelfscan kan worden heropend." };
  await prisma.$transaction(async (tx) => {
    await tx.zelfscan.update({
      where: { id: scan.id },
      data: { status: "HEROPEND", reopenedAt: new Date(), reopenedById: actor.userId, reopenReason: reason },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "zelfscan.heropend",
      targetType: "Zelfscan",
      targetId: scan.id,
      gemeenteId: scan.gemeenteId,
      regioId: scan.gemeente.regioId,
      details: { reden: reason },
    });
  });
  return { status: "reopened" };
}
