// Changing zelfscans. Every function takes the acting user, checks access inside its database
// query and writes its audit entry in the same transaction as the change: a failure writes nothing.
import "server-only";
import type { Actor } from "@/lib/access/actor";
import { canEditGemeente, canLeadRegio } from "@/lib/access/actor";
import { auditRefusal } from "@/lib/access/refusal";
import { officerZelfscanWhere, readableZelfscanWhere } from "@/lib/access/scope";
import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { getFramework, getItem, type Framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { fieldErrors } from "@/lib/shared/forms/zod";
import { saveAnswerRequestSchema } from "@/lib/shared/zelfscan/answer-schema";
import { toAnswerView, type AnswerView } from "@/lib/shared/zelfscan/answer-view";
import { findScanInScope, storedAnswer, writeAnswers, type AnswerWrite, type WriteOutcome } from "./answer-write";
import { editableZelfscanWhere, isEditable, lockMessage, type EditState } from "./editable";
import { scanProgress } from "./progress";
import { ZReopenSchema } from "@/lib/shared/zelfscan/reopen-schema";

export type SaveResult =
  | { status: "saved"; answer: AnswerView }
  | { status: "conflict"; current: AnswerView | null; message: string }
  | { status: "invalid"; errors: Record<string, string>; message: string }
  | { status: "locked"; message: string }
  | { status: "not-found" };

export type StepSaveResult = { status: "saved"; answers: AnswerView[] } | (Exclude<SaveResult, { status: "saved" }> & { itemId?: string });

const CONFLICT_MESSAGE =
  "Iemand anders heeft dit antwoord intussen gewijzigd. Vergelijk de twee versies en kies welke u wilt bewaren.";

function lockedResult(scan: EditState): { status: "locked"; message: string } {
  return { status: "locked", message: lockMessage(scan) ?? "Deze zelfscan kan niet meer worden gewijzigd." };
}

type Invalid = { status: "invalid"; errors: Record<string, string>; message: string; itemId: string };

function parseSave(framework: Framework, itemId: string, request: unknown): AnswerWrite | Invalid {
  if (!getItem(framework, itemId)) {
    return { status: "invalid", errors: { itemId: "Dit onderdeel bestaat niet in het kwaliteitskader van deze zelfscan." }, message: "Onbekend onderdeel.", itemId };
  }
  const parsed = saveAnswerRequestSchema(framework.scale.max).safeParse(request);
  if (!parsed.success) {
    // Keyed by the answer's own field names ("toelichting", "evidence.0.url"), as the form has them.
    const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([key, message]) => [key.replace(/^answer\./, ""), message]));
    return { status: "invalid", errors, message: Object.values(errors)[0] ?? "De invoer is niet geldig.", itemId };
  }
  return { itemId, baseVersion: parsed.data.baseVersion, answer: parsed.data.answer, confirm: parsed.data.confirm ?? false };
}

// A scan's framework version is pinned when the scan is created and never changes, so once known
// it is taken from here instead of the database. Bounded: the oldest entries make way.
const frameworkVersions = new Map<string, string>();
const FRAMEWORK_VERSIONS_KEPT = 10_000;

function rememberFrameworkVersion(zelfscanId: string, version: string) {
  if (frameworkVersions.size >= FRAMEWORK_VERSIONS_KEPT) frameworkVersions.delete(frameworkVersions.keys().next().value!);
  frameworkVersions.set(zelfscanId, version);
}

/**
 * The save path of autosave and of a whole step: validate the answers against the scan's
 * framework version and write them with their audit entries in one statement (answer-write.ts),
 * which checks scope, status and versions as it writes. The first save of a scan in this process
 * looks the scan up first (in scope, editable), to learn its framework version; invalid input is
 * only reported to someone who may edit the scan, anyone else gets "not found".
 */
async function saveAnswers(
  db: Database,
  actor: Actor,
  input: { zelfscanId: string; ip: string | null },
  validate: (framework: Framework) => AnswerWrite[] | Invalid,
): Promise<{ status: "saved"; answers: AnswerView[] } | Exclude<StepSaveResult, { status: "saved" }>> {
  const notFound = async () => {
    await auditRefusal(db.prisma, actor, { type: "Zelfscan", id: input.zelfscanId });
    return { status: "not-found" as const };
  };
  const lookUp = () => findScanInScope(db.sql, { zelfscanId: input.zelfscanId, actor });
  let version = frameworkVersions.get(input.zelfscanId);
  let inScope = false;
  if (version === undefined) {
    const scan = await lookUp();
    if (!scan) return notFound();
    if (!scan.editable) return lockedResult(scan);
    version = scan.frameworkVersion;
    inScope = true;
    rememberFrameworkVersion(scan.id, version);
  }
  const writes = validate(getFramework(version));
  if (!Array.isArray(writes)) return inScope || (await lookUp()) ? writes : notFound();
  const now = new Date();
  let outcome: WriteOutcome;
  try {
    outcome = await writeAnswers(db.sql, { zelfscanId: input.zelfscanId, actor, actorId: actor.userId, ip: input.ip, now, answers: writes });
  } catch (error) {
    // Two first saves of the same item at once: the unique index refuses the second statement.
    if (isUniqueViolation(error)) return { status: "conflict", current: null, message: CONFLICT_MESSAGE };
    throw error;
  }
  switch (outcome.status) {
    case "not-found":
      return notFound();
    case "locked":
      return lockedResult(outcome.scan);
    case "conflict": {
      const current = await db.prisma.answer.findUnique({
        where: { zelfscanId_itemId: { zelfscanId: input.zelfscanId, itemId: outcome.itemId } },
        include: { lastEditedBy: { select: { name: true } } },
      });
      return { status: "conflict", current: current ? toAnswerView(current) : null, message: CONFLICT_MESSAGE, itemId: outcome.itemId };
    }
    case "written":
      return {
        status: "saved",
        // Exactly what was written (writes[index].answer is stored as normalised by storedAnswer):
        // no need to read it back.
        answers: outcome.answers.map((written, index) =>
          toAnswerView({ ...storedAnswer(writes[index]!.answer), ...written, updatedAt: now, lastEditedBy: { name: actor.name } }),
        ),
      };
  }
}

/** Saves one answer (autosave). */
export async function saveAnswer(
  db: Database,
  actor: Actor,
  input: { zelfscanId: string; itemId: string; request: unknown; ip?: string | null },
): Promise<SaveResult> {
  const result = await saveAnswers(db, actor, { zelfscanId: input.zelfscanId, ip: input.ip ?? null }, (framework) => {
    const write = parseSave(framework, input.itemId, input.request);
    return "status" in write ? write : [write];
  });
  if (result.status === "saved") return { status: "saved", answer: result.answers[0]! };
  if (result.status === "invalid" || result.status === "conflict") {
    const { itemId: _itemId, ...rest } = result;
    return rest;
  }
  return result;
}

/** Saves all answers of one step (one eis) as one unit: all of them, or none. */
export async function saveStep(
  db: Database,
  actor: Actor,
  input: { zelfscanId: string; requirementNumber: number; answers: Record<string, unknown>; ip?: string | null },
): Promise<StepSaveResult> {
  return saveAnswers(db, actor, { zelfscanId: input.zelfscanId, ip: input.ip ?? null }, (framework) => {
    const requirement = framework.requirements.find((candidate) => candidate.number === input.requirementNumber);
    const itemIds = Object.keys(input.answers);
    if (!requirement || itemIds.length === 0 || itemIds.some((id) => !requirement.items.some((item) => item.id === id))) {
      return { status: "invalid", errors: { itemId: "Deze onderdelen horen niet bij deze stap." }, message: "Onbekend onderdeel in deze stap.", itemId: itemIds[0] ?? "" };
    }
    const writes: AnswerWrite[] = [];
    for (const itemId of itemIds) {
      const write = parseSave(framework, itemId, input.answers[itemId]);
      if ("status" in write) return write;
      writes.push(write);
    }
    return writes;
  });
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
    if (isUniqueViolation(error)) {
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
    where: { AND: [{ id: zelfscanId }, officerZelfscanWhere(actor)] },
    include: { answers: true, gemeente: { select: { regioId: true } }, meetronde: { select: { status: true } } },
  });
  if (!scan) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: zelfscanId });
    return { status: "not-found" };
  }
  const state: EditState = { status: scan.status, rondeStatus: scan.meetronde.status };
  if (!isEditable(state)) return lockedResult(state);
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
    // The rule again, as the condition of the update: a double submit (two tabs) or a round
    // closed in the meantime changes nothing.
    const { count } = await tx.zelfscan.updateMany({
      where: { AND: [{ id: scan.id }, editableZelfscanWhere(actor)] },
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
  if (submitted) return { status: "submitted" };
  const now = await prisma.zelfscan.findUniqueOrThrow({ where: { id: scan.id }, select: { status: true, meetronde: { select: { status: true } } } });
  return lockedResult({ status: now.status, rondeStatus: now.meetronde.status });
}

export type ReopenResult = { status: "reopened" } | { status: "invalid"; message: string; errors: { reden?: string } } | { status: "not-found" };

/** The region's project leader reopens a submitted scan, with a reason the municipality sees ({ reden }, ZReopenSchema). */
export async function reopenZelfscan(prisma: PrismaClient, actor: Actor, input: { zelfscanId: string; values: unknown }): Promise<ReopenResult> {
  const scan = await prisma.zelfscan.findFirst({
    where: { AND: [{ id: input.zelfscanId }, readableZelfscanWhere(actor)] },
    include: { gemeente: { select: { regioId: true } } },
  });
  if (!scan || !canLeadRegio(actor, scan.gemeente.regioId)) {
    await auditRefusal(prisma, actor, { type: "Zelfscan", id: input.zelfscanId });
    return { status: "not-found" };
  }
  const parsed = ZReopenSchema.safeParse(input.values);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "De reden is niet geldig.";
    return { status: "invalid", message, errors: { reden: message } };
  }
  const reason = parsed.data.reden;
  if (scan.status !== "INGEDIEND") return { status: "invalid", message: "Alleen een ingediende zelfscan kan worden heropend.", errors: {} };
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
